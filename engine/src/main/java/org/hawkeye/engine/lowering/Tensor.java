package org.hawkeye.engine.lowering;

import java.util.List;
import org.hawkeye.engine.graph.Value;

/**
 * Fact: one tensor with its static shape. {@code kind} says who owns it: "input" (the data holder), "weight"
 * (the model holder), "constant" (public, known), "activation" (computed). {@code scalar} is the value of a
 * known one-element tensor (a Pow exponent, a Clip bound), else null.
 */
public record Tensor(String name, List<Long> shape, long numel, String dtype, String kind, Double scalar) {

    public Tensor {
        shape = List.copyOf(shape);
    }

    /** The fact for a value of the graph; a computed value folded at import is a public constant. */
    public static Tensor of(Value v) {
        List<Long> shape = v.shape() == null ? List.of() : v.shape().dims();
        long numel = v.shape() == null ? 0 : v.shape().numel();
        String kind = switch (v.kind()) {
            case INPUT -> "input";
            case WEIGHT -> "weight";
            case CONSTANT -> "constant";
            case ACTIVATION -> v.hasData() ? "constant" : "activation";
        };
        Double scalar = v.hasData() && v.data().size() == 1 ? v.data().doubleAt(0) : null;
        return new Tensor(v.name(), shape, numel, v.dataType() == null ? "UNDEFINED" : v.dataType().name(), kind,
                scalar);
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

    /**
     * True when the tensor holds fixed-point numbers: a floating-point type, except a known integer-valued scalar
     * (a product with a public integer needs no truncation).
     */
    public boolean isFixedPoint() {
        boolean floating = dtype.equals("FLOAT") || dtype.equals("DOUBLE") || dtype.equals("FLOAT16")
                || dtype.equals("BFLOAT16");
        return floating && !(scalar != null && scalar == Math.rint(scalar));
    }

    /** The shape with dimension {@code axis} (negative: from the end) set to {@code size}. */
    public List<Long> shapeWith(int axis, long size) {
        List<Long> out = new java.util.ArrayList<>(shape);
        out.set(axis < 0 ? axis + shape.size() : axis, size);
        return out;
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
