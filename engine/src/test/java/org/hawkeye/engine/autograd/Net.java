package org.hawkeye.engine.autograd;

import java.util.ArrayList;
import java.util.Arrays;
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
import org.hawkeye.engine.onnx.OnnxImporter;
import org.hawkeye.engine.shapes.ShapeInference;

/**
 * A small network written directly in hawkeye's IR for autograd tests: FLOAT data inputs and weights, nodes named
 * like the PyTorch exporter names them ({@code /fc/Gemm}), the last node's output as the model output.
 */
final class Net {
    static final String FILE = "net.onnx";

    private final Map<String, Value> values = new LinkedHashMap<>();
    private final List<Node> nodes = new ArrayList<>();
    private final List<String> inputs = new ArrayList<>();

    Net input(String name, long... dims) {
        Value v = new Value(name, ValueKind.INPUT, null, null, null);
        v.declare(DataType.FLOAT, Shape.of(dims));
        values.put(name, v);
        inputs.add(name);
        return this;
    }

    Net weight(String name, long... dims) {
        values.put(name, new Value(name, ValueKind.WEIGHT, DataType.FLOAT, Shape.of(dims), null));
        return this;
    }

    /** A known INT64 initializer (axes, shapes). */
    Net ints(String name, long... v) {
        TensorData d = TensorData.ofLongs(DataType.INT64, Shape.of(v.length), v);
        values.put(name, new Value(name, ValueKind.WEIGHT, DataType.INT64, d.shape(), d));
        return this;
    }

    /** The data holder's INT64 input (token ids). */
    Net intInput(String name, long... dims) {
        Value v = new Value(name, ValueKind.INPUT, null, null, null);
        v.declare(DataType.INT64, Shape.of(dims));
        values.put(name, v);
        inputs.add(name);
        return this;
    }

    /** A FLOAT scalar whose value is in the model (a bound, an exponent): a constant, not a trainable weight. */
    Net scalar(String name, double v) {
        TensorData d = TensorData.ofDoubles(DataType.FLOAT, Shape.SCALAR, v);
        values.put(name, new Value(name, ValueKind.WEIGHT, DataType.FLOAT, d.shape(), d));
        return this;
    }

    /** Adds a node with {@code count} outputs named {@code <name>_output_<i>}. */
    Net nodeWithOutputs(String name, String opType, List<String> in, int count, Object... attrs) {
        node(name, opType, in, attrs);
        Node one = nodes.remove(nodes.size() - 1);
        List<String> outs = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String out = name + "_output_" + i;
            values.put(out, new Value(out, ValueKind.ACTIVATION, null, null, null));
            outs.add(out);
        }
        nodes.add(new Node(name, opType, "", in, outs, one.attributes()));
        return this;
    }

    /** Adds a node with one output named {@code <name>_output_0}; attrs as name, value pairs. */
    Net node(String name, String opType, List<String> in, Object... attrs) {
        Map<String, Object> a = new LinkedHashMap<>();
        for (int i = 0; i < attrs.length; i += 2) {
            Object v = attrs[i + 1];
            a.put((String) attrs[i], v instanceof long[] l ? Arrays.stream(l).boxed().toList()
                    : v instanceof Integer n ? n.longValue() : v);
        }
        String out = name + "_output_0";
        values.put(out, new Value(out, ValueKind.ACTIVATION, null, null, null));
        nodes.add(new Node(name, opType, "", in, List.of(out), new Attributes(a)));
        return this;
    }

    /** The output value of the node named {@code name}. */
    static String out(String name) {
        return name + "_output_0";
    }

    /** The graph, opset 17, with the last node's output as the model output, its shapes inferred. */
    Graph build() {
        String output = nodes.get(nodes.size() - 1).output(0);
        Graph g = new Graph("net", nodes, values, inputs, List.of(output), Map.of(OnnxImporter.META_OPSET, "17"));
        return ShapeInference.infer(g, FILE);
    }

    /** The training step of this net. */
    Graph train(TrainingOptions options) {
        return TrainingGraph.build(build(), FILE, options);
    }

    static Node find(Graph g, String name) {
        return g.nodes().stream().filter(n -> n.name().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no node " + name + " in " + g.nodes().stream()
                        .map(Node::name).toList()));
    }

    static Shape shapeOf(Graph g, String value) {
        return g.value(value).shape();
    }
}
