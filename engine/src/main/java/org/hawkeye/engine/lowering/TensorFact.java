package org.hawkeye.engine.lowering;

/** A fact that marks one tensor: Secret, GradientValue, Detached (see {@link TensorMark}). */
public interface TensorFact {
    String tensor();
}
