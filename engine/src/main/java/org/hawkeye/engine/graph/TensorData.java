package org.hawkeye.engine.graph;

import java.util.Arrays;

/**
 * A known tensor value: kept for small initializers, Constant nodes and shape arithmetic folded by shape
 * inference (Reshape targets, Slice bounds, Pow exponents). Integer types keep exact longs; floating types keep
 * doubles. Weight payloads are never needed and are usually absent.
 */
public final class TensorData {
    private final DataType dataType;
    private final Shape shape;
    private final long[] longs;
    private final double[] doubles;

    private TensorData(DataType dataType, Shape shape, long[] longs, double[] doubles) {
        this.dataType = dataType;
        this.shape = shape;
        this.longs = longs;
        this.doubles = doubles;
        int n = longs != null ? longs.length : doubles.length;
        if (n != shape.numel()) {
            throw new IllegalArgumentException("tensor of shape " + shape + " holds " + n + " values");
        }
    }

    public static TensorData ofLongs(DataType dataType, Shape shape, long... values) {
        return new TensorData(dataType, shape, values.clone(), null);
    }

    public static TensorData ofDoubles(DataType dataType, Shape shape, double... values) {
        return new TensorData(dataType, shape, null, values.clone());
    }

    public DataType dataType() {
        return dataType;
    }

    public Shape shape() {
        return shape;
    }

    public int size() {
        return longs != null ? longs.length : doubles.length;
    }

    public boolean isIntegral() {
        return longs != null;
    }

    public long longAt(int i) {
        return longs != null ? longs[i] : (long) doubles[i];
    }

    public double doubleAt(int i) {
        return longs != null ? longs[i] : doubles[i];
    }

    public long[] toLongs() {
        if (longs != null) {
            return longs.clone();
        }
        long[] out = new long[doubles.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = (long) doubles[i];
        }
        return out;
    }

    public double[] toDoubles() {
        if (doubles != null) {
            return doubles.clone();
        }
        double[] out = new double[longs.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = longs[i];
        }
        return out;
    }

    @Override
    public String toString() {
        String values = longs != null ? Arrays.toString(longs) : Arrays.toString(doubles);
        return dataType + "[" + shape + "]" + (size() <= 16 ? values : "");
    }
}
