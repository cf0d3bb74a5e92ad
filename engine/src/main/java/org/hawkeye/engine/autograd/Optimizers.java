package org.hawkeye.engine.autograd;

import java.util.List;
import org.hawkeye.engine.graph.Shape;

/**
 * One optimizer step for one weight, under {@code /update/<weight>}. Hyper-parameters are public scalars (their
 * values change no cost: a product with a public scalar is a local multiply, plus a truncation in fixed-point
 * frameworks that pay for one). Optimizer state (momentum buffer, Adam's moments) was left secret-shared by the
 * previous steps and enters the graph as a secret input; the step modelled is a steady-state one (CrypTen's first
 * momentum step only copies the gradient).
 */
final class Optimizers {
    static final double LEARNING_RATE = 0.01;
    static final double MOMENTUM = 0.9;
    static final double BETA1 = 0.9;
    static final double BETA2 = 0.999;
    static final double EPSILON = 1e-8;

    private Optimizers() {
    }

    /** Appends the update of {@code weight} by its gradient; returns the updated weight's value. */
    static String append(Emitter e, String weight, String grad, TrainingOptions.Optimizer optimizer) {
        return switch (optimizer) {
            case SGD -> step(e, weight, grad);
            case MOMENTUM -> momentum(e, weight, grad);
            case ADAM -> adam(e, weight, grad);
        };
    }

    /** w - lr * d (crypten/optim/sgd.py SGD.step: p.sub_(d_p.mul(lr))). */
    private static String step(Emitter e, String weight, String direction) {
        Shape s = e.graph().shape(weight);
        String scaled = e.op("lr_mul", "Mul", List.of(direction, e.graph().scalar(LEARNING_RATE)), s);
        return e.op("step", "Sub", List.of(weight, scaled), s);
    }

    /** v = mu * v + g; w - lr * v (sgd.py with momentum, dampening 0: buf.mul_(momentum).add_(d_p)). */
    private static String momentum(Emitter e, String weight, String grad) {
        GraphEditor g = e.graph();
        Shape s = g.shape(weight);
        String buffer = g.secretInput(weight + ".momentum_buffer", s, false);
        String decayed = e.op("momentum_mul", "Mul", List.of(buffer, g.scalar(MOMENTUM)), s);
        String velocity = e.op("momentum_add", "Add", List.of(decayed, grad), s);
        return step(e, weight, velocity);
    }

    /**
     * Adam (torch.optim.Adam; CrypTen 0.4.0 has none, so this is what a port computes): m = b1 m + (1-b1) g,
     * v = b2 v + (1-b2) g^2, bias corrections, w - lr * m_hat / (sqrt(v_hat) + eps). The square, the square root
     * and the division by a secret are the expensive parts in MPC.
     */
    private static String adam(Emitter e, String weight, String grad) {
        GraphEditor g = e.graph();
        Shape s = g.shape(weight);
        String m = g.secretInput(weight + ".adam_m", s, false);
        String v = g.secretInput(weight + ".adam_v", s, false);
        String mDecayed = e.op("m_mul", "Mul", List.of(m, g.scalar(BETA1)), s);
        String gScaled = e.op("grad_mul", "Mul", List.of(grad, g.scalar(1 - BETA1)), s);
        String mNew = e.op("m_add", "Add", List.of(mDecayed, gScaled), s);
        String g2 = e.op("grad_squared", "Pow", List.of(grad, g.scalar(2)), s);
        String vDecayed = e.op("v_mul", "Mul", List.of(v, g.scalar(BETA2)), s);
        String g2Scaled = e.op("grad_squared_mul", "Mul", List.of(g2, g.scalar(1 - BETA2)), s);
        String vNew = e.op("v_add", "Add", List.of(vDecayed, g2Scaled), s);
        // bias corrections at step t = 1: divisions by the public 1 - beta^t
        String mHat = e.op("m_hat", "Div", List.of(mNew, g.scalar(1 - BETA1)), s);
        String vHat = e.op("v_hat", "Div", List.of(vNew, g.scalar(1 - BETA2)), s);
        String root = e.op("v_sqrt", "Sqrt", List.of(vHat), s);
        String denominator = e.op("v_sqrt_eps", "Add", List.of(root, g.scalar(EPSILON)), s);
        String direction = e.op("m_over_v", "Div", List.of(mHat, denominator), s);
        return step(e, weight, direction);
    }
}
