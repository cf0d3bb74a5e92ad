package org.hawkeye.engine.prepare;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hawkeye.engine.graph.Attributes;
import org.hawkeye.engine.graph.DataType;
import org.hawkeye.engine.graph.FreshNames;
import org.hawkeye.engine.graph.Graph;
import org.hawkeye.engine.graph.Node;
import org.hawkeye.engine.graph.Shape;
import org.hawkeye.engine.graph.TensorData;
import org.hawkeye.engine.graph.Value;
import org.hawkeye.engine.graph.ValueKind;

/**
 * The data holder's token ids, and the embedding lookups they index. No framework shares token ids as numbers:
 * the data holder one-hot encodes them, embeds them itself, or feeds them to the framework's own oblivious lookup.
 * So ops that compute only on the data holder's integer inputs (and public values) before any weight meets them
 * and that a lookup needs (RoBERTa's position ids from the token ids) run at the data holder, in the clear, and are marked
 * {@code hawkeye.local = data_holder}; and every lookup of a table (a model weight or constant, 2-D, axis 0) by
 * such ids follows the embedding policy:
 * <ul>
 * <li>{@code onehot}: the Gather becomes {@code OneHot(ids)} (at the data holder, free) and {@code MatMul(onehot,
 * table)}, which the framework costs as any product of a secret [tokens x vocab] and the table;</li>
 * <li>any other policy ({@code clear}, or one the framework's rules implement) is written on the Gather as
 * {@code hawkeye.embedding}, for the common rules ({@code clear}) or the framework's to lower.</li>
 * </ul>
 * Lookups by public ids (position embeddings with public position ids) are public selections and stay Gathers.
 */
public final class EmbeddingLookups {
    /** Attribute on a lookup left as a Gather: the policy that decides it. */
    public static final String POLICY = "hawkeye.embedding";
    /** Attribute on an op computed in the clear by a party before sharing: {@code data_holder}. */
    public static final String LOCAL = "hawkeye.local";
    public static final String DATA_HOLDER = "data_holder";
    public static final String ONEHOT = "onehot";
    public static final String CLEAR = "clear";

    /** The graph with the policy applied, how many lookups it applied to and how many ops the data holder runs. */
    public record Result(Graph graph, int lookups, int dataHolderOps) {
    }

    private EmbeddingLookups() {
    }

    /** Applies {@code policy} to the graph, whose shapes are inferred; public inputs are not the data holder's. */
    public static Result apply(Graph graph, Set<String> publicInputs, String policy) {
        Set<String> known = new HashSet<>();   // public values: constants, public inputs, what they compute
        Set<String> plain = new HashSet<>();   // the data holder's own integer values, in the clear at its side
        for (String input : graph.inputs()) {
            DataType t = graph.value(input).dataType();
            if (publicInputs.contains(input)) {
                known.add(input);
            } else if (t != null && (t.isInteger() || t == DataType.BOOL)) {
                plain.add(input);
            }
        }
        graph.values().values().stream().filter(v -> v.kind() == ValueKind.CONSTANT).forEach(v -> known.add(v.name()));

        Map<String, Value> values = new LinkedHashMap<>(graph.values());
        List<Node> nodes = new ArrayList<>();
        Set<String> names = new HashSet<>();
        graph.nodes().forEach(n -> names.add(n.name()));
        int lookups = 0;
        Map<Integer, Node> localAt = new LinkedHashMap<>();  // position in nodes -> the op as the file has it
        Set<String> lookupIds = new HashSet<>();
        for (Node n : graph.nodes()) {
            List<String> ins = n.inputs().stream().filter(i -> !i.isEmpty()).toList();
            if (n.opType().equals("Shape") || n.opType().equals("Size") || known.containsAll(ins)) {
                known.addAll(n.outputs());
                nodes.add(n);
            } else if (isLookup(graph, n, plain)) {
                lookups++;
                lookupIds.add(n.input(1));
                if (policy.equals(ONEHOT)) {
                    nodes.addAll(oneHot(graph, n, values, names));
                } else {
                    nodes.add(withAttribute(n, POLICY, policy));
                }
            } else if (ins.stream().anyMatch(plain::contains) && ins.stream().allMatch(i -> plain.contains(i)
                    || known.contains(i)) && n.outputs().stream().allMatch(o -> o.isEmpty() || discrete(graph, o))) {
                plain.addAll(n.outputs());
                localAt.put(nodes.size(), n);
                nodes.add(withAttribute(n, LOCAL, DATA_HOLDER));
            } else {
                nodes.add(n);
            }
        }
        int local = keepWhatFeedsLookups(nodes, localAt, lookupIds);
        if (lookups == 0 && local == 0) {
            return new Result(graph, 0, 0);
        }
        return new Result(new Graph(graph.name(), nodes, values, graph.inputs(), graph.outputs(), graph.metadata()),
                lookups, local);
    }

