package org.hawkeye.engine.shapes;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.hawkeye.engine.graph.Graph;
import org.hawkeye.engine.graph.Node;
import org.hawkeye.engine.graph.TensorData;
import org.hawkeye.engine.graph.Value;
import org.hawkeye.engine.graph.ValueKind;

/**
 * Finds why new input shapes do not fit a graph: an export without dynamic axes bakes the traced sizes into
 * literals (Constant nodes, int64 initializers) that Reshape, Expand and their kin take their target shape from,
 * so a new batch passes through them unchanged and fails further down. Where the graph computes a shape from
 * the inputs (Shape, Size), inference re-derives it; only such a literal can stop it, and this names it.
 */
final class BakedLiterals {
    /** The inputs that give an op its output's size, by op type. */
    private static final Map<String, int[]> SIZE_OPERANDS = Map.of(
            "Reshape", new int[] {1}, "Expand", new int[] {1}, "Tile", new int[] {1},
            "ConstantOfShape", new int[] {0}, "Slice", new int[] {1, 2}, "Pad", new int[] {1},
            "Range", new int[] {0, 1, 2});
    private static final Set<String> FOLLOW_FIRST_ONLY = Set.of("Unsqueeze", "Squeeze", "Gather", "Slice",
            "Reshape", "Cast", "Identity");
    /** How far up from the failing node to look: the culprit feeds it within a few ops. */
    private static final int MAX_NODES = 64;

    private final Graph graph;
    private final Map<String, Node> producers = new HashMap<>();
    private final Map<String, Boolean> literal = new HashMap<>();

    private BakedLiterals(Graph graph) {
        this.graph = graph;
        for (Node n : graph.nodes()) {
            for (String out : n.outputs()) {
                producers.put(out, n);
            }
        }
    }

    /**
     * The nearest node at or above {@code failing} whose size operand is a literal, described in one clause
     * (node, operand value and the Constants it comes from), or empty when there is none.
     */
    static Optional<String> explain(Graph graph, Node failing) {
        return new BakedLiterals(graph).nearest(failing);
    }

    private Optional<String> nearest(Node failing) {
        Deque<Node> queue = new ArrayDeque<>(List.of(failing));
        Set<Node> seen = new HashSet<>(List.of(failing));
        while (!queue.isEmpty() && seen.size() <= MAX_NODES) {
            Node n = queue.removeFirst();
            for (int i : SIZE_OPERANDS.getOrDefault(n.opType(), new int[0])) {
                if (n.hasInput(i) && isLiteral(n.input(i)) && carriesSize(n, n.input(i))) {
                    return Optional.of(describe(n, n.input(i)));
                }
            }
            for (String in : n.inputs()) {
                Node p = in.isEmpty() ? null : producers.get(in);
                if (p != null && seen.add(p)) {
                    queue.addLast(p);
                }
            }
        }
        return Optional.empty();
    }

    /**
     * A known value computed from Constants and initializers only, with no data input above it (a Shape of a
     * literal is a literal too: ViT's class token is expanded to a batch computed that way).
     */
    private boolean isLiteral(String name) {
        Boolean cached = literal.get(name);
        if (cached != null) {
            return cached;
        }
        literal.put(name, false); // a cycle cannot occur in a sorted graph; this only guards the recursion
        Value v = graph.value(name);
        Node p = producers.get(name);
        boolean result;
        if (v.kind() == ValueKind.INPUT) {
            result = false;
        } else if (p == null) {
            result = v.hasData();
        } else {
            result = v.hasData();
            for (String in : p.inputs()) {
                result &= in.isEmpty() || isLiteral(in);
            }
        }
        literal.put(name, result);
        return result;
    }

    private String describe(Node n, String operand) {
        List<String> sources = new ArrayList<>();
        collectSources(operand, sources, new HashSet<>());
        String value = list(graph.value(operand).data());
        String from = sources.isEmpty() ? "" : " from " + String.join(", ", sources.subList(0, Math.min(3,
                sources.size()))) + (sources.size() > 3 ? " and " + (sources.size() - 3) + " more" : "");
        return "node '" + n.name() + "' (" + n.opType() + ") takes its size " + value + " from literals the exporter"
                + " baked in at the traced shapes" + from + ", which new input shapes cannot change: re-export with"
                + " dynamic axes";
    }

    /** A Reshape to [-1] or to 0s (copy the input's axis) fits any size; every other literal fixes one. */
    private boolean carriesSize(Node n, String operand) {
        if (!n.opType().equals("Reshape")) {
            return true;
        }
        for (long d : graph.value(operand).data().toLongs()) {
            if (d != -1 && d != 0) {
                return true;
            }
        }
        return false;
    }

    /** The Constant nodes and initializers a literal comes from, with their values. */
    private void collectSources(String name, List<String> out, Set<String> seen) {
        if (!seen.add(name)) {
            return;
        }
        Node p = producers.get(name);
        if (p == null) {
            out.add("initializer '" + name + "' = " + list(graph.value(name).data()));
        } else if (p.opType().equals("Constant")) {
            out.add("Constant '" + p.name() + "' = " + list(graph.value(name).data()));
        } else {
            // the axes of an Unsqueeze, the indices of a Gather... say where, not what size: follow the data only
            List<String> ins = FOLLOW_FIRST_ONLY.contains(p.opType()) ? p.inputs().subList(0, 1) : p.inputs();
            for (String in : ins) {
                if (!in.isEmpty()) {
                    collectSources(in, out, seen);
                }
            }
        }
    }

    private static String list(TensorData d) {
        if (d == null) {
            return "?";
        }
        long[] v = d.isIntegral() ? d.toLongs() : null;
        if (v == null) {
            return d.shape().toString();
        }
        return v.length == 1 && d.shape().rank() == 0 ? Long.toString(v[0]) : Tensors.list(v);
    }
}
