package org.hawkeye.engine.shapes;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.DoubleBinaryOperator;

import org.hawkeye.engine.graph.DataType;
import org.hawkeye.engine.graph.Shape;
import org.hawkeye.engine.graph.TensorData;

/** Reductions over axes (Reduce*, with keepdims and noop_with_empty_axes) and ArgMax/ArgMin. */
final class ReductionShapes {

    private ReductionShapes() {
    }

    static void register(Map<String, ShapeRule> rules) {
        rules.put("ReduceSum", reduce(0, Double::sum));
        rules.put("ReduceProd", reduce(1, (a, b) -> a * b));
        rules.put("ReduceMax", reduce(Double.NEGATIVE_INFINITY, Math::max));
        rules.put("ReduceMin", reduce(Double.POSITIVE_INFINITY, Math::min));
        rules.put("ReduceMean", ReductionShapes::reduceMean);
        for (String op : new String[] {"ReduceL1", "ReduceL2", "ReduceLogSum", "ReduceLogSumExp", "ReduceSumSquare"}) {
            rules.put(op, reduce(0, null));
        }
        rules.put("ArgMax", ReductionShapes::argReduce);
        rules.put("ArgMin", ReductionShapes::argReduce);
    }

    /** The reduced axes, normalised and sorted; null means "no reduction" (noop_with_empty_axes). */
    private static int[] axes(OpContext op, Shape x) {
        // axes moved from attribute to optional input 1 (ReduceSum at opset 13, the others at 18).
        long[] given = op.hasInput(1) ? op.ints(1, "axes") : op.intsAttr("axes");
        if (given == null || given.length == 0) {
            if (op.attrs().getInt("noop_with_empty_axes", 0) != 0) {
                return null;
            }
            int[] all = new int[x.rank()];
            Arrays.setAll(all, i -> i);
            return all;
        }
        int[] axes = new int[given.length];
        for (int i = 0; i < given.length; i++) {
            axes[i] = OpContext.axis(given[i], x.rank(), op.node().opType() + " axis");
        }
        Arrays.sort(axes);
        for (int i = 1; i < axes.length; i++) {
            if (axes[i] == axes[i - 1]) {
                throw new ShapeError(op.node().opType() + " axes " + Tensors.list(given) + " repeat axis " + axes[i]);
            }
        }
        return axes;
    }

    /** The reduced shape: reduced axes become 1 (keepdims) or disappear. */
    static Shape reducedShape(Shape x, int[] axes, boolean keepDims) {
        List<Long> dims = new ArrayList<>();
        for (int a = 0; a < x.rank(); a++) {
            if (Arrays.binarySearch(axes, a) < 0) {
                dims.add(x.dims().get(a));
            } else if (keepDims) {
                dims.add(1L);
            }
        }
        return new Shape(dims);
    }

    /** A reduction folded with {@code combine} from {@code identity}; a null combine is never folded. */
    private static ShapeRule reduce(double identity, DoubleBinaryOperator combine) {
        return op -> {
            Shape x = op.shape(0);
            int[] axes = axes(op, x);
            if (axes == null) {
                op.output(0, op.dataType(0), x, () -> op.data(0));
                return;
            }
            boolean keepDims = op.attrs().getInt("keepdims", 1) != 0;
            Shape y = reducedShape(x, axes, keepDims);
            op.output(0, op.dataType(0), y, () -> combine == null ? null
                    : Tensors.fromDoubles(op.dataType(0), y, fold(op.data(0), axes, y.numel(), identity, combine)));
        };
    }

    private static void reduceMean(OpContext op) {
        Shape x = op.shape(0);
        int[] axes = axes(op, x);
        if (axes == null) {
            op.output(0, op.dataType(0), x, () -> op.data(0));
            return;
        }
        Shape y = reducedShape(x, axes, op.attrs().getInt("keepdims", 1) != 0);
        op.output(0, op.dataType(0), y, () -> {
            double[] sums = fold(op.data(0), axes, y.numel(), 0, Double::sum);
            double count = x.numel() / (double) Math.max(1, y.numel());
            return Tensors.fromDoubles(op.dataType(0), y, Arrays.stream(sums).map(s -> s / count).toArray());
        });
    }

    /** Accumulates every input element into the output element its non-reduced coordinates select. */
    private static double[] fold(TensorData d, int[] axes, long outCount, double identity, DoubleBinaryOperator combine) {
        Shape x = d.shape();
        double[] acc = new double[(int) outCount];
        Arrays.fill(acc, identity);
        long[] outStrides = new long[x.rank()];
        long stride = 1;
        for (int a = x.rank() - 1; a >= 0; a--) {
            if (Arrays.binarySearch(axes, a) < 0) {
                outStrides[a] = stride;
                stride *= x.dims().get(a);
            }
        }
        for (int i = 0; i < d.size(); i++) {
            long[] idx = Tensors.unravel(i, x);
            long o = 0;
            for (int a = 0; a < idx.length; a++) {
                o += idx[a] * outStrides[a];
            }
            acc[(int) o] = combine.applyAsDouble(acc[(int) o], d.doubleAt(i));
        }
        return acc;
    }

    /** ArgMax/ArgMin: one axis (default 0), INT64 indices, keepdims as for reductions. */
    private static void argReduce(OpContext op) {
        Shape x = op.shape(0);
        int axis = OpContext.axis(op.attrs().getInt("axis", 0), x.rank(), op.node().opType() + " axis");
        Shape y = reducedShape(x, new int[] {axis}, op.attrs().getInt("keepdims", 1) != 0);
        op.output(0, DataType.INT64, y);
    }
}
