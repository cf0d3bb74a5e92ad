package org.hawkeye.engine.lowering;

/**
 * Facts that mark a tensor (derived by rules while the phases fire), which an op answers as a property of its own:
 * {@code secret.input(0)}, {@code gradient.anyInput()}, {@code detached.output(0)}. The session follows their
 * insertions and deletions and wakes the ops that read or write the tensor with the property's name.
 */
enum TensorMark {
    SECRET("secret"),
    GRADIENT("gradient"),
    DETACHED("detached");

    private final String property;

    TensorMark(String property) {
        this.property = property;
    }

    /** The op property rules test, and the name the session updates the op with. */
    String property() {
        return property;
    }

    /** The mark a fact puts on a tensor, or null when the fact is not a mark. */
    static TensorMark of(Object fact) {
        if (fact instanceof Secret) {
            return SECRET;
        }
        if (fact instanceof GradientValue) {
            return GRADIENT;
        }
        return fact instanceof Detached ? DETACHED : null;
    }
}
