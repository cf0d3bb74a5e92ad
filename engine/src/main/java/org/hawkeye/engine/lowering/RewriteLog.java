package org.hawkeye.engine.lowering;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What the approximate-phase rules did: per rule and request, how many patterns they matched and nodes changed. */
public final class RewriteLog {
    /** One rule's work for one request: pattern matches, nodes of the model removed, nodes created. */
    public record Entry(String rule, String request, int matches, int removed, int created) {
    }

    private final Map<List<String>, int[]> counts = new LinkedHashMap<>();

    void matched(String rule, String request, int removedNodes) {
        int[] c = counts.computeIfAbsent(List.of(rule, request), k -> new int[3]);
        c[0]++;
        c[1] += removedNodes;
    }

    void created(String rule, String request) {
        counts.computeIfAbsent(List.of(rule, request), k -> new int[3])[2]++;
    }

    /** Every rule that fired, in the order they first fired. */
    public List<Entry> entries() {
        List<Entry> out = new ArrayList<>();
        counts.forEach((k, c) -> out.add(new Entry(k.get(0), k.get(1), c[0], c[1], c[2])));
        return out;
    }

    /** Pattern matches of a request (by its label, e.g. {@code relu=quad@/layer4}) over all rules. */
    public int matches(String request) {
        return entries().stream().filter(e -> e.request().equals(request)).mapToInt(Entry::matches).sum();
    }
}
