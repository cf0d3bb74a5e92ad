package org.hawkeye.engine.lowering;

/** Fact: the tensor is secret-shared among the parties (derived by the classify phase). */
public record Secret(String tensor) implements TensorFact {
    public String getTensor() {
        return tensor;
    }
}
