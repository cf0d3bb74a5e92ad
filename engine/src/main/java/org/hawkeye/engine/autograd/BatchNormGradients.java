package org.hawkeye.engine.autograd;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.hawkeye.engine.graph.Node;
import org.hawkeye.engine.graph.Shape;

/**
 * BatchNormalization in a training step normalizes with the batch's own statistics, so its forward op is written
 * out in ops of the IR (CrypTen gradients.py AutogradBatchNorm.forward with training=True): mean, centred input,
 * its square for the variance (regular.py var, unbiased), 1/sqrt(var + eps) as x^-0.5 per channel, the product
 * with it and with the scale. The running statistics' update multiplies by the public momentum and is left out.
 * The backward follows AutogradBatchNorm.backward term by term: scale and bias gradients, and the input gradient
 * as the direct term plus the terms through the batch mean and the batch variance.
 */
final class BatchNormGradients implements OpGradient {

    private BatchNormGradients() {
    }

    static void register(Map<String, OpGradient> rules) {
        rules.put("BatchNormalization", new BatchNormGradients());
    }

    /** [1, C, 1, ...]: a per-channel vector shaped to broadcast over an N x C x spatial tensor. */
    private static Shape perChannel(Shape x) {
        List<Long> dims = new ArrayList<>();
        for (int a = 0; a < x.rank(); a++) {
            dims.add(a == 1 ? x.dim(1) : 1L);
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
        Shape c = perChannel(xs);
        long m = xs.numel() / xs.dim(1);
        double eps = f.node().attributes().getFloat("epsilon", 1e-5);

        String sum = e.sumAllBut("batch_sum", x, 1, true);
        String mean = e.op("batch_mean", "Div", List.of(sum, g.scalar(m)), c);
        String centred = e.op("centred", "Sub", List.of(x, mean), xs);
        String squared = e.op("centred_squared", "Pow", List.of(centred, g.scalar(2)), xs);
        String squares = e.sumAllBut("variance_sum", squared, 1, true);
        String variance = e.op("batch_variance", "Div", List.of(squares, g.scalar(m - 1)), c);
        String shifted = e.op("variance_eps", "Add", List.of(variance, g.scalar(eps)), c);
        String invStd = e.op("inv_std", "Pow", List.of(shifted, g.scalar(-0.5)), c);
        String normalized = e.op("normalized", "Mul", List.of(centred, invStd), xs);
        String scale = e.reshape("scale_broadcast", f.node().input(1), c);
        String scaled = e.op("scaled", "Mul", List.of(normalized, scale), xs);
        String bias = e.reshape("bias_broadcast", f.node().input(2), c);
        String out = f.node().output(0);
        g.addNode(new Node(g.uniqueNodeName(e.scope() + "/shifted"), "Add", "",
                List.of(scaled, bias), List.of(out), e.attributes("shifted")));
        f.save("normalized", normalized);
        f.save("inv_std", invStd);
        f.save("scale", scale);
    }

    @Override
    public void backward(BackwardContext b) {
        Shape xs = b.inShape(0);
        Shape c = perChannel(xs);
        long m = xs.numel() / xs.dim(1);
        String dy = b.outGrad(0);
        String normalized = b.saved("normalized");
        String invStd = b.saved("inv_std");

        b.gradient(1).ifPresent(e -> {
            String product = e.op("scale_grad_mul", "Mul", List.of(dy, normalized), xs);
            b.give(1, e.sumAllBut("scale_grad", product, 1, false));
        });
        b.gradient(2).ifPresent(e -> b.give(2, e.sumAllBut("bias_grad", dy, 1, false)));
        b.gradient(0).ifPresent(e -> {
            GraphEditor g = e.graph();
            String gs = e.op("grad_scaled", "Mul", List.of(dy, b.saved("scale")), xs);
            String direct = e.op("direct_term", "Mul", List.of(gs, invStd), xs);
            // inv_std / -m: the factor both statistics' terms share (a public division)
            String factor = e.op("stat_factor", "Div", List.of(invStd, g.scalar(-m)), c);
            String gsSum = e.sumAllBut("mean_sum", gs, 1, true);
            String meanTerm = e.op("mean_term", "Mul", List.of(gsSum, factor), c);
            String weighted = e.op("std_mul", "Mul", List.of(normalized, gs), xs);
            String weightedSum = e.sumAllBut("std_sum", weighted, 1, true);
            String spread = e.op("std_spread", "Mul", List.of(normalized, weightedSum), xs);
            String stdTerm = e.op("std_term", "Mul", List.of(spread, factor), xs);
            String partial = e.op("add_mean_term", "Add", List.of(direct, meanTerm), xs);
            b.give(0, e.op("input_grad", "Add", List.of(partial, stdTerm), xs));
        });
    }
}
