package org.hawkeye.engine.autograd;

import java.util.List;
import java.util.Map;
import org.hawkeye.engine.graph.Shape;

/**
 * GELU, differentiated as the ops it stands for would be (engine prepare/GeluForms fuses those ops into one Gelu
 * before autograd, so that both exports of a model train alike). The forward keeps the intermediate values its
 * backward reads, as nodes marked saved (free: the Gelu op computes them anyway); the backward is then what the
 * product, erf and tanh rules give for the written-out form:
 * <ul>
 * <li>{@code none}: y = x a / 2 with a = erf(u) + 1, u = x / sqrt 2: dX = (dY / 2) a + ((dY / 2) x 2/sqrt(pi)
 * exp(-u^2)) / sqrt 2, each factor a product of its own as in the written-out form's backward;</li>
 * <li>{@code tanh}: y = h a with h = x / 2, a = tanh(t) + 1, t = c (x + k x^3): dX = (dY a) / 2 + ds + (3 x^2)
 * (ds k) with ds = dY h (1 - tanh^2) c, again factor by factor.</li>
 * </ul>
 */
final class GeluGradients implements OpGradient {
    private static final double SQRT2 = Math.sqrt(2);
    private static final double TANH_SCALE = Math.sqrt(2 / Math.PI);
    private static final double TANH_CUBIC = 0.044715;

    private GeluGradients() {
    }

    static void register(Map<String, OpGradient> rules) {
        rules.put("Gelu", new GeluGradients());
    }

    private static boolean tanh(org.hawkeye.engine.graph.Node n) {
        return n.attributes().getString("approximate", "none").equals("tanh");
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
        Object[] saved = {TrainingAttributes.SAVED, 1L};
        if (tanh(f.node())) {
            String cube = e.op("cube", "Pow", List.of(x, g.scalar(3)), s, saved);
            String cubic = e.op("cubic_term", "Mul", List.of(cube, g.scalar(TANH_CUBIC)), s, saved);
            String sum = e.op("inner_sum", "Add", List.of(x, cubic), s, saved);
            String inner = e.op("tanh_input", "Mul", List.of(sum, g.scalar(TANH_SCALE)), s, saved);
            String t = e.op("tanh", "Tanh", List.of(inner), s, saved);
            f.save("tanh", t);
            f.save("a", e.op("tanh_plus_one", "Add", List.of(t, g.scalar(1)), s, saved));
            f.save("h", e.op("half_input", "Mul", List.of(x, g.scalar(0.5)), s, saved));
        } else {
            String u = e.op("scaled_input", "Div", List.of(x, g.scalar(SQRT2)), s, saved);
            String erf = e.op("erf", "Erf", List.of(u), s, saved);
            f.save("u", u);
            f.save("a", e.op("erf_plus_one", "Add", List.of(erf, g.scalar(1)), s, saved));
        }
    }

    @Override
    public void backward(BackwardContext b) {
        b.gradient(0).ifPresent(e -> {
            Shape s = b.inShape(0);
            GraphEditor g = b.graph();
            String x = b.input(0);
            String dy = b.outGrad(0);
            String first;
            String second;
            if (tanh(b.node())) {
                // y = h * a: dh = dY a, and through a = tanh(t) + 1, t = c (x + k x^3)
                first = e.op("half_of_grad_times_a", "Mul", List.of(e.op("grad_times_a", "Mul",
                        List.of(dy, b.saved("a")), s), g.scalar(0.5)), s);
                String da = e.op("grad_times_h", "Mul", List.of(dy, b.saved("h")), s);
                String t2 = e.op("tanh_squared", "Pow", List.of(b.saved("tanh"), g.scalar(2)), s);
                String sech2 = e.op("one_minus_tanh_squared", "Sub", List.of(g.scalar(1), t2), s);
                String dt = e.op("tanh_input_grad", "Mul", List.of(da, sech2), s);
                String ds = e.op("inner_sum_grad", "Mul", List.of(dt, g.scalar(TANH_SCALE)), s);
                String dk = e.op("cubic_term_grad", "Mul", List.of(ds, g.scalar(TANH_CUBIC)), s);
                String x2 = e.op("input_squared", "Pow", List.of(x, g.scalar(2)), s);
                String slope = e.op("cube_derivative", "Mul", List.of(x2, g.scalar(3)), s);
                String dcube = e.op("cube_grad", "Mul", List.of(slope, dk), s);
                second = e.op("inner_grad", "Add", List.of(ds, dcube), s);
            } else {
                // y = x a / 2: dX = dY a / 2 + (dY x / 2) erf'(u) / sqrt 2
                String half = e.op("half_grad", "Mul", List.of(dy, g.scalar(0.5)), s);
                first = e.op("grad_times_a", "Mul", List.of(half, b.saved("a")), s);
                String da = e.op("grad_times_input", "Mul", List.of(half, x), s);
                String u = b.saved("u");
                String u2 = e.op("scaled_input_squared", "Mul", List.of(u, u), s);
                String gauss = e.op("gaussian", "Exp", List.of(e.op("negated_square", "Neg", List.of(u2), s)), s);
                String derivative = e.op("erf_derivative", "Mul", List.of(gauss, g.scalar(2.0 / Math.sqrt(Math.PI))),
                        s);
                String du = e.op("erf_grad", "Mul", List.of(da, derivative), s);
                second = e.op("scaled_input_grad", "Div", List.of(du, g.scalar(SQRT2)), s);
            }
            b.give(0, e.op("input_grad", "Add", List.of(first, second), s));
        });
    }
}
