package org.hawkeye.engine.autograd;

import java.util.List;
import java.util.Map;
import org.hawkeye.engine.graph.Shape;

/**
 * Element-wise activations. Their input gradients are products with something the forward pass already holds:
 * ReLU's mask (CrypTen gradients.py AutogradReLU saves input.gt(0) and multiplies by it), Sigmoid's and Tanh's
 * outputs (AutogradSigmoid: g * y * (1 - y); AutogradTanh: g * (1 - y^2)).
 */
final class ActivationGradients {

    private ActivationGradients() {
    }

    static void register(Map<String, OpGradient> rules) {
        rules.put("Relu", new Relu());
        rules.put("Sigmoid", b -> b.gradient(0).ifPresent(e -> {
            Shape s = b.inShape(0);
            String y = b.node().output(0);
            String gy = e.op("grad_times_output", "Mul", List.of(b.outGrad(0), y), s);
            String oneMinusY = e.op("one_minus_output", "Sub", List.of(b.graph().scalar(1), y), s);
            b.give(0, e.op("input_grad", "Mul", List.of(gy, oneMinusY), s));
        }));
        rules.put("Tanh", b -> b.gradient(0).ifPresent(e -> {
            Shape s = b.inShape(0);
            String y = b.node().output(0);
            String y2 = e.op("output_squared", "Pow", List.of(y, b.graph().scalar(2)), s);
            String derivative = e.op("one_minus_square", "Sub", List.of(b.graph().scalar(1), y2), s);
            b.give(0, e.op("input_grad", "Mul", List.of(b.outGrad(0), derivative), s));
        }));
    }

    /**
     * ReLU keeps its mask: the comparison x > 0 its forward protocol computes anyway, exposed as a node marked
     * saved (free), so that the backward pass is one product g * mask.
     */
    private static final class Relu implements OpGradient {
        @Override
        public void forward(ForwardContext f) {
            f.copy();
            if (f.outputNeedsGrad()) {
                Shape s = f.shape(f.node().input(0));
                Emitter e = f.emit();
                String zero = e.graph().scalar(0);
                // kept BOOL (0/1, not a fixed-point number): its product with dY needs no truncation
                String mask = e.op("relu_mask", "Greater", List.of(f.node().input(0), zero), s,
                        TrainingAttributes.SAVED, 1L);
                f.save("mask", mask);
            }
        }

        @Override
        public void backward(BackwardContext b) {
            b.gradient(0).ifPresent(e -> b.give(0,
                    e.op("input_grad", "Mul", List.of(b.outGrad(0), b.saved("mask")), b.inShape(0))));
        }
    }
}
