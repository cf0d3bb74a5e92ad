package org.hawkeye.engine.shapes;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.hawkeye.engine.graph.Shape;

/** Convolutions: Conv and ConvTranspose over N x C x spatial inputs. */
final class ConvShapes {

    private ConvShapes() {
    }

    static void register(Map<String, ShapeRule> rules) {
        rules.put("Conv", ConvShapes::conv);
        rules.put("ConvTranspose", ConvShapes::convTranspose);
    }

    /** Conv: X is N x C x D..., W is M x C/group x k...; the output is N x M x (window count per axis). */
    private static void conv(OpContext op) {
        Shape x = op.shape(0);
        Shape w = op.shape(1);
        SlidingWindow.spatialRank(op, x);
        if (w.rank() != x.rank()) {
            throw new ShapeError("weight " + w + " must have the input's rank " + x.rank() + " (M x C/group x kernel)");
        }
        long group = op.attrs().getInt("group", 1);
        long channels = x.dims().get(1);
        if (group <= 0 || channels != w.dims().get(1) * group) {
            throw new ShapeError("input has " + channels + " channels but the weight " + w + " expects "
                    + w.dims().get(1) + " per group x " + group + " group(s)");
        }
        long outChannels = w.dims().get(0);
        if (outChannels % group != 0) {
            throw new ShapeError("output channels " + outChannels + " are not divisible by group " + group);
        }
        if (op.hasInput(2) && !op.shape(2).equals(Shape.of(outChannels))) {
            throw new ShapeError("bias " + op.shape(2) + " must be a vector of the " + outChannels + " output channels");
        }
        long[] kernel = op.intsAttr("kernel_shape");
        if (kernel == null) {
            kernel = w.toArray();
            kernel = Arrays.copyOfRange(kernel, 2, kernel.length);
        }
        long[] out = SlidingWindow.outputSpatial(op, x, kernel, false);
        op.output(0, op.dataType(0), nc(x.dims().get(0), outChannels, out));
    }

    /**
     * ConvTranspose: W is C x M/group x k...; each axis grows to stride * (in - 1) + output_padding
     * + effective kernel - pads, unless output_shape is given.
     */
    private static void convTranspose(OpContext op) {
        Shape x = op.shape(0);
        Shape w = op.shape(1);
        int spatial = SlidingWindow.spatialRank(op, x);
        long group = op.attrs().getInt("group", 1);
        if (w.rank() != x.rank() || x.dim(1) != w.dim(0)) {
            throw new ShapeError("input has " + x.dims().get(1) + " channels but the weight " + w
                    + " expects " + w.dims().get(0));
        }
        long outChannels = w.dims().get(1) * group;
        long[] explicit = op.intsAttr("output_shape");
        long[] out = new long[spatial];
        if (explicit != null) {
            // output_shape may include N and C or give the spatial sizes only.
            out = Arrays.copyOfRange(explicit, explicit.length - spatial, explicit.length);
        } else {
            long[] kernel = op.intsAttr("kernel_shape");
            if (kernel == null) {
                kernel = Arrays.copyOfRange(w.toArray(), 2, w.rank());
            }
            long[] strides = SlidingWindow.perAxis(op, "strides", spatial, 1);
            long[] dilations = SlidingWindow.perAxis(op, "dilations", spatial, 1);
            long[] outputPadding = SlidingWindow.perAxis(op, "output_padding", spatial, 0);
            long[] pads = SlidingWindow.pads(op, spatial);
            String autoPad = op.attrs().getString("auto_pad", "NOTSET");
            for (int i = 0; i < spatial; i++) {
                long in = x.dims().get(2 + i);
                // exact: attributes are any int64, and a wrapped product would be a wrong shape, not an error
                if (autoPad.startsWith("SAME")) {
                    out[i] = Math.multiplyExact(in, strides[i]);
                } else {
                    long padTotal = autoPad.equals("VALID") ? 0 : Math.addExact(pads[i], pads[i + spatial]);
                    long grown = Math.addExact(Math.multiplyExact(strides[i], in - 1), outputPadding[i]);
                    long kernelSpan = Math.addExact(Math.multiplyExact(kernel[i] - 1, dilations[i]), 1);
                    out[i] = Math.subtractExact(Math.addExact(grown, kernelSpan), padTotal);
                }
            }
        }
        op.output(0, op.dataType(0), nc(x.dims().get(0), outChannels, out));
    }

    static Shape nc(long n, long c, long[] spatial) {
        List<Long> dims = new ArrayList<>();
        dims.add(n);
        dims.add(c);
        for (long d : spatial) {
            dims.add(d);
        }
        return new Shape(dims);
    }
}
