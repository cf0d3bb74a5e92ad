package org.hawkeye.engine.shapes;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.hawkeye.engine.graph.DataType;
import org.hawkeye.engine.graph.Shape;

/** Normalisations and other ops that keep their input's shape along with side outputs: BN, LayerNorm, Softmax, Dropout. */
final class NormalizationShapes {

    private NormalizationShapes() {
    }

    static void register(Map<String, ShapeRule> rules) {
        rules.put("BatchNormalization", NormalizationShapes::batchNorm);
        rules.put("LayerNormalization", NormalizationShapes::layerNorm);
        rules.put("InstanceNormalization", NormalizationShapes::sameAsInput);
        rules.put("GroupNormalization", NormalizationShapes::sameAsInput);
        rules.put("MeanVarianceNormalization", NormalizationShapes::sameAsInput);
        rules.put("LRN", NormalizationShapes::sameAsInput);
        rules.put("Softmax", NormalizationShapes::softmax);
        rules.put("LogSoftmax", NormalizationShapes::softmax);
        rules.put("Hardmax", NormalizationShapes::softmax);
        rules.put("Dropout", NormalizationShapes::dropout);
    }

    private static void sameAsInput(OpContext op) {
        op.output(0, op.dataType(0), op.shape(0));
    }

    /**
     * Y has X's shape; scale, B, mean and var are vectors over the channel axis 1. In training mode (opset 14+)
     * the running mean and variance are extra outputs of that vector shape.
     */
    private static void batchNorm(OpContext op) {
        Shape x = op.shape(0);
        if (x.rank() < 2) {
            throw new ShapeError("BatchNormalization needs an input of rank 2 or more (N x C x ...), got " + x);
        }
        long channels = x.dims().get(1);
        String[] roles = {"scale", "B", "mean", "var"};
        for (int i = 1; i <= 4 && i < op.inputCount(); i++) {
            if (op.hasInput(i) && !op.shape(i).equals(Shape.of(channels))) {
                throw new ShapeError("BatchNormalization " + roles[i - 1] + " " + op.shape(i)
                        + " must be a vector of the input's " + channels + " channels");
            }
        }
        op.output(0, op.dataType(0), x);
        op.output(1, op.dataType(0), Shape.of(channels));
        op.output(2, op.dataType(0), Shape.of(channels));
    }

    /**
     * Normalises over axes [axis, rank); Y has X's shape, the optional Mean and InvStdDev outputs keep the
     * leading axes and have 1 on the normalised ones, in the stash_type (FLOAT by default).
     */
    private static void layerNorm(OpContext op) {
        Shape x = op.shape(0);
        int axis = OpContext.axis(op.attrs().getInt("axis", -1), x.rank(), "LayerNormalization axis");
        Shape normalized = new Shape(x.dims().subList(axis, x.rank()));
        for (int i = 1; i <= 2 && i < op.inputCount(); i++) {
            if (op.hasInput(i) && !Broadcasting.of(op.shape(i), normalized).equals(normalized)) {
                throw new ShapeError("LayerNormalization " + (i == 1 ? "scale " : "bias ") + op.shape(i)
                        + " does not broadcast to the normalised dimensions " + normalized);
            }
        }
        op.output(0, op.dataType(0), x);
        List<Long> reduced = new ArrayList<>(x.dims().subList(0, axis));
        for (int a = axis; a < x.rank(); a++) {
            reduced.add(1L);
        }
        DataType stash = DataType.fromOnnx((int) op.attrs().getInt("stash_type", 1));
        op.output(1, stash, new Shape(reduced));
        op.output(2, stash, new Shape(reduced));
    }

    private static void softmax(OpContext op) {
        Shape x = op.shape(0);
        // Validated for the error message; since opset 13 the axis default is -1, before it was 1. A scalar has
        // no axis to normalise along.
        if (x.rank() == 0) {
            throw new ShapeError(op.node().opType() + " needs an input of rank 1 or more, got a scalar");
        }
        OpContext.axis(op.attrs().getInt("axis", op.opset() >= 13 ? -1 : 1), x.rank(), op.node().opType() + " axis");
        op.output(0, op.dataType(0), x);
    }

    /** Dropout is the identity at inference; its optional mask output is BOOL of the same shape. */
    private static void dropout(OpContext op) {
        op.output(0, op.dataType(0), op.shape(0), () -> op.data(0));
        op.output(1, DataType.BOOL, op.shape(0));
    }
}
