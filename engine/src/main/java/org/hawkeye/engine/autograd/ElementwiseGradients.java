package org.hawkeye.engine.autograd;

import java.util.List;
import java.util.Map;
import org.hawkeye.engine.graph.Shape;

/**
 * Broadcasting arithmetic (gradients.py AutogradAdd/Sub/Mul/Div). Each operand's gradient is computed at the
 * output's shape and summed back over the axes it was broadcast along (_inverse_broadcast). A product's gradient
 * multiplies by the other operand; a quotient's by the divisor's reciprocal; a Where routes dY to the operand it
 * selected.
 */
final class ElementwiseGradients {

    private ElementwiseGradients() {
    }

    static void register(Map<String, OpGradient> rules) {
        rules.put("Add", b -> {
            passBack(b, 0, false);
            passBack(b, 1, false);
        });
        rules.put("Sub", b -> {
            passBack(b, 0, false);
            passBack(b, 1, true);
        });
        rules.put("Neg", b -> passBack(b, 0, true));
        rules.put("Mul", ElementwiseGradients::mul);
        rules.put("Div", new Div());
        rules.put("Where", ElementwiseGradients::where);
    }

    /** dY summed back to operand i's shape, negated for a subtrahend (sums and negation are local). */
    private static void passBack(BackwardContext b, int i, boolean negate) {
        if (!b.needs(i)) {
            return;
        }
        b.gradient(i).ifPresent(e -> {
            String g = e.reduceTo(i == 0 ? "input_grad" : "other_grad", b.outGrad(0), b.inShape(i));
            b.give(i, negate ? e.op("negated_grad", "Neg", List.of(g), b.inShape(i)) : g);
        });
    }

    /** d(a*b)/da = dY * b and d(a*b)/db = dY * a, each summed back to its operand's shape. */
    private static void mul(BackwardContext b) {
        Shape y = b.outShape(0);
        for (int i = 0; i < 2; i++) {
            int operand = i;
            b.gradient(i).ifPresent(e -> {
                String other = b.input(1 - operand);
                String full = e.op(operand == 0 ? "input_grad" : "other_grad", "Mul", List.of(b.outGrad(0), other), y);
                b.give(operand, e.reduceTo(operand == 0 ? "input_grad_sum" : "other_grad_sum", full,
                        b.inShape(operand)));
            });
        }
    }

    /**
     * a / c. For a divisor that is a constant of the graph (a public scale): dA = dY / c. For a computed divisor,
     * CrypTen's AutogradDiv multiplies by c's reciprocal, which its forward computes and keeps: dA = dY * (1/c),
     * dC = -(1/c)^2 * a * dY (gradients.py AutogradDiv), each summed back to its operand's shape.
     */
    private static final class Div implements OpGradient {
        @Override
        public void forward(ForwardContext f) {
            f.copy();
            String c = f.node().input(1);
            if (f.outputNeedsGrad() && f.emit().graph().forward().value(c).data() == null) {
                f.save("reciprocal", f.emit().op("divisor_reciprocal", "Reciprocal", List.of(c), f.shape(c),
                        TrainingAttributes.SAVED, 1L));
            }
        }

        @Override
        public void backward(BackwardContext b) {
            Shape y = b.outShape(0);
            if (!b.hasSaved("reciprocal")) {
                b.gradient(0).ifPresent(e -> {
                    String full = e.op("input_grad", "Div", List.of(b.outGrad(0), b.input(1)), y);
                    b.give(0, e.reduceTo("input_grad_sum", full, b.inShape(0)));
                });
                return;
            }
            String reciprocal = b.saved("reciprocal");
            b.gradient(0).ifPresent(e -> {
                String full = e.op("input_grad", "Mul", List.of(reciprocal, b.outGrad(0)), y);
                b.give(0, e.reduceTo("input_grad_sum", full, b.inShape(0)));
            });
            b.gradient(1).ifPresent(e -> {
                Shape c = b.inShape(1);
                String square = e.op("reciprocal_squared", "Mul", List.of(reciprocal, reciprocal), c);
                String byInput = e.op("times_input", "Mul", List.of(square, b.input(0)), y);
                String byGrad = e.op("times_grad", "Mul", List.of(byInput, b.outGrad(0)), y);
                String negated = e.op("other_grad", "Neg", List.of(byGrad), y);
                b.give(1, e.reduceTo("other_grad_sum", negated, c));
            });
        }
    }

    /** Where(cond, a, b): dA = dY where cond holds, dB = dY elsewhere, zeros (public) in between. */
    private static void where(BackwardContext b) {
        Shape y = b.outShape(0);
        for (int i = 1; i <= 2; i++) {
            int operand = i;
            b.gradient(i).ifPresent(e -> {
                String zero = e.graph().scalar(0);
                List<String> in = operand == 1 ? List.of(b.input(0), b.outGrad(0), zero)
                        : List.of(b.input(0), zero, b.outGrad(0));
                String full = e.op(operand == 1 ? "input_grad" : "other_grad", "Where", in, y);
                b.give(operand, e.reduceTo(operand == 1 ? "input_grad_sum" : "other_grad_sum", full,
                        b.inShape(operand)));
            });
        }
    }
}
