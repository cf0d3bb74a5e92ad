package org.hawkeye.engine.lowering;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hawkeye.engine.graph.Attributes;
import org.hawkeye.engine.graph.DataType;
import org.hawkeye.engine.graph.Graph;
import org.hawkeye.engine.graph.Node;
import org.hawkeye.engine.graph.Shape;
import org.hawkeye.engine.graph.TensorData;
import org.hawkeye.engine.graph.Value;
import org.hawkeye.engine.graph.ValueKind;
import org.kie.api.KieBase;

/** A small graph written by hand (values with shapes, nodes in order), lowered with a given rule base. */
final class GraphSketch {
    private final KieBase rules;
    private final List<String> phases;
    private final Map<String, Value> values = new LinkedHashMap<>();
    private final List<Node> nodes = new ArrayList<>();
    private final List<String> inputs = new ArrayList<>();

    GraphSketch(KieBase rules, List<String> phases) {
        this.rules = rules;
        this.phases = phases;
    }

    GraphSketch input(String name, long... dims) {
        values.put(name, new Value(name, ValueKind.INPUT, DataType.FLOAT, Shape.of(dims), null));
        inputs.add(name);
        return this;
    }

    GraphSketch weight(String name, TensorData data, long... dims) {
        values.put(name, new Value(name, ValueKind.WEIGHT, DataType.FLOAT, Shape.of(dims), data));
        return this;
    }

    /** A public INT64 constant of zeros (indices, shapes). */
    GraphSketch constant(String name, long... dims) {
        values.put(name, new Value(name, ValueKind.CONSTANT, DataType.INT64, Shape.of(dims),
                TensorData.ofLongs(DataType.INT64, Shape.of(dims), new long[(int) Shape.of(dims).numel()])));
        return this;
    }

    /** A public FLOAT scalar whose value is known (a Constant node's output: sqrt 2, 0.5, an exponent). */
    GraphSketch scalar(String name, double value) {
        values.put(name, new Value(name, ValueKind.CONSTANT, DataType.FLOAT, Shape.SCALAR,
                TensorData.ofDoubles(DataType.FLOAT, Shape.SCALAR, value)));
        return this;
    }

    GraphSketch node(String name, String type, List<String> in, String out, long... outDims) {
        return node(name, type, Map.of(), in, List.of(out), outDims);
    }

    /** A node with attributes and several outputs, all of shape {@code outDims}. */
    GraphSketch node(String name, String type, Map<String, Object> attrs, List<String> in, List<String> outs,
                     long... outDims) {
        nodes.add(new Node(name, type, "", in, outs, new Attributes(attrs)));
        for (String out : outs) {
            values.put(out, new Value(out, ValueKind.ACTIVATION, DataType.FLOAT, Shape.of(outDims), null));
        }
        return this;
    }

    Graph graph() {
        return new Graph("sketch", nodes, values, inputs, List.of(), Map.of());
    }

    Map<String, OpDecision> lower(String weights) {
        return Lowering.lower(graph(), rules, phases, Map.of("weights", weights), Map.of());
    }

    LoweringResult run(Map<String, Double> params, Rewrite... rewrites) {
        return Lowering.run(graph(), rules, phases, Map.of("weights", "secret", "mode", "inference"), params,
                List.of(rewrites));
    }

    /** Fires every phase and keeps the session open, to look at derived facts. */
    Lowering.Fired fire(String weights, String mode) {
        return Lowering.fireAll(graph(), rules, phases, Map.of("weights", weights, "mode", mode), Map.of(),
                List.of());
    }
}
