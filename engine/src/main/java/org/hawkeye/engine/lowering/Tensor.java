package org.hawkeye.engine.lowering;

import java.util.List;

/**
 * Fact: one tensor with its static shape. {@code kind} says who owns it: "input" (the data holder), "weight"
 * (the model holder), "constant" (public, known), "activation" (computed). {@code scalar} is the value of a
 * known one-element tensor (a Pow exponent, a Clip bound), else null.
 */
public record Tensor(String name, List<Long> shape, long numel, String dtype, String kind, Double scalar) {

    public Tensor {
        shape = List.copyOf(shape);
    }

    public String getName() {
        return name;
    }

    public List<Long> getShape() {
        return shape;
    }

    public long getNumel() {
        return numel;
    }

    public int getRank() {
        return shape.size();
    }

    public int rank() {
        return shape.size();
    }

    public String getDtype() {
        return dtype;
    }

    public String getKind() {
        return kind;
    }

    public Double getScalar() {
        return scalar;
    }

    /** Size of {@code axis}; a negative axis counts from the end, as ONNX attributes do. */
    public long dim(int axis) {
        int a = axis < 0 ? axis + shape.size() : axis;
        return shape.get(a);
    }

    /** Elements per slice along {@code axis}: numel / dim(axis), the number of independent reductions. */
    public long outer(int axis) {
        return numel / dim(axis);
    }
}
