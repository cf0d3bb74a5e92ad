package org.hawkeye.engine.prepare;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hawkeye.engine.graph.Attributes;
import org.hawkeye.engine.graph.FreshNames;
import org.hawkeye.engine.graph.Graph;
import org.hawkeye.engine.graph.Node;
import org.hawkeye.engine.graph.Value;
import org.hawkeye.engine.lowering.Lowering;

/**
 * GELU as one op, whichever way the exporter wrote it. Opset 20 has a Gelu op, which the dynamo exporter and the
 * TorchScript exporter at opset 20 write; older opsets get x * (erf(x / sqrt 2) + 1) * 0.5, or the tanh form
 * 0.5 x (1 + tanh(sqrt(2/pi) (x + 0.044715 x^3))) that PyTorch's approximate GELU and GPT-2's gelu_new write
 * with x^3 as a Pow or as two products. Frameworks with a GELU protocol of their own (MP-SPDZ's ml.Gelu, the
 * LUTs of FSS frameworks) cost the op; the others cost it as the ops it stands for, so that both exports of a
 * model cost the same. A pattern is fused only when its intermediates have no reader outside it.
 */
public final class GeluForms {
    private static final double SQRT2 = Math.sqrt(2);
    private static final double TANH_SCALE = Math.sqrt(2 / Math.PI);
    private static final double TANH_CUBIC = 0.044715;
    /**
     * How far a constant may be from its exact value, relative: half a unit in the last place of bfloat16 (8
     * significant bits), so that float16 and bfloat16 exports (sqrt 2 stored as 1.4140625) are recognised too.
     */
    private static final double HALF_PRECISION = 0x1p-8;

    private final Graph graph;
    private final Map<String, Node> producer = new HashMap<>();
    private final Map<String, Integer> readers = new HashMap<>();
    private final Map<String, Node> firstReader = new HashMap<>();

    private GeluForms(Graph graph) {
        this.graph = graph;
        for (Node n : graph.nodes()) {
            n.outputs().forEach(o -> producer.put(o, n));
            for (String i : n.inputs()) {
                readers.merge(i, 1, Integer::sum);
                firstReader.putIfAbsent(i, n);
            }
        }
        graph.outputs().forEach(o -> readers.merge(o, 1, Integer::sum));
    }

    /** The graph with every GELU pattern replaced by a Gelu op (the graph itself when it has none). */
    public static Graph fuse(Graph graph) {
        return new GeluForms(graph).fuseAll();
    }

    private Graph fuseAll() {
        Map<String, Node> replacementAt = new HashMap<>();   // the Gelu, at the position of the pattern's last op
        Set<String> removed = new HashSet<>();
        Set<String> names = new HashSet<>();
        graph.nodes().forEach(n -> names.add(n.name()));
        for (Node n : graph.nodes()) {
            if (removed.contains(n.name()) || !(n.opType().equals("Erf") || n.opType().equals("Tanh"))) {
                continue;
            }
            Match m = n.opType().equals("Erf") ? erfForm(n) : tanhForm(n);
            if (m == null || m.nodes.stream().anyMatch(p -> removed.contains(p.name()))) {
                continue;
            }
            Node last = null;
            for (Node p : graph.nodes()) {
                if (m.nodes.contains(p)) {
                    last = p;
                }
            }
            m.nodes.forEach(p -> removed.add(p.name()));
            String name = FreshNames.claim(Lowering.prefixOf(n.name()) + "/Gelu", names);
            replacementAt.put(last.name(), new Node(name, "Gelu", "", List.of(m.x), List.of(m.y),
                    new Attributes(Map.of("approximate", m.approximate))));
        }
        if (removed.isEmpty()) {
            return graph;
        }
        List<Node> nodes = new ArrayList<>();
        Set<String> dropped = new HashSet<>();
        for (Node n : graph.nodes()) {
            if (replacementAt.containsKey(n.name())) {
                nodes.add(replacementAt.get(n.name()));
            }
            if (removed.contains(n.name())) {
                dropped.addAll(n.outputs());
            } else {
                nodes.add(n);
            }
        }
        replacementAt.values().forEach(g -> dropped.remove(g.output(0)));
        Map<String, Value> values = new LinkedHashMap<>(graph.values());
        values.keySet().removeAll(dropped);
        return new Graph(graph.name(), nodes, values, graph.inputs(), graph.outputs(), graph.metadata());
    }

    /** A GELU found: its input, its output, its approximation and the ops it replaces. */
    private record Match(String x, String y, String approximate, List<Node> nodes) {
    }

