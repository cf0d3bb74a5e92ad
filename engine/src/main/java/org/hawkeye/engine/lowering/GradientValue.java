package org.hawkeye.engine.lowering;

/**
 * Fact: in a training step, the tensor is computed from the loss's gradient (a gradient, or an update made from
 * one), as opposed to a forward value a backward op also reads (derived by the classify phase).
 */
public record GradientValue(String tensor) implements TensorFact {
    public String getTensor() {
        return tensor;
    }
}
