package org.hawkeye.engine.autograd;

import java.util.List;
import java.util.Map;
import org.hawkeye.engine.graph.Shape;
import org.hawkeye.engine.graph.TensorData;

/**
 * Powers, roots, exponentials and the error function, differentiated as CrypTen 0.4.0's autograd does
 * (gradients.py AutogradPow: x^(p-1) * p * dY; AutogradSqrt: dY / (2 y); AutogradExp: y * dY; AutogradLog: dY / x;
 * AutogradReciprocal: -dY * y * y). Erf's derivative 2/sqrt(pi) exp(-x^2) is written out with those ops, so the
 * GELU around an Erf (x/sqrt2, erf, +1, x * ., * 0.5) is differentiated op by op with the ordinary product rules.
 */
final class PowerGradients {

    private PowerGradients() {
    }

    static void register(Map<String, OpGradient> rules) {
        rules.put("Pow", PowerGradients::pow);
        rules.put("Sqrt", b -> b.gradient(0).ifPresent(e -> {
            Shape s = b.inShape(0);
            String twice = e.op("twice_output", "Mul", List.of(b.node().output(0), b.graph().scalar(2)), s);
            b.give(0, e.op("input_grad", "Div", List.of(b.outGrad(0), twice), s));
        }));
        rules.put("Exp", b -> b.gradient(0).ifPresent(e -> b.give(0,
                e.op("input_grad", "Mul", List.of(b.node().output(0), b.outGrad(0)), b.inShape(0)))));
        rules.put("Log", b -> b.gradient(0).ifPresent(e -> b.give(0,
                e.op("input_grad", "Div", List.of(b.outGrad(0), b.input(0)), b.inShape(0)))));
        rules.put("Reciprocal", b -> b.gradient(0).ifPresent(e -> {
            Shape s = b.inShape(0);
            String y = b.node().output(0);
            String gy = e.op("grad_times_output", "Mul", List.of(b.outGrad(0), y), s);
            String gyy = e.op("grad_times_square", "Mul", List.of(gy, y), s);
            b.give(0, e.op("input_grad", "Neg", List.of(gyy), s));
        }));
        rules.put("Erf", PowerGradients::erf);
    }

    /**
     * x^p for an exponent that is a constant of the graph: dX = dY * p * x^(p-1); x^1 needs no power and x^2's
     * derivative is the public product 2x. A computed exponent is not differentiated.
     */
    private static void pow(BackwardContext b) {
        if (b.needs(1)) {
            throw b.graph().unsupported(b.node(), "Pow with a computed exponent has no backward rule");
        }
        TensorData exponent = b.graph().forward().value(b.input(1)).data();
        if (exponent == null || exponent.size() != 1) {
            throw b.graph().unsupported(b.node(), "Pow's backward needs a scalar exponent whose value is in the "
                    + "model");
        }
        double p = exponent.doubleAt(0);
        b.gradient(0).ifPresent(e -> {
            Shape x = b.inShape(0);
            Shape y = b.outShape(0);
            GraphEditor g = b.graph();
            String derivative;
            if (p == 2.0) {
                derivative = e.op("derivative", "Mul", List.of(b.input(0), g.scalar(2)), x);
            } else {
                String lower = p - 1.0 == 1.0 ? b.input(0)
                        : e.op("lower_power", "Pow", List.of(b.input(0), g.scalar(p - 1.0)), x);
                derivative = e.op("derivative", "Mul", List.of(lower, g.scalar(p)), x);
            }
            String full = e.op("input_grad", "Mul", List.of(derivative, b.outGrad(0)), y);
            b.give(0, e.reduceTo("input_grad_sum", full, x));
        });
    }

    /** d erf(x)/dx = 2/sqrt(pi) * exp(-x^2): a square, a negation, an exponential and two products. */
    private static void erf(BackwardContext b) {
        b.gradient(0).ifPresent(e -> {
            Shape s = b.inShape(0);
            GraphEditor g = b.graph();
            String x = b.input(0);
            String square = e.op("input_squared", "Mul", List.of(x, x), s);
            String negated = e.op("negated_square", "Neg", List.of(square), s);
            String gauss = e.op("gaussian", "Exp", List.of(negated), s);
            String derivative = e.op("derivative", "Mul", List.of(gauss, g.scalar(2.0 / Math.sqrt(Math.PI))), s);
            b.give(0, e.op("input_grad", "Mul", List.of(b.outGrad(0), derivative), s));
        });
    }
}
