package org.hawkeye.engine.autograd;

/**
 * The training-step behaviour of one op family: what its forward op becomes in a training step (usually itself;
 * some save a value for the backward pass or, like BatchNormalization, compute batch statistics) and its backward
 * ops, written as ops of the same IR so that every framework's ordinary rules cost them.
 */
interface OpGradient {

    /** Emits the op in the forward pass of a training step; by default the op unchanged. */
    default void forward(ForwardContext f) {
        f.copy();
    }

    /** Emits the gradients of the op's inputs from the gradients of its outputs. */
    void backward(BackwardContext b);
}
