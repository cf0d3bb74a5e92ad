package org.hawkeye.engine.shapes;

import java.util.Arrays;
import java.util.Map;

import org.hawkeye.engine.graph.DataType;
import org.hawkeye.engine.graph.Shape;

/** Pooling: windowed (MaxPool, AveragePool, LpPool) and global (GlobalAveragePool, GlobalMaxPool, GlobalLpPool). */
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
        long[] ones = new long[spatial];
        Arrays.fill(ones, 1);
        op.output(0, op.dataType(0), ConvShapes.nc(x.dims().get(0), x.dims().get(1), ones));
    }
}
