package org.hawkeye.engine.prepare;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.hawkeye.engine.graph.Attributes;
import org.hawkeye.engine.graph.FreshNames;
import org.hawkeye.engine.graph.Graph;
import org.hawkeye.engine.graph.Node;
import org.hawkeye.engine.graph.Value;
import org.hawkeye.engine.lowering.Lowering;

/**
 * {@code 1 / x} written as a division (the TorchScript exporter's torch.rsqrt is Div(1, Sqrt)) becomes the
 * Reciprocal the dynamo exporter writes, since the frameworks compute it so: CrypTen's {@code 1 / x} is
 * {@code x.reciprocal()} (cryptensor.py __rtruediv__, differentiated by AutogradReciprocal), SPU canonicalizes a
 * division of the constant 1 to a reciprocal (pphlo canonicalization.cc DivToReciprocal), MP-SPDZ divides either way.
 */
final class Reciprocals {

    private Reciprocals() {
    }

    /** The graph with every Div of the known scalar 1 by a floating-point value as a Reciprocal. */
    static Graph canonical(Graph graph) {
        Set<String> names = new HashSet<>();
        graph.nodes().forEach(n -> names.add(n.name()));
        List<Node> nodes = new ArrayList<>();
        boolean changed = false;
        for (Node n : graph.nodes()) {
            if (n.opType().equals("Div") && isOne(graph, n.input(0)) && floating(graph, n.input(1))
                    && sameShape(graph, n.input(1), n.output(0))) {
                String name = FreshNames.claim(Lowering.prefixOf(n.name()) + "/Reciprocal", names);
                nodes.add(new Node(name, "Reciprocal", n.domain(), List.of(n.input(1)), n.outputs(), Attributes.EMPTY));
                changed = true;
            } else {
                nodes.add(n);
            }
        }
        return changed ? new Graph(graph.name(), nodes, graph.values(), graph.inputs(), graph.outputs(),
                graph.metadata()) : graph;
    }

    private static boolean isOne(Graph graph, String value) {
        Value v = graph.values().get(value);
        return v != null && v.hasData() && v.data().size() == 1 && v.data().doubleAt(0) == 1.0;
    }

    private static boolean floating(Graph graph, String value) {
        Value v = graph.values().get(value);
        return v != null && v.dataType() != null && v.dataType().isFloatingPoint();
    }

    private static boolean sameShape(Graph graph, String a, String b) {
        Value x = graph.values().get(a);
        Value y = graph.values().get(b);
        return x != null && y != null && x.shape() != null && x.shape().equals(y.shape());
    }
}
