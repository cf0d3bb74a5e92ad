package org.hawkeye.engine.whatif;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hawkeye.engine.ProfileOptions;
import org.hawkeye.engine.ProfileResult;
import org.hawkeye.engine.Profiler;
import org.hawkeye.engine.RewrittenProfile;
import org.hawkeye.engine.cost.Cost;
import org.hawkeye.engine.graph.Graph;
import org.hawkeye.engine.graph.Node;
import org.hawkeye.engine.lowering.Rewrite;
import org.hawkeye.engine.lowering.RewriteLog;
import org.hawkeye.engine.tree.TreeNode;
import org.hawkeye.specs.RewriteCatalog;
import org.hawkeye.specs.RewriteSpec;

/**
 * A model profiled twice under one framework: as exported and as the what-if rewrites change it, compared per
 * module. A request that changes nothing is reported as a warning naming it, never dropped silently.
 */
public final class WhatIf {
    /** One row of the comparison: a module path (or "total") with its cost before and after. */
    public record Row(String path, int depth, Cost before, Cost after) {
    }

    /** Both profiles, the requests, what the rules did, and the warnings. */
    public record Result(ProfileResult before, ProfileResult after, List<Rewrite> rewrites, RewriteLog log,
                         List<String> warnings) {

        /** The model's modules down to {@code depth} (1: top level), then the total, before and after. */
        public List<Row> rows(int depth) {
            Map<String, Cost[]> byPath = new LinkedHashMap<>();
            Map<String, Integer> depths = new LinkedHashMap<>();
            collect(before.tree(), "", 1, depth, byPath, depths, 0);
            collect(after.tree(), "", 1, depth, byPath, depths, 1);
            List<Row> out = new ArrayList<>();
            byPath.forEach((path, c) -> out.add(new Row(path, depths.get(path), orZero(c[0]), orZero(c[1]))));
            out.add(new Row("total", 0, before.total(), after.total()));
            return out;
        }

        private static void collect(TreeNode node, String path, int level, int depth, Map<String, Cost[]> byPath,
                                    Map<String, Integer> depths, int side) {
            for (TreeNode child : node.children()) {
                if (child.kind() == TreeNode.Kind.PROTOCOL) {
                    continue;
                }
                String p = path + "/" + child.name();
                byPath.computeIfAbsent(p, k -> new Cost[2])[side] = child.total();
                depths.put(p, level);
                if (level < depth) {
                    collect(child, p, level + 1, depth, byPath, depths, side);
                }
            }
        }

        private static Cost orZero(Cost c) {
            return c == null ? Cost.ZERO : c;
        }
    }

    private WhatIf() {
    }

    /** Profiles {@code graph} as exported and as rewritten; {@code name} is the model's file name. */
    public static Result run(Profiler profiler, Graph graph, String name, ProfileOptions options,
                             List<Rewrite> rewrites) {
        ProfileResult before = profiler.profile(graph, name, options);
        RewrittenProfile after = profiler.profile(graph, name, options, rewrites);
        List<String> warnings = warnings(rewrites, after.rewrites(), graph, profiler.specs().common().rewrites());
        return new Result(before, after.result(), rewrites, after.rewrites(), warnings);
    }

    /** One warning for each request that changed nothing, saying why as far as can be told. */
    public static List<String> warnings(List<Rewrite> rewrites, RewriteLog log, Graph graph, RewriteCatalog catalog) {
        List<String> warnings = new ArrayList<>();
        for (Rewrite r : rewrites) {
            if (log.matches(r.label()) == 0) {
                warnings.add(nothingMatched(r, graph, catalog));
            }
        }
        return warnings;
    }

    private static String nothingMatched(Rewrite r, Graph graph, RewriteCatalog catalog) {
        String head = "--rewrite " + r.label() + " changed nothing: ";
        if (!r.prefix().isEmpty() && graph.nodes().stream().noneMatch(n -> r.covers(n.name()))) {
            List<String> top = new ArrayList<>();
            for (Node n : graph.nodes()) {
                String[] parts = n.name().split("/");
                String first = parts.length > 2 && parts[0].isEmpty() ? "/" + parts[1] : null;
                if (first != null && !top.contains(first)) {
                    top.add(first);
                }
            }
            return head + "no node's path starts with " + r.prefix() + " (top-level modules: "
                    + String.join(", ", top.subList(0, Math.min(top.size(), 8))) + (top.size() > 8 ? ", ..." : "")
                    + ")";
        }
        List<String> rules = catalog.forTarget(r.target()).stream()
                .filter(s -> s.replacement().equals(r.replacement())).findFirst().map(RewriteSpec::rules)
                .orElse(List.of());
        return head + "no op " + (r.prefix().isEmpty() ? "of the model" : "under " + r.prefix())
                + " matches the pattern of " + String.join(" or ", rules.stream().map(s -> "'" + s + "'").toList());
    }
}
