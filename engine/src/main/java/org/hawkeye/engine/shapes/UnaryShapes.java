package org.hawkeye.engine.shapes;

import java.util.Map;
import java.util.function.DoubleUnaryOperator;
import java.util.function.LongUnaryOperator;

import org.hawkeye.engine.graph.DataType;
import org.hawkeye.engine.graph.TensorData;

/** Elementwise ops with one tensor operand: activations, math functions, predicates and Cast. */
final class UnaryShapes {

    private UnaryShapes() {
    }

    static void register(Map<String, ShapeRule> rules) {
        // Same type and shape as the input; values are not folded (they never feed a shape).
        for (String op : new String[] {"Sigmoid", "Tanh", "Erf", "HardSigmoid", "HardSwish", "LeakyRelu", "Elu",
                "Selu", "Celu", "Softplus", "Softsign", "Gelu", "Mish", "ThresholdedRelu", "Sin", "Cos", "Tan",
                "Asin", "Acos", "Atan", "Sinh", "Cosh", "Asinh", "Acosh", "Atanh", "Round", "Shrink"}) {
            rules.put(op, sameAsInput(null, null));
        }
        // Folded, because exporters compute shape arithmetic and attention scales with them.
        rules.put("Identity", sameAsInput(x -> x, x -> x));
        rules.put("Neg", sameAsInput(x -> -x, x -> -x));
        rules.put("Abs", sameAsInput(Math::abs, Math::abs));
        rules.put("Sign", sameAsInput(Long::signum, Math::signum));
        rules.put("Relu", sameAsInput(x -> Math.max(x, 0), x -> Math.max(x, 0)));
        rules.put("Floor", sameAsInput(x -> x, Math::floor));
        rules.put("Ceil", sameAsInput(x -> x, Math::ceil));
        rules.put("Sqrt", sameAsInput(null, Math::sqrt));
        rules.put("Reciprocal", sameAsInput(null, x -> 1 / x));
        rules.put("Exp", sameAsInput(null, Math::exp));
        rules.put("Log", sameAsInput(null, Math::log));
        rules.put("Clip", UnaryShapes::clip);
        rules.put("PRelu", sameAsInput(null, null));
        rules.put("Not", toBool(x -> x == 0 ? 1 : 0, x -> x == 0 ? 1 : 0));
        rules.put("IsNaN", toBool(x -> 0, x -> Double.isNaN(x) ? 1 : 0));
        rules.put("IsInf", toBool(x -> 0, x -> Double.isInfinite(x) ? 1 : 0));
        rules.put("Cast", op -> cast(op, DataType.fromOnnx((int) op.attrs().getInt("to", 0))));
        rules.put("CastLike", op -> cast(op, op.dataType(1)));
    }

    /**
     * The output has the input's type and shape. With {@code onLongs} (integer inputs) or {@code onDoubles}
     * (floating inputs) given, known values are folded; a null function means "do not fold this arithmetic".
     */
    private static ShapeRule sameAsInput(LongUnaryOperator onLongs, DoubleUnaryOperator onDoubles) {
        return op -> {
            TensorData d = op.data(0);
            boolean foldable = d != null && (d.isIntegral() ? onLongs != null || onDoubles != null : onDoubles != null);
            op.output(0, op.dataType(0), op.shape(0), () -> foldable
                    ? Tensors.map(d, d.dataType(), onLongs, onDoubles) : null);
        };
    }

    private static ShapeRule toBool(LongUnaryOperator onLongs, DoubleUnaryOperator onDoubles) {
        return op -> {
            TensorData d = op.data(0);
            op.output(0, DataType.BOOL, op.shape(0), () -> Tensors.map(d, DataType.BOOL, onLongs, onDoubles));
        };
    }

    /** Clip: bounds are attributes before opset 11 and optional scalar inputs after; only the input shapes it. */
    private static void clip(OpContext op) {
        for (int i = 1; i <= 2; i++) {
            if (op.hasInput(i) && op.shape(i).numel() != 1) {
                throw new ShapeError("Clip " + (i == 1 ? "min" : "max") + " must be a scalar, got " + op.shape(i));
            }
        }
        TensorData x = op.data(0);
        op.output(0, op.dataType(0), op.shape(0), () -> {
            double lo = op.hasInput(1) ? op.data(1).doubleAt(0) : op.attrs().getFloat("min", Double.NEGATIVE_INFINITY);
            double hi = op.hasInput(2) ? op.data(2).doubleAt(0) : op.attrs().getFloat("max", Double.POSITIVE_INFINITY);
            return Tensors.map(x, x.dataType(), v -> (long) Math.min(Math.max(v, lo), hi), v -> Math.min(Math.max(v, lo), hi));
        });
    }

    private static void cast(OpContext op, DataType to) {
        if (to == DataType.UNDEFINED) {
            throw new ShapeError("Cast has no valid 'to' type (" + op.attrs().getInt("to", 0) + ")");
        }
        TensorData d = op.data(0);
        op.output(0, to, op.shape(0), () -> !Tensors.isNumeric(to) ? null : d.isIntegral()
                ? Tensors.fromLongs(to, d.shape(), d.toLongs()) : Tensors.fromDoubles(to, d.shape(), d.toDoubles()));
    }
}
