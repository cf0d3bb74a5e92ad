package org.hawkeye.engine.shapes;

import java.util.ArrayList;
import java.util.List;

import org.hawkeye.engine.graph.Shape;

/** Numpy-style multidirectional broadcasting, as ONNX elementwise ops, Where, Expand and MatMul batches use. */
final class Broadcasting {

    private Broadcasting() {
    }

    /** The broadcast of two shapes: align right, each dimension pair equal or one of them 1. */
    static Shape of(Shape a, Shape b) {
        int rank = Math.max(a.rank(), b.rank());
        List<Long> dims = new ArrayList<>(rank);
        for (int i = 0; i < rank; i++) {
            long da = dimFromRight(a, rank - 1 - i);
            long db = dimFromRight(b, rank - 1 - i);
            if (da != db && da != 1 && db != 1) {
                throw new ShapeError("cannot broadcast " + a + " with " + b + " (dimension " + da + " vs " + db + ")");
            }
            // 1 stretches to the other size, including to 0 (numpy: a 1 broadcasts against an empty axis).
            dims.add(da == 1 ? db : da);
        }
        return new Shape(dims);
    }

    static Shape of(List<Shape> shapes) {
        Shape out = shapes.get(0);
        for (int i = 1; i < shapes.size(); i++) {
            out = of(out, shapes.get(i));
        }
        return out;
    }

    /** Dimension {@code k} of {@code s} counted from the right (0 is the last), 1 beyond its rank. */
    private static long dimFromRight(Shape s, int k) {
        return k < s.rank() ? s.dims().get(s.rank() - 1 - k) : 1;
    }

    /**
     * For each element of {@code out} (row-major), the flat index of the element of {@code in} it reads;
     * {@code in} must broadcast to {@code out}. Used to fold broadcasting ops and Expand.
     */
    static int[] sourceIndex(Shape in, Shape out) {
        int rank = out.rank();
        long[] outDims = out.toArray();
        long[] inStrides = new long[rank];
        long stride = 1;
        for (int k = 0; k < rank; k++) {
            int axis = rank - 1 - k;
            long d = dimFromRight(in, k);
            inStrides[axis] = d == 1 ? 0 : stride;
            stride *= d;
        }
        int n = (int) out.numel();
        int[] src = new int[n];
        long[] pos = new long[rank];
        for (int i = 0; i < n; i++) {
            long flat = 0;
            for (int a = 0; a < rank; a++) {
                flat += pos[a] * inStrides[a];
            }
            src[i] = (int) flat;
            for (int a = rank - 1; a >= 0; a--) {
                if (++pos[a] < outDims[a]) {
                    break;
                }
                pos[a] = 0;
            }
        }
        return src;
    }
}