    /** x * (erf(x / sqrt 2) + 1) * 0.5, the division also written as a product by 1 / sqrt 2. */
    private Match erfForm(Node erf) {
        Node scaled = only(erf.input(0));
        String x = scaled == null ? null : switch (scaled.opType()) {
            case "Div" -> near(scaled.input(1), SQRT2) ? scaled.input(0) : null;
            case "Mul" -> other(scaled, 1 / SQRT2);
            default -> null;
        };
        return x == null ? null : closing(x, erf, List.of(scaled, erf), "none");
    }

    /** 0.5 x (1 + tanh(sqrt(2/pi) (x + 0.044715 x^3))), x^3 a Pow or two products, factors in either order. */
    private Match tanhForm(Node tanh) {
        Node inner = only(tanh.input(0));
        String sum = inner != null && inner.opType().equals("Mul") ? other(inner, TANH_SCALE) : null;
        Node add = sum == null ? null : only(sum);
        if (add == null || !add.opType().equals("Add")) {
            return null;
        }
        for (int i = 0; i < 2; i++) {
            String x = add.input(i);
            Node cubic = only(add.input(1 - i));
            String cube = cubic != null && cubic.opType().equals("Mul") ? other(cubic, TANH_CUBIC) : null;
            List<Node> cubeOps = cube == null ? null : cubeOf(x, cube);
            if (cubeOps != null) {
                List<Node> ops = new ArrayList<>(cubeOps);
                ops.addAll(List.of(cubic, add, inner, tanh));
                return closing(x, tanh, ops, "tanh");
            }
        }
        return null;
    }

    /** The ops computing x^3 into {@code cube}: Pow(x, 3), or x * (x * x) in any order. */
    private List<Node> cubeOf(String x, String cube) {
        Node c = only(cube);
        if (c == null) {
            return null;
        }
        if (c.opType().equals("Pow") && c.input(0).equals(x) && near(c.input(1), 3)) {
            return List.of(c);
        }
        if (c.opType().equals("Mul") && (c.input(0).equals(x) || c.input(1).equals(x))) {
            Node square = only(c.input(0).equals(x) ? c.input(1) : c.input(0));
            if (square != null && square.opType().equals("Mul") && square.input(0).equals(x)
                    && square.input(1).equals(x)) {
                return List.of(square, c);
            }
        }
        return null;
    }

    /** After erf or tanh: + 1, then the products with x and 0.5 in any of the orders exporters write. */
    private Match closing(String x, Node center, List<Node> before, String approximate) {
        Node plusOne = onlyReader(center.output(0));
        if (plusOne == null || !plusOne.opType().equals("Add") || other(plusOne, 1) == null) {
            return null;
        }
        String a = plusOne.output(0);
        Node first = onlyReader(a);
        if (first == null || !first.opType().equals("Mul")) {
            return null;
        }
        String partner = first.input(0).equals(a) ? first.input(1) : first.input(0);
        List<Node> ops = new ArrayList<>(before);
        ops.add(plusOne);
        ops.add(first);
        String y;
        if (partner.equals(x) || isConstant(partner, 0.5)) {
            // (x * a) * 0.5 or (a * 0.5) * x
            Node second = onlyReader(first.output(0));
            String need = partner.equals(x) ? null : x;
            boolean ok = second != null && second.opType().equals("Mul")
                    && (need == null ? other(second, 0.5) != null : second.inputs().contains(x));
            if (!ok) {
                return null;
            }
            ops.add(second);
            y = second.output(0);
        } else {
            // (x * 0.5) * a
            Node half = only(partner);
            if (half == null || !half.opType().equals("Mul") || !half.inputs().contains(x) || other(half, 0.5) == null) {
                return null;
            }
            ops.add(half);
            y = first.output(0);
        }
        return new Match(x, y, approximate, ops);
    }

    /** The producer of a value that nothing else reads (an intermediate of a pattern), or null. */
    private Node only(String value) {
        return readers.getOrDefault(value, 0) == 1 ? producer.get(value) : null;
    }

    /** The one op reading a value, or null when none or several do. */
    private Node onlyReader(String value) {
        return readers.getOrDefault(value, 0) == 1 ? firstReader.get(value) : null;
    }

    /** For a two-input op with one input a known scalar near {@code c}: the other input, else null. */
    private String other(Node op, double c) {
        if (op.inputs().size() != 2) {
            return null;
        }
        if (near(op.input(1), c)) {
            return op.input(0);
        }
        return near(op.input(0), c) ? op.input(1) : null;
    }

    private boolean isConstant(String value, double c) {
        return near(value, c);
    }

    private boolean near(String value, double c) {
        Value v = graph.values().get(value);
        if (v == null || !v.hasData() || v.data().size() != 1) {
            return false;
        }
        double d = v.data().doubleAt(0);
        return Math.abs(d - c) <= HALF_PRECISION * Math.abs(c);
    }
}
