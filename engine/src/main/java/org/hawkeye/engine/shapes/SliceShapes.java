package org.hawkeye.engine.shapes;

import org.hawkeye.engine.graph.Shape;
import org.hawkeye.engine.graph.TensorData;

/** Ops that cut or extend tensors along axes by index ranges: Slice, Split and Pad. */
final class SliceShapes {

    private SliceShapes() {
    }

    /**
     * Slice(data, starts, ends, axes?, steps?) from opset 10; attributes starts/ends/axes before. Bounds are
     * clamped as ONNX says: negative ones count from the end, and huge ends (INT64_MAX) mean "to the end".
     */
    static void slice(OpContext op) {
        Shape x = op.shape(0);
        boolean asInputs = op.opset() >= 10 || op.hasInput(1);
        long[] starts = asInputs ? op.ints(1, "starts") : op.intsAttr("starts");
        long[] ends = asInputs ? op.ints(2, "ends") : op.intsAttr("ends");
        long[] axes = asInputs ? op.intsIfKnown(3).orElse(null) : op.intsAttr("axes");
        if (asInputs && op.hasInput(3) && axes == null) {
            op.ints(3, "axes");
        }
        long[] steps = asInputs && op.hasInput(4) ? op.ints(4, "steps") : null;
        if (starts == null || ends == null || starts.length != ends.length
                || axes != null && axes.length != starts.length || steps != null && steps.length != starts.length) {
            throw new ShapeError("Slice needs starts, ends, axes and steps of one length, got " + Tensors.list(starts)
                    + ", " + Tensors.list(ends) + ", " + Tensors.list(axes) + " and " + Tensors.list(steps));
        }
        long[] from = new long[x.rank()];
        long[] step = new long[x.rank()];
        long[] dims = x.toArray();
        for (int a = 0; a < x.rank(); a++) {
            step[a] = 1;
        }
        boolean[] seen = new boolean[x.rank()];
        for (int i = 0; i < starts.length; i++) {
            int a = OpContext.axis(axes == null ? i : axes[i], x.rank(), "Slice axis");
            if (seen[a]) {
                throw new ShapeError("Slice axes " + Tensors.list(axes) + " repeat axis " + a);
            }
            seen[a] = true;
            long s = steps == null ? 1 : steps[i];
            if (s == 0) {
                throw new ShapeError("Slice step on axis " + a + " is 0");
            }
            long d = x.dims().get(a);
            long start = clamp(starts[i] < 0 ? starts[i] + d : starts[i], 0, s > 0 ? d : d - 1);
            long end = clamp(ends[i] < 0 ? ends[i] + d : ends[i], s > 0 ? 0 : -1, s > 0 ? d : d - 1);
            from[a] = start;
            step[a] = s;
            dims[a] = s > 0 ? Math.max(0, SlidingWindow.ceilDiv(end - start, s))
                    : Math.max(0, SlidingWindow.ceilDiv(start - end, -s));
        }
        Shape y = Shape.of(dims);
        op.output(0, op.dataType(0), y, () -> take(op.data(0), y, from, step));
    }

    /**
     * Split along axis (default 0) into the given sizes: input 2 from opset 13, attribute 'split' before;
     * otherwise num_outputs (opset 18: ceil-sized parts, the last smaller) or equal parts, one per output.
     */
    static void split(OpContext op) {
        Shape x = op.shape(0);
        int axis = OpContext.axis(op.attrs().getInt("axis", 0), x.rank(), "Split axis");
        long d = x.dims().get(axis);
        int parts = op.outputCount();
        long[] sizes = op.hasInput(1) ? op.ints(1, "split sizes") : op.intsAttr("split");
        if (sizes == null) {
            sizes = new long[parts];
            if (op.attrs().has("num_outputs")) {
                long each = SlidingWindow.ceilDiv(d, parts);
                for (int i = 0; i < parts; i++) {
                    sizes[i] = Math.max(0, Math.min(each, d - i * each));
                }
            } else if (d % parts != 0) {
                throw new ShapeError("cannot split axis " + axis + " of " + x + " (size " + d + ") into " + parts
                        + " equal parts");
            } else {
                java.util.Arrays.fill(sizes, d / parts);
            }
        }
        long sum = 0;
        for (long s : sizes) {
            sum += s;
        }
        if (sizes.length != parts || sum != d) {
            throw new ShapeError("split sizes " + Tensors.list(sizes) + " must be " + parts
                    + " values adding up to " + d + " (axis " + axis + " of " + x + ")");
        }
        long offset = 0;
        for (int i = 0; i < parts; i++) {
            long[] dims = x.toArray();
            dims[axis] = sizes[i];
            Shape y = Shape.of(dims);
            long[] from = new long[x.rank()];
            from[axis] = offset;
            long[] step = new long[x.rank()];
            java.util.Arrays.fill(step, 1);
            op.output(i, op.dataType(0), y, () -> take(op.data(0), y, from, step));
            offset += sizes[i];
        }
    }

    /** Pad: each axis grows by its begin and end pads (pads input from opset 11, with optional axes from 18). */
    static void pad(OpContext op) {
        Shape x = op.shape(0);
        long[] pads = op.hasInput(1) ? op.ints(1, "pads") : op.intsAttr("pads");
        long[] axes = op.hasInput(3) ? op.ints(3, "axes") : null;
        int n = axes == null ? x.rank() : axes.length;
        if (pads == null || pads.length != 2 * n) {
            throw new ShapeError("Pad needs " + 2 * n + " pads (begin and end per axis), got " + Tensors.list(pads));
        }
        long[] dims = x.toArray();
        for (int i = 0; i < n; i++) {
            int a = axes == null ? i : OpContext.axis(axes[i], x.rank(), "Pad axis");
            dims[a] = Math.addExact(dims[a], Math.addExact(pads[i], pads[i + n]));
            if (dims[a] < 0) {
                throw new ShapeError("Pad " + Tensors.list(pads) + " removes more than axis " + a + " of " + x + " holds");
            }
        }
        op.output(0, op.dataType(0), Shape.of(dims));
    }

    /** Elements of {@code d} at from + i * step along each axis, for every index of {@code y}. */
    private static TensorData take(TensorData d, Shape y, long[] from, long[] step) {
        long[] strides = Tensors.strides(d.shape());
        int[] src = new int[(int) y.numel()];
        for (int i = 0; i < src.length; i++) {
            long[] idx = Tensors.unravel(i, y);
            long flat = 0;
            for (int a = 0; a < idx.length; a++) {
                flat += (from[a] + idx[a] * step[a]) * strides[a];
            }
            src[i] = (int) flat;
        }
        return Tensors.pick(d, y, src);
    }

    private static long clamp(long v, long lo, long hi) {
        return Math.max(lo, Math.min(hi, v));
    }
}
