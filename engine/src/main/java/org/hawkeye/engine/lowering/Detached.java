package org.hawkeye.engine.lowering;

/**
 * Fact: in a training step, this gradient is never computed by the framework (its autograd lost track of the
 * value it belongs to), so nothing computed from it alone is computed either.
 */
public record Detached(String tensor) implements TensorFact {
    public String getTensor() {
        return tensor;
    }
}
