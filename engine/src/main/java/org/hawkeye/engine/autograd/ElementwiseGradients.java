package org.hawkeye.engine.autograd;

import java.util.List;
import java.util.Map;
import org.hawkeye.engine.graph.Shape;

/**
 * Broadcasting arithmetic (gradients.py AutogradAdd/Sub/Mul/Div). Each operand's gradient is computed at the
 * output's shape and summed back over the axes it was broadcast along (_inverse_broadcast). A product's gradient
 * multiplies by the other operand; a quotient is differentiated for a divisor that is a constant of the graph.
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
        rules.put("Div", ElementwiseGradients::div);
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

    /** d(a/c)/da = dY / c for a divisor c that is a constant of the graph (a public scale). */
    private static void div(BackwardContext b) {
        if (b.needs(1)) {
            throw b.graph().unsupported(b.node(), "Div by a computed divisor has no backward rule yet (only "
                    + "division by a constant)");
        }
        b.gradient(0).ifPresent(e -> {
            String full = e.op("input_grad", "Div", List.of(b.outGrad(0), b.input(1)), b.outShape(0));
            b.give(0, e.reduceTo("input_grad_sum", full, b.inShape(0)));
        });
    }
}
