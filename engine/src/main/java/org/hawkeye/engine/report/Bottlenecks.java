package org.hawkeye.engine.report;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.hawkeye.engine.cost.Cost;
import org.hawkeye.engine.tree.TreeNode;

/**
 * Where a model's communication goes: every op with its path, and every protocol call chain (relu &gt; ltz &gt;
 * a2b) summed over the whole model, so that the ten largest of either can be listed by bits or by rounds.
 */
public final class Bottlenecks {
    private Bottlenecks() {
    }

    /** An op of the graph: its module path (as in the ONNX node name), its type and its cost. */
    public record OpEntry(String path, String opType, Cost cost) {
    }

    /**
     * A protocol chain from an op's call down to a protocol that communicates itself, with what that protocol
     * sends over the whole model (times every repeat above it) and how many ops reach it.
     */
    public record ChainEntry(String chain, int ops, Cost cost) {
    }

    /** Orders by all bits (online and offline), largest first. */
    public static final Comparator<Cost> BY_BITS = Comparator.comparing(Cost::totalBits).reversed();

    /** Orders by all rounds (online and offline), largest first. */
    public static final Comparator<Cost> BY_ROUNDS =
            Comparator.comparing((Cost c) -> c.onlineRounds().add(c.offlineRounds())).reversed();

    /**
     * The same op of repeated layers: ops whose module paths differ only in layer indices ({@code layer.0},
     * {@code layer.11}, a Sequential's {@code 3}) and that are the k-th op of their type in their module, summed.
     * {@code path} is the module path with every index a {@code *} and the first member's own name
     * ({@code /encoder/layer.*}{@code /intermediate/intermediate_act_fn/Gelu}); members are in graph order.
     */
    public record OpGroup(String path, String opType, List<OpEntry> members, Cost cost) {
    }

    private static final java.util.regex.Pattern INDEXED = java.util.regex.Pattern.compile("(.*\\.)?\\d+");

    /** The costly ops grouped across repeated layers, in the order of each group's first member. */
    public static List<OpGroup> grouped(TreeNode root) {
        Map<List<String>, List<OpEntry>> groups = new LinkedHashMap<>();
        collectGroups(root, "", "", groups);
        List<OpGroup> out = new ArrayList<>();
        groups.forEach((key, members) -> {
            Cost sum = Cost.ZERO;
            for (OpEntry m : members) {
                sum = sum.plus(m.cost());
            }
            String first = members.get(0).path();
            out.add(new OpGroup(key.get(0) + first.substring(first.lastIndexOf('/')), key.get(1), List.copyOf(members),
                    sum));
        });
        return out;
    }

    private static void collectGroups(TreeNode node, String prefix, String pattern,
                                      Map<List<String>, List<OpEntry>> groups) {
        Map<String, Integer> ordinal = new LinkedHashMap<>();
        for (TreeNode child : node.children()) {
            String path = prefix + "/" + child.name();
            if (child.kind() == TreeNode.Kind.OP) {
                int k = ordinal.merge(child.detail(), 1, Integer::sum);
                if (!child.total().isZero()) {
                    groups.computeIfAbsent(List.of(pattern, child.detail(), Integer.toString(k)),
                            x -> new ArrayList<>()).add(new OpEntry(path, child.detail(), child.total()));
                }
            } else if (child.kind() == TreeNode.Kind.MODULE) {
                String name = child.name();
                String wild = INDEXED.matcher(name).matches() ? name.replaceAll("\\d+$", "*") : name;
                collectGroups(child, path, pattern + "/" + wild, groups);
            }
        }
    }

    /** Every op that costs something, in graph order. */
    public static List<OpEntry> ops(TreeNode root) {
        List<OpEntry> out = new ArrayList<>();
        collectOps(root, "", out);
        return out;
    }

    private static void collectOps(TreeNode node, String prefix, List<OpEntry> out) {
        for (TreeNode child : node.children()) {
            String path = prefix + "/" + child.name();
            if (child.kind() == TreeNode.Kind.OP) {
                if (!child.total().isZero()) {
                    out.add(new OpEntry(path, child.detail(), child.total()));
                }
            } else if (child.kind() == TreeNode.Kind.MODULE) {
                collectOps(child, path, out);
            }
        }
    }

    /** Every protocol chain that communicates, summed over the model, in order of first appearance. */
    public static List<ChainEntry> chains(TreeNode root) {
        Map<String, Cost> cost = new LinkedHashMap<>();
        Map<String, Set<TreeNode>> reachedBy = new LinkedHashMap<>();
        for (TreeNode op : opNodes(root, new ArrayList<>())) {
            for (TreeNode call : op.children()) {
                addChain(call, call.name(), BigInteger.ONE, op, cost, reachedBy);
            }
        }
        List<ChainEntry> out = new ArrayList<>();
        cost.forEach((chain, c) -> out.add(new ChainEntry(chain, reachedBy.get(chain).size(), c)));
        return out;
    }

    private static List<TreeNode> opNodes(TreeNode node, List<TreeNode> out) {
        for (TreeNode child : node.children()) {
            if (child.kind() == TreeNode.Kind.OP) {
                out.add(child);
            } else if (child.kind() == TreeNode.Kind.MODULE) {
                opNodes(child, out);
            }
        }
        return out;
    }

    /**
     * A protocol node's total includes its repeat and its callees, so what it sends itself, once, is
     * total / repeat minus its callees' totals; the whole model sends that times every repeat on the way down.
     */
    private static void addChain(TreeNode call, String chain, BigInteger outerRepeat, TreeNode op,
                                 Map<String, Cost> cost, Map<String, Set<TreeNode>> reachedBy) {
        BigInteger times = outerRepeat.multiply(call.repeat());
        Cost once = divide(call.total(), call.repeat());
        for (TreeNode child : call.children()) {
            once = minus(once, child.total());
            addChain(child, chain + " > " + child.name(), times, op, cost, reachedBy);
        }
        if (!once.isZero()) {
            cost.merge(chain, once.times(times), Cost::plus);
            reachedBy.computeIfAbsent(chain, k -> Collections.newSetFromMap(new IdentityHashMap<>())).add(op);
        }
    }

    private static Cost divide(Cost c, BigInteger n) {
        return c.dividedBy(n);
    }

    private static Cost minus(Cost a, Cost b) {
        return a.minus(b);
    }

    /** The first {@code n} entries by a cost order; ties keep graph order. */
    public static <T> List<T> top(List<T> entries, Function<T, Cost> cost,
                                  Comparator<Cost> order, int n) {
        return entries.stream().sorted(Comparator.comparing(cost, order)).limit(n).toList();
    }
}
