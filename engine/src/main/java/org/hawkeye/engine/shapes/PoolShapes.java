package org.hawkeye.engine.shapes;

import java.util.Arrays;
import java.util.Map;

import org.hawkeye.engine.graph.DataType;
import org.hawkeye.engine.graph.Shape;

/**
 * Pooling: windowed (MaxPool, AveragePool, LpPool), global (GlobalAveragePool, GlobalMaxPool, GlobalLpPool) and
 * MaxUnpool, which a training step uses to route max pooling's gradient back to the argmax positions.
 */
final class PoolShapes {

    private PoolShapes() {
    }

    static void register(Map<String, ShapeRule> rules) {
        rules.put("MaxPool", PoolShapes::windowed);
        rules.put("AveragePool", PoolShapes::windowed);
        rules.put("LpPool", PoolShapes::windowed);
        rules.put("GlobalAveragePool", PoolShapes::global);
        rules.put("GlobalMaxPool", PoolShapes::global);
        rules.put("GlobalLpPool", PoolShapes::global);
        rules.put("MaxUnpool", PoolShapes::maxUnpool);
    }

    /** N x C x D... to N x C x (window count per axis); MaxPool's optional Indices output is INT64 alike. */
    private static void windowed(OpContext op) {
        Shape x = op.shape(0);
        long[] kernel = op.intsAttr("kernel_shape");
        if (kernel == null) {
            throw new ShapeError(op.node().opType() + " needs the kernel_shape attribute");
        }
        boolean ceilMode = op.attrs().getInt("ceil_mode", 0) != 0;
        long[] out = SlidingWindow.outputSpatial(op, x, kernel, ceilMode);
        Shape y = ConvShapes.nc(x.dims().get(0), x.dims().get(1), out);
        op.output(0, op.dataType(0), y);
        op.output(1, DataType.INT64, y);
    }

    /** N x C x D... to N x C x 1 x ...: one window covering each channel's whole spatial extent. */
    private static void global(OpContext op) {
        Shape x = op.shape(0);
        int spatial = SlidingWindow.spatialRank(op, x);
        if (x.dims().subList(2, x.rank()).contains(0L)) {
            throw new ShapeError(op.node().opType() + " pools over an empty window: the input " + x
                    + " has a spatial axis of size 0");
        }
        long[] ones = new long[spatial];
        Arrays.fill(ones, 1);
        op.output(0, op.dataType(0), ConvShapes.nc(x.dims().get(0), x.dims().get(1), ones));
    }

    /**
     * MaxUnpool(X, I [, output_shape]): the given output_shape, else per axis (in - 1) * stride + kernel - pads,
     * the smallest input the pooling could have come from.
     */
    private static void maxUnpool(OpContext op) {
        Shape x = op.shape(0);
        if (!op.shape(1).equals(x)) {
            throw new ShapeError("indices " + op.shape(1) + " must have the pooled values' shape " + x);
        }
        if (op.hasInput(2)) {
            long[] given = op.ints(2, "output_shape");
            if (given.length != x.rank() || given[0] != x.dim(0) || given[1] != x.dim(1)) {
                throw new ShapeError("output_shape " + Tensors.list(given) + " must keep N and C of " + x);
            }
            op.output(0, op.dataType(0), Shape.of(given));
            return;
        }
        int spatial = SlidingWindow.spatialRank(op, x);
        long[] kernel = op.intsAttr("kernel_shape");
        if (kernel == null || kernel.length != spatial) {
            throw new ShapeError("MaxUnpool needs kernel_shape with one value per spatial axis");
        }
        long[] strides = SlidingWindow.perAxis(op, "strides", spatial, 1);
        long[] pads = SlidingWindow.pads(op, spatial);
        long[] out = new long[spatial];
        for (int i = 0; i < spatial; i++) {
            out[i] = (x.dims().get(2 + i) - 1) * strides[i] + kernel[i] - pads[i] - pads[i + spatial];
        }
        op.output(0, op.dataType(0), ConvShapes.nc(x.dims().get(0), x.dims().get(1), out));
    }
}
