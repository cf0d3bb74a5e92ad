package org.hawkeye.engine.graph;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A static tensor shape. Every dimension is known: hawkeye costs concrete shapes only. No shape holds more than
 * {@link #MAX_ELEMENTS} elements, so that element counts, and sums and products of a few of them in shape
 * arithmetic, stay exact in a {@code long} (and in a {@code double}).
 */
public record Shape(List<Long> dims) {

    /** 2^53: far beyond any real tensor (2^53 floats are 32 PiB), and every count up to it is exact as a double. */
    public static final long MAX_ELEMENTS = 1L << 53;

    public static final Shape SCALAR = new Shape(List.of());

    public Shape {
        dims = List.copyOf(dims);
        boolean empty = false;
        long n = 1;
        boolean tooMany = false;
        for (Long d : dims) {
            if (d == null || d < 0) {
                throw new IllegalArgumentException("negative or missing dimension in " + dims);
            }
            empty |= d == 0;
            tooMany |= d > MAX_ELEMENTS || n > MAX_ELEMENTS / Math.max(1, d);
            n = tooMany ? n : n * d;
        }
        if (tooMany && !empty || dims.stream().anyMatch(d -> d > MAX_ELEMENTS)) {
            throw new IllegalArgumentException("a tensor of shape " + dims.stream().map(String::valueOf)
                    .collect(Collectors.joining("x")) + " has more than 2^53 elements, hawkeye's limit");
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
