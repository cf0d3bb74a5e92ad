package org.hawkeye.engine.graph;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Generated graphs of any size, to measure how profiling time grows with the number of nodes. */
public final class SyntheticGraphs {
    private SyntheticGraphs() {
    }

    /**
     * A chain of {@code nodes} ops on a 1x64 activation under module paths like a real export
     * ({@code /block7/Relu}, {@code /block7/Add}): ReLU, then Add of a weight, repeated.
     */
    public static Graph chain(int nodes) {
        Map<String, Value> values = new LinkedHashMap<>();
        List<Node> list = new ArrayList<>(nodes);
        Shape shape = Shape.of(1, 64);
        Value x = new Value("x", ValueKind.INPUT, DataType.FLOAT, shape, null);
        x.declare(DataType.FLOAT, shape);
        values.put("x", x);
        String last = "x";
        for (int i = 0; i < nodes; i++) {
            String block = "/block" + (i / 2);
            String out = "t" + i;
            if (i % 2 == 0) {
                list.add(new Node(block + "/Relu", "Relu", "", List.of(last), List.of(out), Attributes.EMPTY));
            } else {
                String w = "w" + i;
                Value weight = new Value(w, ValueKind.WEIGHT, DataType.FLOAT, shape, null);
                weight.declare(DataType.FLOAT, shape);
                values.put(w, weight);
                list.add(new Node(block + "/Add", "Add", "", List.of(last, w), List.of(out), Attributes.EMPTY));
            }
            values.put(out, new Value(out, ValueKind.ACTIVATION, DataType.FLOAT, null, null));
            last = out;
        }
        return new Graph("synthetic_chain_" + nodes, list, values, List.of("x"), List.of(last), Map.of());
    }
}
