package org.hawkeye.engine.shapes;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.hawkeye.engine.graph.DataType;
import org.hawkeye.engine.graph.Shape;
import org.hawkeye.engine.graph.TensorData;

/** Ops that select or combine parts of tensors: Gather*, Slice, Split, Concat, Pad, Trilu, Scatter*, OneHot. */
final class IndexingShapes {

    private IndexingShapes() {
    }

    static void register(Map<String, ShapeRule> rules) {
        rules.put("Gather", IndexingShapes::gather);
        rules.put("GatherElements", op -> op.output(0, op.dataType(0), op.shape(1)));
        rules.put("GatherND", IndexingShapes::gatherNd);
        rules.put("Slice", SliceShapes::slice);
        rules.put("Split", SliceShapes::split);
        rules.put("Concat", IndexingShapes::concat);
        rules.put("Pad", SliceShapes::pad);
        rules.put("Trilu", op -> op.output(0, op.dataType(0), op.shape(0)));
        rules.put("ScatterND", op -> op.output(0, op.dataType(0), op.shape(0)));
        rules.put("ScatterElements", op -> op.output(0, op.dataType(0), op.shape(0)));
        rules.put("OneHot", IndexingShapes::oneHot);
    }

    /** OneHot: the indices' shape with an axis of size depth (a known scalar) inserted; the values' type. */
    private static void oneHot(OpContext op) {
        long[] depth = op.ints(1, "depth");
        if (depth.length != 1 || depth[0] < 1) {
            throw new ShapeError("OneHot depth must be one positive number, got " + java.util.Arrays.toString(depth));
        }
        Shape indices = op.shape(0);
        int axis = OpContext.axis(op.attrs().getInt("axis", -1), indices.rank() + 1, "OneHot axis");
        List<Long> dims = new ArrayList<>(indices.dims());
        dims.add(axis, depth[0]);
        op.output(0, op.dataType(2), new Shape(dims));
    }

    /** Gather: data's axis is replaced by the indices' shape; negative indices count from the end. */
    private static void gather(OpContext op) {
        Shape data = op.shape(0);
        Shape indices = op.shape(1);
        int axis = OpContext.axis(op.attrs().getInt("axis", 0), data.rank(), "Gather axis");
        List<Long> dims = new ArrayList<>(data.dims().subList(0, axis));
        dims.addAll(indices.dims());
        dims.addAll(data.dims().subList(axis + 1, data.rank()));
        Shape y = new Shape(dims);
        op.output(0, op.dataType(0), y, () -> {
            long axisSize = data.dims().get(axis);
            long inner = new Shape(data.dims().subList(axis + 1, data.rank())).numel();
            TensorData idx = op.data(1);
            int[] src = new int[(int) y.numel()];
            int k = 0;
            long outer = new Shape(data.dims().subList(0, axis)).numel();
            for (long o = 0; o < outer; o++) {
                for (int j = 0; j < idx.size(); j++) {
                    long i = idx.longAt(j);
                    if (i < -axisSize || i >= axisSize) {
                        throw new ShapeError("Gather index " + i + " is out of range for axis " + axis + " of size " + axisSize);
                    }
                    long base = (o * axisSize + (i < 0 ? i + axisSize : i)) * inner;
                    for (long r = 0; r < inner; r++) {
                        src[k++] = (int) (base + r);
                    }
                }
            }
            return Tensors.pick(op.data(0), y, src);
        });
    }

    /**
     * GatherND: the output is indices.shape[:-1] + data.shape[batch_dims + m:], where m (the last dimension of
     * indices) counts the data axes each index tuple addresses.
     */
    private static void gatherNd(OpContext op) {
        Shape data = op.shape(0);
        Shape indices = op.shape(1);
        long batchDims = op.attrs().getInt("batch_dims", 0);
        if (indices.rank() < 1) {
            throw new ShapeError("GatherND indices must have rank 1 or more, got " + indices);
        }
        if (batchDims < 0 || batchDims >= Math.min(data.rank(), indices.rank())) {
            throw new ShapeError("GatherND batch_dims " + batchDims + " must be at least 0 and less than the ranks of"
                    + " data " + data + " and indices " + indices);
        }
        long m = indices.dim(-1);
        if (m > data.rank() || batchDims + m > data.rank()) {
            throw new ShapeError("GatherND index tuples of length " + m + " after " + batchDims
                    + " batch dimension(s) address more axes than data " + data + " has");
        }
        List<Long> dims = new ArrayList<>(indices.dims().subList(0, indices.rank() - 1));
        dims.addAll(data.dims().subList((int) (batchDims + m), data.rank()));
        op.output(0, op.dataType(0), new Shape(dims));
    }

    /** Concat: all inputs share rank and every dimension except the axis, whose sizes add up. */
    private static void concat(OpContext op) {
        Shape first = op.shape(0);
        int axis = OpContext.axis(op.attrs().getInt("axis", 0), Math.max(first.rank(), 1), "Concat axis");
        if (first.rank() == 0) {
            throw new ShapeError("Concat inputs must have rank 1 or more, got a scalar");
        }
        long total = 0;
        for (int i = 0; i < op.inputCount(); i++) {
            Shape s = op.shape(i);
            boolean fits = s.rank() == first.rank();
            for (int a = 0; fits && a < s.rank(); a++) {
                fits = a == axis || s.dims().get(a).equals(first.dims().get(a));
            }
            if (!fits) {
                throw new ShapeError("cannot concatenate " + first + " and " + s + " along axis " + axis);
            }
            total = Math.addExact(total, s.dims().get(axis));
        }
        List<Long> dims = new ArrayList<>(first.dims());
        dims.set(axis, total);
        Shape y = new Shape(dims);
        DataType type = op.dataType(0);
        op.output(0, type, y, () -> {
            // Row-major: for each outer position, append each input's block along the axis in turn.
            long outer = new Shape(first.dims().subList(0, axis)).numel();
            List<TensorData> parts = new ArrayList<>();
            boolean integral = true;
            for (int i = 0; i < op.inputCount(); i++) {
                parts.add(op.data(i));
                integral &= op.data(i).isIntegral();
            }
            int n = (int) y.numel();
            long[] longs = new long[n];
            double[] doubles = new double[n];
            int k = 0;
            for (long o = 0; o < outer; o++) {
                for (TensorData p : parts) {
                    int block = (int) (p.size() / Math.max(outer, 1));
                    for (int j = 0; j < block; j++) {
                        int at = (int) (o * block + j);
                        longs[k] = p.longAt(at);
                        doubles[k++] = p.doubleAt(at);
                    }
                }
            }
            return integral ? Tensors.fromLongs(type, y, longs) : Tensors.fromDoubles(type, y, doubles);
        });
    }
}
