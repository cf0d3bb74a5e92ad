package org.hawkeye.engine.shapes;

import java.util.Arrays;

import org.hawkeye.engine.graph.Shape;

/**
 * Output sizes of the spatial axes of Conv and the pools, from kernel_shape, strides, dilations, pads, auto_pad
 * and ceil_mode, as the ONNX operator specification defines them.
 */
final class SlidingWindow {

    private SlidingWindow() {
    }

    /**
     * @param x        the N x C x D1 x ... input
     * @param kernel   one size per spatial axis
     * @param ceilMode pools only: round the window count up, but drop a last window that would start in the
     *                 end padding (PyTorch's rule, which ONNX adopted)
     */
    static long[] outputSpatial(OpContext op, Shape x, long[] kernel, boolean ceilMode) {
        int spatial = spatialRank(op, x);
        if (kernel.length != spatial) {
            throw new ShapeError("kernel_shape " + Tensors.list(kernel) + " has " + kernel.length
                    + " value(s) but the input " + x + " has " + spatial + " spatial dimension(s)");
        }
        long[] strides = perAxis(op, "strides", spatial, 1);
        long[] dilations = perAxis(op, "dilations", spatial, 1);
        long[] pads = pads(op, spatial);
        String autoPad = op.attrs().getString("auto_pad", "NOTSET");
        long[] out = new long[spatial];
        for (int i = 0; i < spatial; i++) {
            long in = x.dims().get(2 + i);
            if (strides[i] <= 0 || kernel[i] <= 0 || dilations[i] <= 0) {
                throw new ShapeError("kernel_shape, strides and dilations must be positive, got kernel "
                        + kernel[i] + ", stride " + strides[i] + ", dilation " + dilations[i]);
            }
            // exact: attributes are any int64, and a wrapped product would be a wrong shape, not an error
            long effectiveKernel = Math.addExact(Math.multiplyExact(kernel[i] - 1, dilations[i]), 1);
            switch (autoPad) {
                case "SAME_UPPER", "SAME_LOWER" -> {
                    // Padding is chosen so that every input position starts a window: ceil(in / stride).
                    out[i] = ceilDiv(in, strides[i]);
                    continue;
                }
                case "VALID" -> pads[i] = pads[i + spatial] = 0;
                case "NOTSET" -> { }
                default -> throw new ShapeError("auto_pad '" + autoPad
                        + "' is not one of NOTSET, VALID, SAME_UPPER, SAME_LOWER");
            }
            long padded = Math.addExact(in, Math.addExact(pads[i], pads[i + spatial]));
            if (padded < effectiveKernel) {
                throw new ShapeError("the kernel (" + effectiveKernel + " wide with dilation) does not fit the "
                        + "padded input (" + padded + ") on spatial axis " + i + " of " + x);
            }
            long positions = ceilMode ? ceilDiv(padded - effectiveKernel, strides[i])
                    : (padded - effectiveKernel) / strides[i];
            if (ceilMode && positions * strides[i] >= in + pads[i]) {
                positions--;
            }
            out[i] = positions + 1;
        }
        return out;
    }

    static int spatialRank(OpContext op, Shape x) {
        if (x.rank() < 3) {
            throw new ShapeError(op.node().opType() + " needs an N x C x spatial input of rank 3 or more, got " + x);
        }
        return x.rank() - 2;
    }

    /** An INTS attribute with one value per spatial axis, defaulting to {@code dflt} each. */
    static long[] perAxis(OpContext op, String name, int spatial, long dflt) {
        long[] v = op.intsAttr(name);
        if (v == null) {
            v = new long[spatial];
            Arrays.fill(v, dflt);
        } else if (v.length != spatial) {
            throw new ShapeError(name + " " + Tensors.list(v) + " needs " + spatial + " value(s), one per spatial axis");
        }
        return v;
    }

    /** pads as [x1_begin, x2_begin, ..., x1_end, x2_end, ...]; zeros when absent. */
    static long[] pads(OpContext op, int spatial) {
        long[] v = op.intsAttr("pads");
        if (v == null) {
            return new long[2 * spatial];
        }
        if (v.length != 2 * spatial) {
            throw new ShapeError("pads " + Tensors.list(v) + " needs " + 2 * spatial
                    + " values (begin and end for each spatial axis)");
        }
        return v.clone();
    }

    static long ceilDiv(long a, long b) {
        return Math.floorDiv(a + b - 1, b);
    }
}
