package org.hawkeye.engine.shapes;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.hawkeye.engine.graph.DataType;
import org.hawkeye.engine.graph.Shape;
import org.hawkeye.engine.graph.TensorData;

/** Ops whose output is known statically: Constant, Shape, Size, ConstantOfShape, Range. */
final class GeneratorShapes {

    private GeneratorShapes() {
    }

    static void register(Map<String, ShapeRule> rules) {
        rules.put("Constant", GeneratorShapes::constant);
        rules.put("Shape", GeneratorShapes::shape);
        rules.put("Size", op -> op.output(0, Tensors.scalarInt64(op.shape(0).numel())));
        rules.put("ConstantOfShape", GeneratorShapes::constantOfShape);
        rules.put("Range", GeneratorShapes::range);
    }

    /** Constant: exactly one of value, value_float(s), value_int(s), value_string(s) (sparse_value unsupported). */
    private static void constant(OpContext op) {
        var attrs = op.attrs();
        if (attrs.getTensor("value").isPresent()) {
            op.output(0, attrs.getTensor("value").get());
        } else if (attrs.has("value_float")) {
            op.output(0, Tensors.fromDoubles(DataType.FLOAT, Shape.SCALAR, new double[] {attrs.getFloat("value_float", 0)}));
        } else if (attrs.has("value_floats")) {
            double[] v = attrs.getFloats("value_floats").orElse(List.of()).stream().mapToDouble(Double::doubleValue).toArray();
            op.output(0, Tensors.fromDoubles(DataType.FLOAT, Shape.of(v.length), v));
        } else if (attrs.has("value_int")) {
            op.output(0, Tensors.scalarInt64(attrs.getInt("value_int", 0)));
        } else if (attrs.has("value_ints")) {
            op.output(0, Tensors.int64(op.intsAttr("value_ints")));
        } else if (attrs.has("value_string")) {
            op.output(0, DataType.STRING, Shape.SCALAR);
        } else if (attrs.asMap().get("value_strings") instanceof List<?> l) {
            op.output(0, DataType.STRING, Shape.of(l.size()));
        } else if (op.outputType(0) == null) {
            // The importer already typed the output from a tensor header too large to keep; otherwise nothing.
            throw new ShapeError("Constant has no value attribute hawkeye can read");
        }
    }

    /** Shape: the input's dimensions as a 1-D INT64 value, optionally sliced by start/end (opset 15). */
    private static void shape(OpContext op) {
        long[] dims = op.shape(0).toArray();
        int rank = dims.length;
        long start = op.attrs().getInt("start", 0);
        long end = op.attrs().getInt("end", rank);
        int from = (int) Math.max(0, Math.min(rank, start < 0 ? start + rank : start));
        int to = (int) Math.max(0, Math.min(rank, end < 0 ? end + rank : end));
        op.output(0, Tensors.int64(Arrays.copyOfRange(dims, from, Math.max(from, to))));
    }

    /** ConstantOfShape: a tensor of the given shape filled with 'value' (default float 0). */
    private static void constantOfShape(OpContext op) {
        long[] dims = op.ints(0, "shape");
        for (long d : dims) {
            if (d < 0) {
                throw new ShapeError("ConstantOfShape shape " + Tensors.list(dims) + " has a negative dimension");
            }
        }
        TensorData value = op.attrs().getTensor("value").orElse(null);
        DataType type = value == null ? DataType.FLOAT : value.dataType();
        Shape y = Shape.of(dims);
        op.output(0, type, y, () -> {
            double[] v = new double[(int) y.numel()];
            Arrays.fill(v, value == null ? 0 : value.doubleAt(0));
            return Tensors.fromDoubles(type, y, v);
        });
    }

    /** Range(start, limit, delta): max(ceil((limit - start) / delta), 0) elements of start's type. */
    private static void range(OpContext op) {
        TensorData start = op.data(0);
        TensorData limit = op.data(1);
        TensorData delta = op.data(2);
        if (start == null || limit == null || delta == null) {
            throw new ShapeError("Range bounds are computed at run time and could not be folded to constants");
        }
        DataType type = op.dataType(0);
        if (delta.doubleAt(0) == 0) {
            throw new ShapeError("Range delta is 0");
        }
        long n;
        if (start.isIntegral() && limit.isIntegral() && delta.isIntegral()) {
            // exact: int64 bounds at the extremes would wrap to a wrong length
            long span = Math.subtractExact(limit.longAt(0), start.longAt(0));
            long d = delta.longAt(0);
            n = Math.max(0, d > 0 ? Math.floorDiv(Math.addExact(span, d - 1), d)
                    : Math.floorDiv(Math.subtractExact(Math.negateExact(span), Math.addExact(d, 1)),
                    Math.negateExact(d)));
        } else {
            n = (long) Math.max(0, Math.ceil((limit.doubleAt(0) - start.doubleAt(0)) / delta.doubleAt(0)));
        }
        Shape y = Shape.of(n);
        op.output(0, type, y, () -> {
            if (start.isIntegral() && delta.isIntegral()) {
                long[] v = new long[(int) n];
                for (int i = 0; i < n; i++) {
                    v[i] = start.longAt(0) + i * delta.longAt(0);
                }
                return Tensors.fromLongs(type, y, v);
            }
            double[] v = new double[(int) n];
            for (int i = 0; i < n; i++) {
                v[i] = start.doubleAt(0) + i * delta.doubleAt(0);
            }
            return Tensors.fromDoubles(type, y, v);
        });
    }
}
