package org.hawkeye.engine.onnx;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;

import org.hawkeye.engine.graph.ModelException;
import org.hawkeye.engine.graph.Node;

/**
 * Orders nodes producers-first with Kahn's algorithm. Among ready nodes the earliest in the file goes first, so a
 * file that is already sorted (as exporters write them) keeps its order exactly.
 */
final class TopologicalOrder {

    private TopologicalOrder() {
    }

    /**
     * @param nodes     in file order, already uniquely named
     * @param available values that exist before any node runs: data inputs and initializers
     */
    static List<Node> sort(String file, List<Node> nodes, Set<String> available) {
        Map<String, Integer> producer = producers(file, nodes, available);
        int n = nodes.size();
        int[] pending = new int[n];
        List<List<Integer>> consumers = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            consumers.add(new ArrayList<>());
        }
        for (int i = 0; i < n; i++) {
            Node node = nodes.get(i);
            for (String in : node.inputs()) {
                if (in.isEmpty() || available.contains(in)) {
                    continue;
                }
                Integer p = producer.get(in);
                if (p == null) {
                    throw ModelException.atNode(file, node, "input '" + in
                            + "' is produced by no node, graph input or initializer");
                }
                // Counted once per use: a node reading the same value twice waits for two decrements.
                pending[i]++;
                consumers.get(p).add(i);
            }
        }
        PriorityQueue<Integer> ready = new PriorityQueue<>();
        for (int i = 0; i < n; i++) {
            if (pending[i] == 0) {
                ready.add(i);
            }
        }
        List<Node> order = new ArrayList<>(n);
        boolean[] done = new boolean[n];
        while (!ready.isEmpty()) {
            int i = ready.poll();
            order.add(nodes.get(i));
            done[i] = true;
            for (int c : consumers.get(i)) {
                if (--pending[c] == 0) {
                    ready.add(c);
                }
            }
        }
        if (order.size() < n) {
            Node onCycle = nodes.get(firstOnCycle(nodes, producer, available, done));
            throw ModelException.atNode(file, onCycle, "the graph has a cycle through this node");
        }
        return order;
    }

    /** Maps each value to the index of the node producing it; two producers of one name is a broken graph. */
    private static Map<String, Integer> producers(String file, List<Node> nodes, Set<String> available) {
        Map<String, Integer> producer = new HashMap<>();
        for (int i = 0; i < nodes.size(); i++) {
            for (String out : nodes.get(i).outputs()) {
                if (out.isEmpty()) {
                    continue;
                }
                Integer previous = producer.put(out, i);
                if (previous != null || available.contains(out)) {
                    String other = previous != null ? "node '" + nodes.get(previous).name() + "'"
                            : "a graph input or initializer";
                    throw ModelException.atNode(file, nodes.get(i), "output '" + out + "' is also produced by "
                            + other + " (ONNX values have exactly one producer)");
                }
            }
        }
        return producer;
    }

    /**
     * Nodes left over by Kahn's algorithm are on a cycle or downstream of one. Walking from the first leftover
     * node to any leftover producer of its inputs must repeat a node, and that node is on a cycle.
     */
    private static int firstOnCycle(List<Node> nodes, Map<String, Integer> producer, Set<String> available,
                                    boolean[] done) {
        int start = 0;
        while (done[start]) {
            start++;
        }
        boolean[] seen = new boolean[nodes.size()];
        int current = start;
        while (!seen[current]) {
            seen[current] = true;
            int next = -1;
            for (String in : nodes.get(current).inputs()) {
                Integer p = in.isEmpty() || available.contains(in) ? null : producer.get(in);
                if (p != null && !done[p]) {
                    next = p;
                    break;
                }
            }
            current = next;
        }
        return current;
    }
}
