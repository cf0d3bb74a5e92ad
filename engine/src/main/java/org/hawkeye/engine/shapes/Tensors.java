package org.hawkeye.engine.shapes;

import java.util.function.DoubleUnaryOperator;
import java.util.function.LongUnaryOperator;

import org.hawkeye.engine.graph.DataType;
import org.hawkeye.engine.graph.Shape;
import org.hawkeye.engine.graph.TensorData;

/**
 * Building blocks for folding: tensors stored the way {@link TensorData} wants them (exact longs for integer and
 * bool types, doubles for floating types) and element moves by flat index.
 */
final class Tensors {

    private Tensors() {
    }

    /** True for the types TensorData can hold: floating, integer and bool (not strings or complex numbers). */
    static boolean isNumeric(DataType type) {
        return type.isFloatingPoint() || type.isInteger() || type == DataType.BOOL;
    }

    /** A tensor of {@code type} from doubles; integer and bool types truncate toward zero, as Cast does. */
    static TensorData fromDoubles(DataType type, Shape shape, double[] values) {
        if (type.isFloatingPoint()) {
            if (type == DataType.FLOAT) {
                // Keep float32 rounding so folded values match what the runtime computes.
                double[] rounded = new double[values.length];
                for (int i = 0; i < values.length; i++) {
                    rounded[i] = (float) values[i];
                }
                return TensorData.ofDoubles(type, shape, rounded);
            }
            return TensorData.ofDoubles(type, shape, values);
        }
        long[] longs = new long[values.length];
        for (int i = 0; i < values.length; i++) {
            longs[i] = type == DataType.BOOL ? (values[i] != 0 ? 1 : 0) : (long) values[i];
        }
        return TensorData.ofLongs(type, shape, longs);
    }

    /** A tensor of {@code type} from longs; floating types convert exactly where they can. */
    static TensorData fromLongs(DataType type, Shape shape, long[] values) {
        if (type.isFloatingPoint()) {
            double[] d = new double[values.length];
            for (int i = 0; i < values.length; i++) {
                d[i] = values[i];
            }
            return fromDoubles(type, shape, d);
        }
        if (type == DataType.BOOL) {
            long[] b = new long[values.length];
            for (int i = 0; i < values.length; i++) {
                b[i] = values[i] != 0 ? 1 : 0;
            }
            return TensorData.ofLongs(type, shape, b);
        }
        return TensorData.ofLongs(type, shape, values);
    }

    static TensorData int64(long... values) {
        return TensorData.ofLongs(DataType.INT64, Shape.of(values.length), values);
    }

    static TensorData scalarInt64(long value) {
        return TensorData.ofLongs(DataType.INT64, Shape.SCALAR, value);
    }

    /** The same elements under another shape (Reshape, Flatten, Squeeze, Unsqueeze, Identity). */
    static TensorData reshape(TensorData d, Shape shape) {
        return d.isIntegral() ? TensorData.ofLongs(d.dataType(), shape, d.toLongs())
                : TensorData.ofDoubles(d.dataType(), shape, d.toDoubles());
    }

    /** Element {@code i} of the result is element {@code source[i]} of {@code d} (Gather, Slice, Transpose...). */
    static TensorData pick(TensorData d, Shape shape, int[] source) {
        if (d.isIntegral()) {
            long[] v = new long[source.length];
            for (int i = 0; i < v.length; i++) {
                v[i] = d.longAt(source[i]);
            }
            return TensorData.ofLongs(d.dataType(), shape, v);
        }
        double[] v = new double[source.length];
        for (int i = 0; i < v.length; i++) {
            v[i] = d.doubleAt(source[i]);
        }
        return TensorData.ofDoubles(d.dataType(), shape, v);
    }

    /** Applies a unary function in the tensor's own arithmetic: integer types exactly, floats in double. */
    static TensorData map(TensorData d, DataType outType, LongUnaryOperator onLongs, DoubleUnaryOperator onDoubles) {
        if (d.isIntegral() && onLongs != null) {
            long[] v = d.toLongs();
            for (int i = 0; i < v.length; i++) {
                v[i] = onLongs.applyAsLong(v[i]);
            }
            return fromLongs(outType, d.shape(), v);
        }
        double[] v = d.toDoubles();
        for (int i = 0; i < v.length; i++) {
            v[i] = onDoubles.applyAsDouble(v[i]);
        }
        return fromDoubles(outType, d.shape(), v);
    }

    /** Row-major strides of a shape, in elements. */
    static long[] strides(Shape s) {
        long[] strides = new long[s.rank()];
        long stride = 1;
        for (int a = s.rank() - 1; a >= 0; a--) {
            strides[a] = stride;
            stride *= s.dims().get(a);
        }
        return strides;
    }

    /** The multi-index of flat position {@code flat} in a tensor of {@code shape}. */
    static long[] unravel(long flat, Shape shape) {
        long[] idx = new long[shape.rank()];
        for (int a = shape.rank() - 1; a >= 0; a--) {
            long d = shape.dims().get(a);
            idx[a] = d == 0 ? 0 : flat % d;
            flat = d == 0 ? 0 : flat / d;
        }
        return idx;
    }

    /** A compact list for messages: [7,-1]; "none" for null. */
    static String list(long[] v) {
        if (v == null) {
            return "none";
        }
        StringBuilder sb = new StringBuilder("[");
        for (int i = 0; i < v.length; i++) {
            sb.append(i == 0 ? "" : ",").append(v[i]);
        }
        return sb.append(']').toString();
    }
}
