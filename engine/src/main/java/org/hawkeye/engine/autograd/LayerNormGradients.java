package org.hawkeye.engine.autograd;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.hawkeye.engine.graph.Shape;

/**
 * LayerNormalization normalizes each sample over its trailing axes with its own statistics, in training as in
 * inference, so its forward op stays one op; it also returns the mean and 1/std it computes (the op's optional
 * outputs 1 and 2), and the normalized input x^ = (x - mean) * (1/std) it forms on the way is exposed as nodes marked
 * saved (free). The backward is the usual one over the M normalized elements of a sample:
 * dScale = sum_batch(dY * x^), dB = sum_batch(dY), and with g = dY * scale,
 * dX = (1/std) * (g - mean(g) - x^ * mean(g * x^)).
 */
final class LayerNormGradients implements OpGradient {

    private LayerNormGradients() {
    }

    static void register(Map<String, OpGradient> rules) {
        rules.put("LayerNormalization", new LayerNormGradients());
    }

    private static int axis(Shape x, long attr) {
        return (int) (attr < 0 ? attr + x.rank() : attr);
    }

    /** x's shape with the normalized axes kept as 1: the shape of the per-sample statistics. */
    private static Shape statistics(Shape x, int axis) {
        List<Long> dims = new ArrayList<>(x.dims().subList(0, axis));
        for (int a = axis; a < x.rank(); a++) {
            dims.add(1L);
        }
        return new Shape(dims);
    }

    @Override
    public void forward(ForwardContext f) {
        if (!f.outputNeedsGrad()) {
            f.copy();
            return;
        }
        Emitter e = f.emit();
        GraphEditor g = e.graph();
        String x = f.node().input(0);
        Shape xs = f.shape(x);
        Shape stats = statistics(xs, axis(xs, f.node().attributes().getInt("axis", -1)));
        List<String> outputs = new ArrayList<>(f.node().outputs());
        while (outputs.size() < 3) {
            outputs.add("");
        }
        String scope = e.scope() + "/" + TrainingGraph.leafOf(f.node());
        if (outputs.get(1).isEmpty()) {
            outputs.set(1, g.newValue(scope + "_mean", stats));
        }
        if (outputs.get(2).isEmpty()) {
            outputs.set(2, g.newValue(scope + "_inv_std_dev", stats));
        }
        f.copy(outputs);
        String centred = e.op("centred", "Sub", List.of(x, outputs.get(1)), xs, TrainingAttributes.SAVED, 1L);
        f.save("normalized", e.op("normalized", "Mul", List.of(centred, outputs.get(2)), xs,
                TrainingAttributes.SAVED, 1L));
        f.save("inv_std", outputs.get(2));
    }

    @Override
    public void backward(BackwardContext b) {
        Shape xs = b.inShape(0);
        int axis = axis(xs, b.attrs().getInt("axis", -1));
        Shape stats = statistics(xs, axis);
        long m = xs.numel() / stats.numel();
        String dy = b.outGrad(0);
        String normalized = b.saved("normalized");

        b.gradient(1).ifPresent(e -> {
            String product = e.op("scale_grad_mul", "Mul", List.of(dy, normalized), xs);
            b.give(1, e.reduceTo("scale_grad", product, b.inShape(1)));
        });
        if (b.node().hasInput(2)) {
            b.gradient(2).ifPresent(e -> b.give(2, e.reduceTo("bias_grad", dy, b.inShape(2))));
        }
        b.gradient(0).ifPresent(e -> {
            GraphEditor g = e.graph();
            long[] normAxes = new long[xs.rank() - axis];
            for (int a = axis; a < xs.rank(); a++) {
                normAxes[a - axis] = a;
            }
            String gs = e.op("grad_scaled", "Mul", List.of(dy, b.input(1)), xs);
            String gsSum = e.op("grad_sum", "ReduceSum", List.of(gs, g.ints(normAxes)), stats, "keepdims", 1L);
            String gsMean = e.op("grad_mean", "Div", List.of(gsSum, g.scalar(m)), stats);
            String weighted = e.op("grad_times_normalized", "Mul", List.of(gs, normalized), xs);
            String wSum = e.op("weighted_sum", "ReduceSum", List.of(weighted, g.ints(normAxes)), stats,
                    "keepdims", 1L);
            String wMean = e.op("weighted_mean", "Div", List.of(wSum, g.scalar(m)), stats);
            String spread = e.op("normalized_term", "Mul", List.of(normalized, wMean), xs);
            String centred = e.op("centred_grad", "Sub", List.of(gs, gsMean), xs);
            String inner = e.op("inner", "Sub", List.of(centred, spread), xs);
            b.give(0, e.op("input_grad", "Mul", List.of(inner, b.saved("inv_std")), xs));
        });
    }
}
