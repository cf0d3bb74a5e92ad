package org.hawkeye.engine.prepare;

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

/** A graph written by hand for the prepare tests: data inputs, known scalars, nodes; shapes are inferred later. */
final class Sketch {
    private final Map<String, Value> values = new LinkedHashMap<>();
    private final List<Node> nodes = new ArrayList<>();
    private final List<String> inputs = new ArrayList<>();
    private final List<String> outputs = new ArrayList<>();

    Sketch input(String name, long... dims) {
        Value v = new Value(name, ValueKind.INPUT, null, null, null);
        v.declare(DataType.FLOAT, Shape.of(dims));
        values.put(name, v);
        inputs.add(name);
        return this;
    }

    /** A trainable weight (a floating-point initializer without payload, as stripped exports hold them). */
    Sketch weight(String name, long... dims) {
        values.put(name, new Value(name, ValueKind.WEIGHT, DataType.FLOAT, Shape.of(dims), null));
        return this;
    }

    Sketch scalar(String name, double value) {
        values.put(name, new Value(name, ValueKind.CONSTANT, DataType.FLOAT, Shape.SCALAR,
                TensorData.ofDoubles(DataType.FLOAT, Shape.SCALAR, value)));
        return this;
    }

    Sketch node(String name, String type, String out, String... in) {
        return node(name, type, Map.of(), out, in);
    }

    Sketch node(String name, String type, Map<String, Object> attrs, String out, String... in) {
        nodes.add(new Node(name, type, "", List.of(in), List.of(out), new Attributes(attrs)));
        values.put(out, new Value(out, ValueKind.ACTIVATION, null, null, null));
        return this;
    }

    Sketch output(String name) {
        outputs.add(name);
        return this;
    }

    Graph graph() {
        return new Graph("sketch", nodes, values, inputs, outputs, Map.of(OnnxImporter.META_OPSET, "20"));
    }
}
