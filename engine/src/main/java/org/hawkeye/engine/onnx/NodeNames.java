package org.hawkeye.engine.onnx;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Gives every node a unique name, since names key the prefix tree and error messages. Names from the file win:
 * the first node carrying a name keeps it; an unnamed node becomes {@code <OpType>_<index in file>}; a repeated
 * or colliding name gets the smallest free {@code _<k>} suffix.
 */
final class NodeNames {

    private NodeNames() {
    }

    /** @param fileNames the names as written in the file ("" when unnamed), @param opTypes in the same order */
    static List<String> assign(List<String> fileNames, List<String> opTypes) {
        Set<String> used = new HashSet<>();
        boolean[] keeps = new boolean[fileNames.size()];
        for (int i = 0; i < fileNames.size(); i++) {
            String name = fileNames.get(i);
            keeps[i] = !name.isEmpty() && used.add(name);
        }
        List<String> out = new ArrayList<>(fileNames.size());
        // the next suffix to try per base name: thousands of nodes sharing one name must not make this quadratic
        Map<String, Integer> nextSuffix = new HashMap<>();
        for (int i = 0; i < fileNames.size(); i++) {
            if (keeps[i]) {
                out.add(fileNames.get(i));
                continue;
            }
            boolean unnamed = fileNames.get(i).isEmpty();
            String base = unnamed ? opTypes.get(i) + "_" + i : fileNames.get(i);
            // An unnamed node tries its synthesised name as is; a duplicate starts at suffix _1.
            String name = unnamed ? base : base + "_1";
            int k = nextSuffix.getOrDefault(base, unnamed ? 1 : 2);
            while (!used.add(name)) {
                name = base + "_" + k++;
            }
            nextSuffix.put(base, k);
            out.add(name);
        }
        return out;
    }
}
