package org.hawkeye.engine.graph;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/** A static tensor shape. Every dimension is known: hawkeye costs concrete shapes only. */
public record Shape(List<Long> dims) {

    public static final Shape SCALAR = new Shape(List.of());

    public Shape {
        dims = List.copyOf(dims);
        for (Long d : dims) {
            if (d == null || d < 0) {
                throw new IllegalArgumentException("negative or missing dimension in " + dims);
            }
        }
    }

    public static Shape of(long... dims) {
        List<Long> list = new ArrayList<>(dims.length);
        for (long d : dims) {
            list.add(d);
        }
        return new Shape(list);
    }

    public int rank() {
        return dims.size();
    }

    /** Dimension at {@code axis}; a negative axis counts from the end, as in ONNX attributes. */
    public long dim(int axis) {
        return dims.get(normalizeAxis(axis));
    }

    public int normalizeAxis(int axis) {
        int r = rank();
        int a = axis < 0 ? axis + r : axis;
        if (a < 0 || a >= r) {
            throw new IllegalArgumentException("axis " + axis + " out of range for rank " + r);
        }
        return a;
    }

    /** Number of elements; exact, since cost formulas multiply it further. */
    public long numel() {
        long n = 1;
        for (long d : dims) {
            n = Math.multiplyExact(n, d);
        }
        return n;
    }

    public long[] toArray() {
        long[] a = new long[dims.size()];
        for (int i = 0; i < a.length; i++) {
            a[i] = dims.get(i);
        }
        return a;
    }

    /** Shape with the leading (batch) dimension replaced. */
    public Shape withBatch(long batch) {
        if (dims.isEmpty()) {
            return this;
        }
        List<Long> copy = new ArrayList<>(dims);
        copy.set(0, batch);
        return new Shape(copy);
    }

    @Override
    public String toString() {
        return dims.isEmpty() ? "scalar" : dims.stream().map(String::valueOf).collect(Collectors.joining("x"));
    }
}
