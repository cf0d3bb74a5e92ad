package org.hawkeye.engine.graph;

/**
 * Where a value comes from. The owner matters for MPC: data inputs belong to the data holder, initializers to
 * the model holder, constants are public, activations are computed.
 */
public enum ValueKind {
    /** A graph input that is not an initializer: the data holder's private input. */
    INPUT,
    /** An initializer: a weight owned by the model holder. */
    WEIGHT,
    /** A Constant node's output or a value folded from public constants: known to everyone. */
    CONSTANT,
    /** The output of a computing node. */
    ACTIVATION
}
