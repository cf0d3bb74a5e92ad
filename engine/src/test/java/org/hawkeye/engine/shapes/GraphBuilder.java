package org.hawkeye.engine.shapes;

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
import org.hawkeye.engine.onnx.OnnxImporter;

/**
 * Builds small graphs directly in hawkeye's IR for shape-rule tests, so each test states only the op under test.
 * Nodes are named {@code <OpType>_<index>} like the importer names unnamed nodes; the file is "test.onnx".
 */
final class GraphBuilder {

    static final String FILE = "test.onnx";

    private final int opset;
    private final Map<String, Value> values = new LinkedHashMap<>();
    private final List<Node> nodes = new ArrayList<>();
    private final List<String> inputs = new ArrayList<>();

    GraphBuilder(int opset) {
        this.opset = opset;
    }

    /** Opset 17, the one of the TorchScript zoo files. */
    GraphBuilder() {
        this(17);
    }

    GraphBuilder input(String name, DataType type, long... dims) {
        Value v = new Value(name, ValueKind.INPUT, null, null, null);
        v.declare(type, Shape.of(dims));
        values.put(name, v);
        inputs.add(name);
        return this;
    }

    GraphBuilder weight(String name, DataType type, long... dims) {
        values.put(name, new Value(name, ValueKind.WEIGHT, type, Shape.of(dims), null));
        return this;
    }

    /** A known INT64 1-D initializer, as shape operands (Reshape targets, axes, pads) are stored. */
    GraphBuilder ints(String name, long... v) {
        TensorData d = TensorData.ofLongs(DataType.INT64, Shape.of(v.length), v);
        values.put(name, new Value(name, ValueKind.WEIGHT, d.dataType(), d.shape(), d));
        return this;
    }

    /** A known INT64 scalar initializer. */
    GraphBuilder scalar(String name, long v) {
        TensorData d = TensorData.ofLongs(DataType.INT64, Shape.SCALAR, v);
        values.put(name, new Value(name, ValueKind.WEIGHT, d.dataType(), d.shape(), d));
        return this;
    }

    /** Adds a node; attributes alternate name, value (Long, Double, String, List, TensorData). */
    GraphBuilder node(String opType, List<String> in, List<String> out, Object... attributes) {
        Map<String, Object> attrs = new LinkedHashMap<>();
        for (int i = 0; i < attributes.length; i += 2) {
            Object v = attributes[i + 1];
            attrs.put((String) attributes[i], v instanceof Integer n ? Long.valueOf(n) : v);
        }
        nodes.add(new Node(opType + "_" + nodes.size(), opType, "", in, out, new Attributes(attrs)));
        for (String o : out) {
            if (!o.isEmpty()) {
                values.put(o, new Value(o, ValueKind.ACTIVATION, null, null, null));
            }
        }
        return this;
    }

    /** Declares a type for an activation, as value_info would. */
    GraphBuilder declare(String name, DataType type, long... dims) {
        values.get(name).declare(type, Shape.of(dims));
        return this;
    }

    Graph build() {
        Map<String, String> meta = Map.of(OnnxImporter.META_OPSET, Integer.toString(opset));
        String last = nodes.isEmpty() ? inputs.get(0) : nodes.get(nodes.size() - 1).output(0);
        return new Graph("test", nodes, values, inputs, List.of(last), meta);
    }

    Graph infer() {
        return ShapeInference.infer(build(), FILE);
    }

    /** The shape of {@code value} after inference. */
    Shape shapeOf(String value) {
        return infer().value(value).shape();
    }

    static List<Long> longs(long... v) {
        List<Long> l = new ArrayList<>();
        for (long x : v) {
            l.add(x);
        }
        return l;
    }

    static List<String> names(String... n) {
        return List.of(n);
    }
}
