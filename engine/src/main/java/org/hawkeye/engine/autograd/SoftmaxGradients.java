package org.hawkeye.engine.autograd;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.hawkeye.engine.graph.Shape;

/**
 * Softmax inside a model (the loss's own softmax is part of the cross-entropy gradient): dX = (dY - sum(dY * y)) * y
 * along the softmax axis (gradients.py AutogradSoftmax.backward).
 */
final class SoftmaxGradients {

    private SoftmaxGradients() {
    }

    static void register(Map<String, OpGradient> rules) {
        rules.put("Softmax", SoftmaxGradients::softmax);
    }

    private static void softmax(BackwardContext b) {
        b.gradient(0).ifPresent(e -> {
            Shape x = b.inShape(0);
            int axis = (int) b.attrs().getInt("axis", -1);
            if (axis < 0) {
                axis += x.rank();
            }
            String y = b.node().output(0);
            String weighted = e.op("grad_times_output", "Mul", List.of(y, b.outGrad(0)), x);
            List<Long> kept = new ArrayList<>(x.dims());
            kept.set(axis, 1L);
            String summed = e.op("weighted_sum", "ReduceSum", List.of(weighted, e.graph().ints(axis)),
                    new Shape(kept), "keepdims", 1L);
            String centred = e.op("centred_grad", "Sub", List.of(b.outGrad(0), summed), x);
            b.give(0, e.op("input_grad", "Mul", List.of(centred, y), x));
        });
    }
}
