package org.hawkeye.engine.autograd;

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
import org.hawkeye.engine.graph.ModelException;
import org.hawkeye.engine.graph.Node;
import org.hawkeye.engine.graph.Shape;
import org.hawkeye.engine.graph.TensorData;
import org.hawkeye.engine.graph.Value;
import org.hawkeye.engine.graph.ValueKind;

/**
 * Assembles the training graph: fresh copies of the forward graph's values (so the caller's graph is left as it
 * was), the nodes the training step adds with unique names, public constants, and the shape the builder expects
 * for every value it creates. Those expectations are checked against shape inference afterwards, so a backward
 * rule with a wrong shape fails loudly instead of costing the wrong tensor.
 */
final class GraphEditor {
    private final Graph forward;
    private final String fileName;
    private final Map<String, Value> values = new LinkedHashMap<>();
    private final Map<String, Shape> expected = new LinkedHashMap<>();
    private final List<Node> nodes = new ArrayList<>();
    private final Set<String> nodeNames = new HashSet<>();
    private final List<String> inputs = new ArrayList<>();
    private int constants;
    private Set<String> fromInputs;

    /**
     * @param forward  a graph whose shapes are inferred (the shapes the backward rules build from)
     * @param fileName how errors name the model file
     */
    GraphEditor(Graph forward, String fileName) {
        this.forward = forward;
        this.fileName = fileName;
        for (Value v : forward.values().values()) {
            values.put(v.name(), copy(v));
        }
        inputs.addAll(forward.inputs());
    }

    /** Inputs keep their effective shape as the declared one, so re-inference sees the same (possibly new) batch. */
    private static Value copy(Value v) {
        Value c;
        if (v.kind() == ValueKind.INPUT) {
            c = new Value(v.name(), v.kind(), null, null, null);
            c.declare(v.dataType(), v.shape());
        } else if (v.kind() == ValueKind.ACTIVATION) {
            c = new Value(v.name(), v.kind(), null, null, null);
            c.declare(v.declaredDataType(), v.declaredShape());
        } else {
            c = new Value(v.name(), v.kind(), v.dataType(), v.shape(), v.data());
            c.declare(v.declaredDataType(), v.declaredShape());
        }
        return c;
    }

    Graph forward() {
        return forward;
    }

    /**
     * True when a forward value is computed from a data input (the data holder's, so secret-shared); every other
     * value (constants, weights and what is computed from them alone) has positions every party knows.
     */
    boolean fromDataInput(String value) {
        if (fromInputs == null) {
            fromInputs = new HashSet<>(forward.inputs());
            for (Node n : forward.nodes()) {
                if (n.inputs().stream().anyMatch(fromInputs::contains)) {
                    fromInputs.addAll(n.outputs());
                }
            }
        }
        return fromInputs.contains(value);
    }

    String fileName() {
        return fileName;
    }

    /** The error for a forward node a training step cannot differentiate, naming the node as users see it. */
    ModelException unsupported(Node node, String reason) {
        return ModelException.atNode(fileName, node, "--mode training: " + reason);
    }

    /** The shape of a value: the forward graph's inferred one, or the one expected for a value the step added. */
    Shape shape(String value) {
        Shape s = expected.get(value);
        return s != null ? s : forward.value(value).shape();
    }

    boolean has(String value) {
        return values.containsKey(value);
    }

    /** A node name not used yet: {@code wanted}, else {@code wanted_1}, {@code wanted_2}... */
    String uniqueNodeName(String wanted) {
        return FreshNames.claim(wanted, nodeNames);
    }

    private String uniqueValueName(String wanted) {
        return FreshNames.fresh(wanted, values::containsKey);
    }

    /** Adds a node whose outputs already exist as values (a forward node copied under a new name). */
    void addNode(Node n) {
        nodes.add(n);
    }

    /** A new activation value the step computes, with the shape the builder expects for it. */
    String newValue(String wanted, Shape expectedShape) {
        String name = uniqueValueName(wanted);
        values.put(name, new Value(name, ValueKind.ACTIVATION, null, null, null));
        if (expectedShape != null) {
            expected.put(name, expectedShape);
        }
        return name;
    }

    /** Adds a node with one new output value; returns the output's name. */
    String add(String nodeName, String opType, List<String> in, Attributes attrs, Shape expectedShape) {
        String out = newValue(nodeName + "_output_0", expectedShape);
        nodes.add(new Node(nodeName, opType, "", in, List.of(out), attrs));
        return out;
    }

    /** A known INT64 vector (shapes, axes, starts): public, as every shape is. */
    String ints(long... v) {
        return constant(TensorData.ofLongs(DataType.INT64, Shape.of(v.length), v));
    }

    /** A known FLOAT scalar (a divisor, an exponent, a learning rate): public. */
    String scalar(double v) {
        return constant(TensorData.ofDoubles(DataType.FLOAT, Shape.SCALAR, v));
    }

    private String constant(TensorData d) {
        String name = uniqueValueName("hawkeye.const_" + constants++);
        values.put(name, new Value(name, ValueKind.CONSTANT, d.dataType(), d.shape(), d));
        return name;
    }

    /** A public FLOAT tensor whose values every party knows but that need not be stored (a pooling kernel, zeros). */
    String publicTensor(String wanted, Shape shape) {
        return publicTensor(wanted, DataType.FLOAT, shape);
    }

    /** A public tensor of another type (the positions a gradient is scattered to: INT64). */
    String publicTensor(String wanted, DataType type, Shape shape) {
        String name = uniqueValueName(wanted);
        values.put(name, new Value(name, ValueKind.CONSTANT, type, shape, null));
        return name;
    }

    /**
     * A secret input of the step: the data holder's target, or optimizer state that earlier steps left
     * secret-shared. Only the target is a data input (it takes the batch size); state is not.
     */
    String secretInput(String wanted, Shape shape, boolean dataInput) {
        String name = uniqueValueName(wanted);
        Value v = new Value(name, ValueKind.INPUT, null, null, null);
        v.declare(DataType.FLOAT, shape);
        values.put(name, v);
        if (dataInput) {
            inputs.add(name);
        }
        return name;
    }

    Map<String, Shape> expectedShapes() {
        return expected;
    }

    Graph build(List<String> outputs) {
        Map<String, String> metadata = new LinkedHashMap<>(forward.metadata());
        return new Graph(forward.name(), nodes, values, inputs, outputs, metadata);
    }
}
