package org.hawkeye.engine.autograd;

import java.util.Locale;

/** The three parts of a training step, as node attribute values and report keys. */
public enum StepPhase {
    /** The model's ops and the loss. */
    FORWARD,
    /** The gradients, from the loss back to every trainable weight. */
    BACKWARD,
    /** The optimizer's update of every trainable weight. */
    UPDATE;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The phase a node's attributes name, or null for a node outside a training graph. */
    public static StepPhase of(String label) {
        for (StepPhase p : values()) {
            if (p.label().equals(label)) {
                return p;
            }
        }
        return null;
    }
}
