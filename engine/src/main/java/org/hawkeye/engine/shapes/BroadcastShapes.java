package org.hawkeye.engine.shapes;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.hawkeye.engine.graph.DataType;
import org.hawkeye.engine.graph.Shape;
import org.hawkeye.engine.graph.TensorData;

/** Elementwise ops over several broadcast operands: arithmetic, comparisons, logic, Where, variadic Min/Max/Sum. */
final class BroadcastShapes {

    /** A binary function in exact integer arithmetic and in double arithmetic. */
    private interface BinaryFn {
        long onLongs(long a, long b);

        double onDoubles(double a, double b);
    }

    private BroadcastShapes() {
    }

    static void register(Map<String, ShapeRule> rules) {
        rules.put("Add", arithmetic(fn((a, b) -> a + b, (a, b) -> a + b)));
        rules.put("Sub", arithmetic(fn((a, b) -> a - b, (a, b) -> a - b)));
        rules.put("Mul", arithmetic(fn((a, b) -> a * b, (a, b) -> a * b)));
        // Integer Div truncates toward zero, as onnxruntime's does.
        rules.put("Div", arithmetic(fn(BroadcastShapes::divide, (a, b) -> a / b)));
        rules.put("Pow", arithmetic(fn((a, b) -> (long) Math.pow(a, b), Math::pow)));
        rules.put("Mod", arithmetic(fn((a, b) -> b == 0 ? 0 : Math.floorMod(a, b), (a, b) -> a % b)));
        rules.put("Equal", comparison(fn((a, b) -> a == b ? 1 : 0, (a, b) -> a == b ? 1 : 0)));
        rules.put("Less", comparison(fn((a, b) -> a < b ? 1 : 0, (a, b) -> a < b ? 1 : 0)));
        rules.put("LessOrEqual", comparison(fn((a, b) -> a <= b ? 1 : 0, (a, b) -> a <= b ? 1 : 0)));
        rules.put("Greater", comparison(fn((a, b) -> a > b ? 1 : 0, (a, b) -> a > b ? 1 : 0)));
        rules.put("GreaterOrEqual", comparison(fn((a, b) -> a >= b ? 1 : 0, (a, b) -> a >= b ? 1 : 0)));
        rules.put("And", comparison(fn((a, b) -> a != 0 && b != 0 ? 1 : 0, (a, b) -> a != 0 && b != 0 ? 1 : 0)));
        rules.put("Or", comparison(fn((a, b) -> a != 0 || b != 0 ? 1 : 0, (a, b) -> a != 0 || b != 0 ? 1 : 0)));
        rules.put("Xor", comparison(fn((a, b) -> (a != 0) ^ (b != 0) ? 1 : 0, (a, b) -> (a != 0) ^ (b != 0) ? 1 : 0)));
        rules.put("Max", arithmetic(fn(Math::max, Math::max)));
        rules.put("Min", arithmetic(fn(Math::min, Math::min)));
        rules.put("Sum", arithmetic(fn((a, b) -> a + b, (a, b) -> a + b)));
        rules.put("Mean", BroadcastShapes::mean);
        rules.put("Where", BroadcastShapes::where);
    }

    private static BinaryFn fn(java.util.function.LongBinaryOperator l, java.util.function.DoubleBinaryOperator d) {
        return new BinaryFn() {
            @Override
            public long onLongs(long a, long b) {
                return l.applyAsLong(a, b);
            }

            @Override
            public double onDoubles(double a, double b) {
                return d.applyAsDouble(a, b);
            }
        };
    }

    private static long divide(long a, long b) {
        if (b == 0) {
            throw new ShapeError("integer division by zero in a constant expression");
        }
        return a / b;
    }

    /** Output type is the first operand's (ONNX requires equal types); values fold left to right. */
    private static ShapeRule arithmetic(BinaryFn f) {
        return op -> {
            DataType type = op.dataType(0);
            Shape shape = Broadcasting.of(inputShapes(op));
            op.output(0, type, shape, () -> fold(op, type, shape, f));
        };
    }

    /** Comparisons and logic produce BOOL; the operands' arithmetic follows their own type. */
    private static ShapeRule comparison(BinaryFn f) {
        return op -> {
            Shape shape = Broadcasting.of(inputShapes(op));
            op.output(0, DataType.BOOL, shape, () -> fold(op, DataType.BOOL, shape, f));
        };
    }

    private static List<Shape> inputShapes(OpContext op) {
        List<Shape> shapes = new ArrayList<>();
        for (int i = 0; i < op.inputCount(); i++) {
            shapes.add(op.shape(i));
        }
        if (shapes.isEmpty()) {
            throw new ShapeError(op.node().opType() + " has no inputs");
        }
        return shapes;
    }

    /** Folds operands pairwise; integer arithmetic is used when every operand is integral. */
    private static TensorData fold(OpContext op, DataType outType, Shape shape, BinaryFn f) {
        boolean integral = true;
        for (int i = 0; i < op.inputCount(); i++) {
            integral &= op.data(i).isIntegral();
        }
        int n = (int) shape.numel();
        long[] longs = integral ? new long[n] : null;
        double[] doubles = integral ? null : new double[n];
        for (int i = 0; i < op.inputCount(); i++) {
            TensorData d = op.data(i);
            int[] src = Broadcasting.sourceIndex(d.shape(), shape);
            for (int k = 0; k < n; k++) {
                if (integral) {
                    longs[k] = i == 0 ? d.longAt(src[k]) : f.onLongs(longs[k], d.longAt(src[k]));
                } else {
                    doubles[k] = i == 0 ? d.doubleAt(src[k]) : f.onDoubles(doubles[k], d.doubleAt(src[k]));
                }
            }
        }
        return integral ? Tensors.fromLongs(outType, shape, longs) : Tensors.fromDoubles(outType, shape, doubles);
    }

    private static void mean(OpContext op) {
        Shape shape = Broadcasting.of(inputShapes(op));
        op.output(0, op.dataType(0), shape);
    }

    /** Where(condition, X, Y): the three shapes broadcast together; the type is X's. */
    private static void where(OpContext op) {
        Shape shape = Broadcasting.of(List.of(op.shape(0), op.shape(1), op.shape(2)));
        DataType type = op.dataType(1);
        op.output(0, type, shape, () -> {
            TensorData c = op.data(0);
            TensorData x = op.data(1);
            TensorData y = op.data(2);
            int[] cs = Broadcasting.sourceIndex(c.shape(), shape);
            int[] xs = Broadcasting.sourceIndex(x.shape(), shape);
            int[] ys = Broadcasting.sourceIndex(y.shape(), shape);
            int n = cs.length;
            if (x.isIntegral() && y.isIntegral()) {
                long[] v = new long[n];
                for (int k = 0; k < n; k++) {
                    v[k] = c.longAt(cs[k]) != 0 ? x.longAt(xs[k]) : y.longAt(ys[k]);
                }
                return Tensors.fromLongs(type, shape, v);
            }
            double[] v = new double[n];
            for (int k = 0; k < n; k++) {
                v[k] = c.longAt(cs[k]) != 0 ? x.doubleAt(xs[k]) : y.doubleAt(ys[k]);
            }
            return Tensors.fromDoubles(type, shape, v);
        });
    }
}
