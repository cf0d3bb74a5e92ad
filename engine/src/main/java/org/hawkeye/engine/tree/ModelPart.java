package org.hawkeye.engine.tree;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import org.hawkeye.engine.cost.Cost;

/**
 * The part of a transformer an op belongs to, read from its module path: attention, MLP, norm, embedding, head,
 * or other. The words that decide it are data, {@code model-parts.properties} beside this class.
 */
public enum ModelPart {
    ATTENTION("attention"), MLP("mlp"), NORM("norm"), EMBEDDING("embedding"), HEAD("head"), OTHER("other");

    private static final List<Map.Entry<ModelPart, List<String>>> WORDS = load();

    private final String label;

    ModelPart(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** The part of an op whose module path has these segments (the op's own name last, which is ignored). */
    public static ModelPart of(List<String> segments) {
        for (Map.Entry<ModelPart, List<String>> part : WORDS) {
            for (int i = 0; i < segments.size() - 1; i++) {
                String s = segments.get(i).toLowerCase(Locale.ROOT);
                for (String w : part.getValue()) {
                    if (s.contains(w)) {
                        return part.getKey();
                    }
                }
            }
        }
        return OTHER;
    }

    /** The cost of every part under {@code root}; the parts add up to the root's total. */
    public static Map<ModelPart, Cost> split(TreeNode root) {
        Map<ModelPart, Cost> out = new EnumMap<>(ModelPart.class);
        for (ModelPart p : values()) {
            out.put(p, Cost.ZERO);
        }
        walk(root, new ArrayList<>(), out, true);
        return out;
    }

    private static void walk(TreeNode node, List<String> path, Map<ModelPart, Cost> out, boolean root) {
        if (!root) {
            path.add(node.name());
        }
        if (node.kind() == TreeNode.Kind.OP) {
            out.merge(of(path), node.total(), Cost::plus);
        } else if (node.kind() != TreeNode.Kind.PROTOCOL) {
            for (TreeNode child : node.children()) {
                walk(child, path, out, false);
            }
        }
        if (!root) {
            path.remove(path.size() - 1);
        }
    }

    private static List<Map.Entry<ModelPart, List<String>>> load() {
        Properties p = new Properties();
        try (InputStream in = ModelPart.class.getResourceAsStream("model-parts.properties")) {
            if (in == null) {
                throw new IllegalStateException("model-parts.properties missing from the jar");
            }
            p.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<Map.Entry<ModelPart, List<String>>> out = new ArrayList<>();
        for (String name : p.getProperty("order", "").split(",")) {
            ModelPart part = valueOf(name.strip().toUpperCase(Locale.ROOT));
            List<String> words = new ArrayList<>();
            for (String w : p.getProperty(name.strip(), "").split(",")) {
                if (!w.isBlank()) {
                    words.add(w.strip());
                }
            }
            out.add(Map.entry(part, List.copyOf(words)));
        }
        return List.copyOf(out);
    }
}