    /**
     * The data holder computes in the clear only what its own lookups need (RoBERTa's position ids): an op on its
     * integer inputs whose result no lookup reads, directly or through such ops, stays a computation on shared
     * data (a product of two integer inputs is still a secret product). Returns how many ops stay local.
     */
    private static int keepWhatFeedsLookups(List<Node> nodes, Map<Integer, Node> localAt, Set<String> needed) {
        int kept = 0;
        for (int i = nodes.size() - 1; i >= 0; i--) {
            Node original = localAt.get(i);
            if (original == null) {
                continue;
            }
            if (original.outputs().stream().anyMatch(needed::contains)) {
                kept++;
                original.inputs().stream().filter(in -> !in.isEmpty()).forEach(needed::add);
            } else {
                nodes.set(i, original);
            }
        }
        return kept;
    }

    /** A Gather along axis 0 of a 2-D floating table the model holds (or a constant) by the data holder's ids. */
    private static boolean isLookup(Graph graph, Node n, Set<String> plain) {
        if (!n.opType().equals("Gather") || n.attributes().getInt("axis", 0) != 0 || !plain.contains(n.input(1))) {
            return false;
        }
        Value table = graph.value(n.input(0));
        return (table.kind() == ValueKind.WEIGHT || table.kind() == ValueKind.CONSTANT) && table.shape() != null
                && table.shape().rank() == 2 && table.dataType() != null && table.dataType().isFloatingPoint();
    }

    /**
     * OneHot(ids, depth = rows of the table, values = [0, 1]) at the data holder, then MatMul with the table,
     * writing the Gather's output; both named under the Gather ({@code .../Gather/onehot/MatMul}).
     */
    private static List<Node> oneHot(Graph graph, Node gather, Map<String, Value> values, Set<String> names) {
        Value table = graph.value(gather.input(0));
        String base = gather.name() + "/onehot";
        String depth = FreshNames.fresh(base + "/depth", values::containsKey);
        values.put(depth, new Value(depth, ValueKind.CONSTANT, DataType.INT64, Shape.of(1),
                TensorData.ofLongs(DataType.INT64, Shape.of(1), table.shape().dims().get(0))));
        String onOff = FreshNames.fresh(base + "/values", values::containsKey);
        values.put(onOff, new Value(onOff, ValueKind.CONSTANT, table.dataType(), Shape.of(2),
                TensorData.ofDoubles(table.dataType(), Shape.of(2), 0.0, 1.0)));
        String encoded = FreshNames.fresh(base + "/OneHot_output_0", values::containsKey);
        values.put(encoded, new Value(encoded, ValueKind.ACTIVATION, null, null, null));
        Node hot = new Node(FreshNames.claim(base + "/OneHot", names), "OneHot", "",
                List.of(gather.input(1), depth, onOff), List.of(encoded), new Attributes(Map.of("axis", -1L, LOCAL, DATA_HOLDER)));
        Node product = new Node(FreshNames.claim(base + "/MatMul", names), "MatMul", "",
                List.of(encoded, gather.input(0)), List.of(gather.output(0)), Attributes.EMPTY);
        return List.of(hot, product);
    }

    static Node withAttribute(Node n, String key, Object value) {
        Map<String, Object> attrs = new LinkedHashMap<>(n.attributes().asMap());
        attrs.put(key, value);
        return new Node(n.name(), n.opType(), n.domain(), n.inputs(), n.outputs(), new Attributes(attrs));
    }

    private static boolean discrete(Graph graph, String value) {
        DataType t = graph.value(value).dataType();
        return t != null && (t.isInteger() || t == DataType.BOOL);
    }

}
