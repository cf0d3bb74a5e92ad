package org.hawkeye.engine.autograd;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.hawkeye.engine.graph.Shape;
import org.hawkeye.engine.graph.TensorData;

/**
 * Ops that move data or sum it: their gradients move it back (a reshape, the inverse permutation, a scatter to the
 * gathered positions) or spread it (a reduction's gradient is dY expanded over the reduced axes), all local in a
 * secret-sharing framework (gradients.py AutogradReshape/Flatten/Squeeze/Transpose/Sum/Mean, AutogradTake).
 */
final class ShapeGradients {

    private ShapeGradients() {
    }

    static void register(Map<String, OpGradient> rules) {
        for (String op : List.of("Reshape", "Flatten", "Squeeze", "Unsqueeze")) {
            rules.put(op, b -> b.gradient(0).ifPresent(e ->
                    b.give(0, e.reshape("input_grad", b.outGrad(0), b.inShape(0)))));
        }
        for (String op : List.of("Identity", "Dropout", "Cast")) {
            rules.put(op, b -> b.gradient(0).ifPresent(e -> b.give(0, b.outGrad(0))));
        }
        rules.put("Transpose", ShapeGradients::transpose);
        rules.put("Concat", ShapeGradients::concat);
        rules.put("GatherND", ShapeGradients::gatherNd);
        rules.put("ReduceSum", b -> reduce(b, false));
        rules.put("ReduceMean", b -> reduce(b, true));
    }

    private static void transpose(BackwardContext b) {
        b.gradient(0).ifPresent(e -> {
            int rank = b.inShape(0).rank();
            long[] perm = b.attrs().getInts("perm").map(l -> l.stream().mapToLong(Long::longValue).toArray())
                    .orElse(null);
            if (perm == null) {
                perm = new long[rank];
                for (int i = 0; i < rank; i++) {
                    perm[i] = rank - 1 - i;
                }
            }
            long[] inverse = new long[rank];
            for (int i = 0; i < rank; i++) {
                inverse[(int) perm[i]] = i;
            }
            b.give(0, e.op("input_grad", "Transpose", List.of(b.outGrad(0)), b.inShape(0), "perm", inverse));
        });
    }

    /** Each input's gradient is its slice of dY along the concatenation axis. */
    private static void concat(BackwardContext b) {
        Shape y = b.outShape(0);
        int axis = (int) b.attrs().getInt("axis", 0);
        if (axis < 0) {
            axis += y.rank();
        }
        long start = 0;
        for (int i = 0; i < b.node().inputs().size(); i++) {
            long size = b.inShape(i).dim(axis);
            long from = start;
            int ax = axis;
            int operand = i;
            b.gradient(i).ifPresent(e -> {
                GraphEditor g = e.graph();
                b.give(operand, e.op("input_grad", "Slice", List.of(b.outGrad(0), g.ints(from), g.ints(from + size),
                        g.ints(ax)), b.inShape(operand)));
            });
            start += size;
        }
    }

    /** A gather with public indices is undone by scatter-adding dY into public zeros at the same indices. */
    private static void gatherNd(BackwardContext b) {
        if (b.attrs().getInt("batch_dims", 0) != 0) {
            throw b.graph().unsupported(b.node(), "GatherND with batch_dims has no backward rule yet");
        }
        b.gradient(0).ifPresent(e -> {
            String zeros = b.graph().publicTensor(e.scope() + "/zeros", b.inShape(0));
            b.give(0, e.op("input_grad", "ScatterND", List.of(zeros, b.input(1), b.outGrad(0)), b.inShape(0),
                    "reduction", "add"));
        });
    }

    /** dX = dY reshaped to keep the reduced axes, expanded over them, divided by their size for a mean. */
    private static void reduce(BackwardContext b, boolean mean) {
        b.gradient(0).ifPresent(e -> {
            Shape x = b.inShape(0);
            long[] axes = axes(b, x.rank());
            List<Long> kept = new ArrayList<>(x.dims());
            long count = 1;
            for (long a : axes) {
                kept.set((int) a, 1L);
                count *= x.dim((int) a);
            }
            GraphEditor g = e.graph();
            String shaped = e.reshape("grad_keepdims", b.outGrad(0), new Shape(kept));
            String spread = e.op("grad_expanded", "Expand", List.of(shaped, g.ints(x.toArray())), x);
            b.give(0, mean ? e.op("input_grad", "Div", List.of(spread, g.scalar(count)), x) : spread);
        });
    }

    /** The reduced axes, normalised; all of them when none are given. */
    private static long[] axes(BackwardContext b, int rank) {
        long[] given = null;
        if (b.node().hasInput(1)) {
            TensorData d = b.graph().forward().value(b.input(1)).data();
            if (d == null) {
                throw b.graph().unsupported(b.node(), "reduction axes computed at run time");
            }
            given = d.toLongs();
        } else {
            given = b.attrs().getInts("axes").map(l -> l.stream().mapToLong(Long::longValue).toArray()).orElse(null);
        }
        if (given == null || given.length == 0) {
            if (b.attrs().getInt("noop_with_empty_axes", 0) != 0) {
                return new long[0];
            }
            long[] all = new long[rank];
            Arrays.setAll(all, i -> i);
            return all;
        }
        return Arrays.stream(given).map(a -> a < 0 ? a + rank : a).toArray();
    }
}
