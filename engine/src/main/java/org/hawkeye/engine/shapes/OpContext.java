package org.hawkeye.engine.shapes;

import java.util.Optional;
import java.util.function.Supplier;

import org.hawkeye.engine.graph.Attributes;
import org.hawkeye.engine.graph.DataType;
import org.hawkeye.engine.graph.Graph;
import org.hawkeye.engine.graph.Node;
import org.hawkeye.engine.graph.Shape;
import org.hawkeye.engine.graph.TensorData;
import org.hawkeye.engine.graph.Value;

/** What a {@link ShapeRule} sees of one node: its inputs' types and values, attributes, opset, and its outputs. */
final class OpContext {

    /** Values are folded only up to this many elements: shape arithmetic is tiny, activations are not. */
    static final int MAX_FOLD_ELEMENTS = 4096;

    private final Graph graph;
    private final Node node;
    private final int opset;

    OpContext(Graph graph, Node node, int opset) {
        this.graph = graph;
        this.node = node;
        this.opset = opset;
    }

    Node node() {
        return node;
    }

    Attributes attrs() {
        return node.attributes();
    }

    /** The version of the default operator set: attributes became inputs at 10 (Slice), 13 and 18. */
    int opset() {
        return opset;
    }

    int inputCount() {
        return node.inputs().size();
    }

    /** True when optional input {@code i} is given. */
    boolean hasInput(int i) {
        return node.hasInput(i);
    }

    private Value input(int i) {
        if (!node.hasInput(i)) {
            throw new ShapeError(node.opType() + " needs input " + (i + 1) + " but has only " + inputCount()
                    + " input(s)");
        }
        return graph.value(node.input(i));
    }

    Shape shape(int i) {
        return input(i).shape();
    }

    DataType dataType(int i) {
        return input(i).dataType();
    }

    /** The input's value when known statically, else null. */
    TensorData data(int i) {
        return input(i).data();
    }

    /** True when every given input has a known value, so the output can be folded. */
    boolean allInputsKnown() {
        for (int i = 0; i < inputCount(); i++) {
            if (hasInput(i) && data(i) == null) {
                return false;
            }
        }
        return true;
    }

    /** An integer operand (shape, axes, pads, repeats), when its value is known. */
    Optional<long[]> intsIfKnown(int i) {
        TensorData d = hasInput(i) ? data(i) : null;
        return d == null ? Optional.empty() : Optional.of(d.toLongs());
    }

    /** An integer operand the output shape depends on; it must be known, since hawkeye costs static shapes. */
    long[] ints(int i, String role) {
        return intsIfKnown(i).orElseThrow(() -> new ShapeError("the " + role + " (input '" + node.input(i)
                + "') is computed at run time and could not be folded to a constant"));
    }

    /** An INTS attribute, or null when absent. */
    long[] intsAttr(String name) {
        return attrs().getInts(name).map(l -> l.stream().mapToLong(Long::longValue).toArray()).orElse(null);
    }

    /** The number of output slots, counting omitted optional ones. */
    int outputCount() {
        return node.outputs().size();
    }

    boolean hasOutput(int i) {
        return i < node.outputs().size() && !node.output(i).isEmpty();
    }

    /** The output's current type: set by the importer for Constants, null for activations not yet inferred. */
    DataType outputType(int i) {
        return hasOutput(i) ? graph.value(node.output(i)).dataType() : null;
    }

    void output(int i, DataType dataType, Shape shape) {
        if (hasOutput(i)) {
            Value v = graph.value(node.output(i));
            v.setType(dataType, shape);
            v.setData(null);
        }
    }

    void output(int i, TensorData data) {
        if (hasOutput(i)) {
            Value v = graph.value(node.output(i));
            v.setType(data.dataType(), data.shape());
            v.setData(data);
        }
    }

    /**
     * Sets the output type and, when all inputs are known and the result is small, its folded value. The folder
     * runs only then, so it may assume every input has data.
     */
    void output(int i, DataType dataType, Shape shape, Supplier<TensorData> folder) {
        if (hasOutput(i) && allInputsKnown() && shape.numel() <= MAX_FOLD_ELEMENTS) {
            TensorData folded = folder.get();
            if (folded != null) {
                output(i, folded);
                return;
            }
        }
        output(i, dataType, shape);
    }

    /** Normalises an ONNX axis in [-rank, rank-1], naming the attribute when out of range. */
    static int axis(long axis, int rank, String what) {
        if (axis < -rank || axis >= rank) {
            throw new ShapeError(what + " " + axis + " is out of range for a tensor of rank " + rank);
        }
        return (int) (axis < 0 ? axis + rank : axis);
    }
}
