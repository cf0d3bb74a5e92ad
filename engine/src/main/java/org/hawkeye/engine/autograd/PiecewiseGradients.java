package org.hawkeye.engine.autograd;

import java.util.List;
import java.util.Map;
import org.hawkeye.engine.graph.Shape;

/**
 * Clipped activations: Clip (ReLU6, hardtanh), HardSigmoid and HardSwish. Their forward protocols compare the input
 * with both bounds anyway, and the derivative is the mask of the linear region (CrypTen gradients.py
 * AutogradHardtanh: stack([x - min, max - x]).gt(0).sum(0).sub(1), saved by the forward, dY * mask in the
 * backward). The mask is exposed as nodes marked saved (free): x > lo, x < hi and their conjunction, which for
 * lo < hi is the local (x > lo) + (x < hi) - 1. HardSwish x * hsig(x) is differentiated as that product:
 * dY * hsig(x) + (dY * x) * mask / 6, with hsig(x) the value its forward computes on the way.
 */
final class PiecewiseGradients implements OpGradient {
    private final Kind kind;

    private enum Kind { CLIP, HARD_SIGMOID, HARD_SWISH }

    private PiecewiseGradients(Kind kind) {
        this.kind = kind;
    }

    static void register(Map<String, OpGradient> rules) {
        rules.put("Clip", new PiecewiseGradients(Kind.CLIP));
        rules.put("HardSigmoid", new PiecewiseGradients(Kind.HARD_SIGMOID));
        rules.put("HardSwish", new PiecewiseGradients(Kind.HARD_SWISH));
    }

    @Override
    public void forward(ForwardContext f) {
        f.copy();
        if (!f.outputNeedsGrad()) {
            return;
        }
        Emitter e = f.emit();
        GraphEditor g = e.graph();
        String x = f.node().input(0);
        Shape s = f.shape(x);
        String lo;
        String hi;
        switch (kind) {
            case CLIP -> {
                lo = f.node().hasInput(1) ? f.node().input(1) : bound(g, f, "min", Double.NEGATIVE_INFINITY);
                hi = f.node().hasInput(2) ? f.node().input(2) : bound(g, f, "max", Double.POSITIVE_INFINITY);
            }
            case HARD_SIGMOID -> {
                double alpha = f.node().attributes().getFloat("alpha", 0.2);
                double beta = f.node().attributes().getFloat("beta", 0.5);
                lo = g.scalar(-beta / alpha);
                hi = g.scalar((1.0 - beta) / alpha);
            }
            default -> {
                // HardSwish: hsig(x) = clip(x / 6 + 1/2, 0, 1) is linear on (-3, 3)
                lo = g.scalar(-3);
                hi = g.scalar(3);
                f.save("hard_sigmoid", e.op("hard_sigmoid", "HardSigmoid", List.of(x), s,
                        "alpha", 1.0 / 6.0, "beta", 0.5, TrainingAttributes.SAVED, 1L));
            }
        }
        String mask = null;
        if (lo != null) {
            mask = e.op("above_min", "Greater", List.of(x, lo), s, TrainingAttributes.SAVED, 1L);
        }
        if (hi != null) {
            String below = e.op("below_max", "Less", List.of(x, hi), s, TrainingAttributes.SAVED, 1L);
            mask = mask == null ? below
                    : e.op("linear_region", "And", List.of(mask, below), s, TrainingAttributes.SAVED, 1L);
        }
        if (mask != null) {
            f.save("mask", mask);
        }
    }

    /** A bound given as an attribute (Clip before opset 11) as a public scalar; null when it is unbounded. */
    private static String bound(GraphEditor g, ForwardContext f, String name, double unbounded) {
        double v = f.node().attributes().getFloat(name, unbounded);
        return Double.isInfinite(v) || Math.abs(v) > 3.0e38 ? null : g.scalar(v);
    }

    @Override
    public void backward(BackwardContext b) {
        b.gradient(0).ifPresent(e -> {
            Shape s = b.inShape(0);
            String dy = b.outGrad(0);
            switch (kind) {
                // a Clip without bounds is the identity: its gradient passes unchanged
                case CLIP -> b.give(0, b.hasSaved("mask")
                        ? e.op("input_grad", "Mul", List.of(dy, b.saved("mask")), s) : dy);
                case HARD_SIGMOID -> {
                    String masked = e.op("masked_grad", "Mul", List.of(dy, b.saved("mask")), s);
                    b.give(0, e.op("input_grad", "Mul",
                            List.of(masked, b.graph().scalar(b.attrs().getFloat("alpha", 0.2))), s));
                }
                default -> {
                    String direct = e.op("grad_times_hard_sigmoid", "Mul", List.of(dy, b.saved("hard_sigmoid")), s);
                    String byInput = e.op("grad_times_input", "Mul", List.of(dy, b.input(0)), s);
                    String inRegion = e.op("grad_times_input_masked", "Mul", List.of(byInput, b.saved("mask")), s);
                    String slope = e.op("slope_term", "Div", List.of(inRegion, b.graph().scalar(6)), s);
                    b.give(0, e.op("input_grad", "Add", List.of(direct, slope), s));
                }
            }
        });
    }
}
