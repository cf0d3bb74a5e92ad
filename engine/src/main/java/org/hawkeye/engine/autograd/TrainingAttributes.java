package org.hawkeye.engine.autograd;

/**
 * The node attributes a training graph carries, so that reports can split costs by phase and a framework's rules
 * can recognise an op of the training step that it computes differently from an ordinary op of the same type.
 * They are ordinary ONNX-style attributes, read in DRL as {@code attrString("hawkeye.role", "")}.
 */
public final class TrainingAttributes {
    /** "forward", "backward" or "update" on every node of a training graph. */
    public static final String PHASE = "hawkeye.phase";
    /**
     * What the node computes within its op's backward or update, e.g. "input_grad", "weight_grad", "relu_mask",
     * "loss_seed", "lr_mul"; see docs/training.md for the list.
     */
    public static final String ROLE = "hawkeye.role";
    /** The forward op type whose backward the node belongs to (backward nodes only), e.g. "Conv". */
    public static final String GRAD_OF = "hawkeye.grad_of";
    /**
     * 0 on a backward node that computes a gradient no trainable weight needs (of the data input or of a
     * constant). Frameworks whose backward functions return every input's gradient compute it anyway; the common
     * rules skip it unless the framework says so (Setting "input_gradients" = "all").
     */
    public static final String NEEDED = "hawkeye.needed";
    /**
     * 1 on a forward node whose value the forward op computes anyway and keeps for the backward pass (the mask of
     * a ReLU is its comparison): it costs nothing of its own.
     */
    public static final String SAVED = "hawkeye.saved";

    private TrainingAttributes() {
    }
}
