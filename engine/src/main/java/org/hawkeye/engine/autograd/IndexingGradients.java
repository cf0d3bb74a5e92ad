package org.hawkeye.engine.autograd;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.hawkeye.engine.graph.DataType;
import org.hawkeye.engine.graph.Shape;
import org.hawkeye.engine.graph.TensorData;

/**
 * Ops that select, split, pad or broadcast: their gradients put dY back where the forward op took it from, with
 * zeros elsewhere, which is data movement on each party's shares (gradients.py AutogradGetItem/AutogradTake: grad
 * = input - input, then dY written or index-added at the selected positions; AutogradExpand: _inverse_broadcast).
 * A slice's gradient scatters dY into zeros at the sliced positions (public, as shapes are), a split's
 * the Concat of its outputs' gradients, a Pad's the Slice of dY, an Expand's dY summed over the broadcast axes,
 * and a Gather's (an embedding lookup) a ScatterND that adds each row of dY into a zero table at the row its index
 * names. With public indices that scatter is local; with the data holder's secret token ids it is an oblivious
 * scatter the frameworks' rules decide (none of the built-in ones costs it).
 */
final class IndexingGradients {

    private IndexingGradients() {
    }

    static void register(Map<String, OpGradient> rules) {
        rules.put("Slice", IndexingGradients::slice);
        rules.put("Split", IndexingGradients::split);
        rules.put("Pad", IndexingGradients::pad);
        rules.put("Expand", b -> b.gradient(0).ifPresent(e ->
                b.give(0, e.reduceTo("input_grad", b.outGrad(0), b.inShape(0)))));
        rules.put("Gather", IndexingGradients::gather);
    }

    /** The known value of input i, or of the attribute of the same name (opsets before 10); null when neither. */
    private static long[] ints(BackwardContext b, int i, String attr) {
        if (b.node().hasInput(i)) {
            TensorData d = b.graph().forward().value(b.input(i)).data();
            if (d == null) {
                throw b.graph().unsupported(b.node(), attr + " computed at run time");
            }
            return d.toLongs();
        }
        return b.attrs().getInts(attr).map(l -> l.stream().mapToLong(Long::longValue).toArray()).orElse(null);
    }

    /** The slice's positions are public (shapes are), so dY is scattered back to them: no protocol. */
    private static void slice(BackwardContext b) {
        b.gradient(0).ifPresent(e -> b.give(0, scatter(e, b, b.inShape(0), b.outShape(0), "slice")));
    }

    /** dY scattered into zeros of x's shape at public positions (one index tuple per element of dY). */
    private static String scatter(Emitter e, BackwardContext b, Shape x, Shape y, String what) {
        // ScatterND(zeros, positions [..y, rank], dY): one index tuple per element of dY
        GraphEditor g = e.graph();
        List<Long> idx = new ArrayList<>(y.dims());
        idx.add((long) x.rank());
        String positions = g.publicTensor(e.scope() + "/" + what.replace(' ', '_') + "_positions", DataType.INT64,
                new Shape(idx));
        String zeros = g.publicTensor(e.scope() + "/zeros", x);
        return e.op("input_grad", "ScatterND", List.of(zeros, positions, b.outGrad(0)), x);
    }

    private static void split(BackwardContext b) {
        b.gradient(0).ifPresent(e -> {
            Shape x = b.inShape(0);
            long axis = b.attrs().getInt("axis", 0);
            List<String> parts = new ArrayList<>();
            for (int i = 0; i < b.node().outputs().size(); i++) {
                String grad = b.outGrad(i);
                // an output no consumer differentiates contributes zeros (public)
                parts.add(grad != null ? grad : e.graph().publicTensor(e.scope() + "/zeros", b.outShape(i)));
            }
            b.give(0, e.op("input_grad", "Concat", parts, x, "axis", axis < 0 ? axis + x.rank() : axis));
        });
    }

    private static void pad(BackwardContext b) {
        String mode = b.attrs().getString("mode", "constant");
        if (!mode.equals("constant")) {
            throw b.graph().unsupported(b.node(), "Pad in mode '" + mode + "' has no backward rule (only constant)");
        }
        b.gradient(0).ifPresent(e -> {
            Shape x = b.inShape(0);
            long[] pads = ints(b, 1, "pads");
            long[] axes = ints(b, 3, "axes");
            int n = pads.length / 2;
            long[] starts = new long[x.rank()];
            long[] ends = x.toArray();
            for (int i = 0; i < n; i++) {
                int a = (int) (axes == null ? i : axes[i] < 0 ? axes[i] + x.rank() : axes[i]);
                if (pads[i] < 0 || pads[i + n] < 0) {
                    throw b.graph().unsupported(b.node(), "Pad with negative pads (a crop) has no backward rule");
                }
                starts[a] = pads[i];
                ends[a] = pads[i] + x.dim(a);
            }
            long[] all = new long[x.rank()];
            Arrays.setAll(all, i -> i);
            GraphEditor g = e.graph();
            b.give(0, e.op("input_grad", "Slice", List.of(b.outGrad(0), g.ints(starts), g.ints(ends), g.ints(all)),
                    x));
        });
    }

    /**
     * Gather(data, indices, axis): dData = zeros of data's shape with dY added at the gathered positions, a
     * ScatterND whose index tuples address axes 0..axis. Along axis 0 they are the indices themselves (with a unit
     * axis appended), so secret token ids stay secret; along a later axis they are public positions.
     */
    private static void gather(BackwardContext b) {
        b.gradient(0).ifPresent(e -> {
            Shape data = b.inShape(0);
            Shape idx = b.inShape(1);
            int axis = (int) b.attrs().getInt("axis", 0);
            if (axis < 0) {
                axis += data.rank();
            }
            GraphEditor g = e.graph();
            String zeros = g.publicTensor(e.scope() + "/zeros", data);
            boolean publicIndices = !g.fromDataInput(b.input(1));
            List<Long> tupleShape = new ArrayList<>(data.dims().subList(0, axis));
            tupleShape.addAll(idx.dims());
            tupleShape.add((long) axis + 1);
            String positions;
            if (axis == 0 && !publicIndices) {
                positions = e.op("row_positions", "Unsqueeze", List.of(b.input(1), g.ints(idx.rank())),
                        new Shape(tupleShape));
            } else if (publicIndices) {
                positions = g.publicTensor(e.scope() + "/positions", DataType.INT64, new Shape(tupleShape));
            } else {
                throw b.graph().unsupported(b.node(), "Gather along axis " + axis + " with computed indices has no "
                        + "backward rule (only along axis 0)");
            }
            b.give(0, e.op("weight_grad", "ScatterND", List.of(zeros, positions, b.outGrad(0)), data,
                    "reduction", "add"));
        });
    }
}
