package org.hawkeye.engine.shapes;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.hawkeye.engine.graph.Shape;

/** Ops that rearrange without computing: Reshape, Flatten, Squeeze, Unsqueeze, Transpose, Expand, Tile. */
final class ReshapeShapes {

    private ReshapeShapes() {
    }

    static void register(Map<String, ShapeRule> rules) {
        rules.put("Reshape", ReshapeShapes::reshape);
        rules.put("Flatten", ReshapeShapes::flatten);
        rules.put("Squeeze", ReshapeShapes::squeeze);
        rules.put("Unsqueeze", ReshapeShapes::unsqueeze);
        rules.put("Transpose", ReshapeShapes::transpose);
        rules.put("Expand", ReshapeShapes::expand);
        rules.put("Tile", ReshapeShapes::tile);
    }

    /** Sets the output to the input's elements under a new shape, folding the value along when known. */
    private static void view(OpContext op, Shape shape) {
        if (shape.numel() != op.shape(0).numel()) {
            throw new IllegalStateException("view changes the element count");
        }
        op.output(0, op.dataType(0), shape, () -> Tensors.reshape(op.data(0), shape));
    }

    /** Reshape: 0 copies the input's dimension at that position (unless allowzero), one -1 takes the rest. */
    private static void reshape(OpContext op) {
        Shape x = op.shape(0);
        long[] target = op.ints(1, "target shape");
        boolean allowZero = op.attrs().getInt("allowzero", 0) != 0;
        long[] dims = target.clone();
        int inferred = -1;
        long known = 1;
        for (int i = 0; i < dims.length; i++) {
            if (dims[i] == 0 && !allowZero) {
                if (i >= x.rank()) {
                    throw new ShapeError("Reshape to " + Tensors.list(target) + ": 0 at position " + i
                            + " copies an input dimension, but the input " + x + " has rank " + x.rank());
                }
                dims[i] = x.dims().get(i);
            }
            if (dims[i] == -1) {
                if (inferred >= 0) {
                    throw new ShapeError("Reshape to " + Tensors.list(target) + " has more than one -1");
                }
                inferred = i;
            } else if (dims[i] < 0) {
                throw new ShapeError("Reshape to " + Tensors.list(target) + " has a negative dimension " + dims[i]);
            } else {
                known = Math.multiplyExact(known, dims[i]);
            }
        }
        long total = x.numel();
        if (inferred >= 0) {
            if (known == 0 || total % known != 0) {
                throw new ShapeError("Reshape to " + Tensors.list(target) + " does not fit " + total + " elements");
            }
            dims[inferred] = total / known;
        } else if (known != total) {
            throw new ShapeError("Reshape to " + Tensors.list(target) + " does not fit " + total + " elements");
        }
        view(op, Shape.of(dims));
    }

    /** Flatten: dimensions before axis (default 1) multiply into rows, the rest into columns. */
    private static void flatten(OpContext op) {
        Shape x = op.shape(0);
        long axis = op.attrs().getInt("axis", 1);
        // axis may equal the rank here (all dimensions into rows), unlike elsewhere.
        int a = axis == x.rank() ? x.rank() : OpContext.axis(axis, x.rank(), "Flatten axis");
        long rows = new Shape(x.dims().subList(0, a)).numel();
        long cols = new Shape(x.dims().subList(a, x.rank())).numel();
        view(op, Shape.of(rows, cols));
    }

    /** Squeeze: removes the given axes (which must be 1), or every 1 when no axes are given. */
    private static void squeeze(OpContext op) {
        Shape x = op.shape(0);
        // axes is an attribute before opset 13 and an optional input from 13 on.
        long[] given = op.hasInput(1) ? op.ints(1, "axes") : op.intsAttr("axes");
        boolean[] drop = new boolean[x.rank()];
        if (given == null) {
            for (int a = 0; a < x.rank(); a++) {
                drop[a] = x.dims().get(a) == 1;
            }
        } else {
            for (long g : given) {
                int a = OpContext.axis(g, x.rank(), "Squeeze axis");
                if (x.dims().get(a) != 1) {
                    throw new ShapeError("cannot squeeze axis " + g + " of " + x + " (size " + x.dims().get(a) + ", not 1)");
                }
                drop[a] = true;
            }
        }
        List<Long> dims = new ArrayList<>();
        for (int a = 0; a < x.rank(); a++) {
            if (!drop[a]) {
                dims.add(x.dims().get(a));
            }
        }
        view(op, new Shape(dims));
    }

    /** Unsqueeze: inserts 1s at the given axes, which index the output (rank + number of axes). */
    private static void unsqueeze(OpContext op) {
        Shape x = op.shape(0);
        long[] given = op.hasInput(1) ? op.ints(1, "axes") : op.intsAttr("axes");
        if (given == null) {
            throw new ShapeError("Unsqueeze needs axes (an attribute before opset 13, input 2 from 13 on)");
        }
        int rank = x.rank() + given.length;
        boolean[] inserted = new boolean[rank];
        for (long g : given) {
            int a = OpContext.axis(g, rank, "Unsqueeze axis");
            if (inserted[a]) {
                throw new ShapeError("Unsqueeze axes " + Tensors.list(given) + " repeat axis " + a);
            }
            inserted[a] = true;
        }
        List<Long> dims = new ArrayList<>();
        int next = 0;
        for (int a = 0; a < rank; a++) {
            dims.add(inserted[a] ? 1L : x.dims().get(next++));
        }
        view(op, new Shape(dims));
    }

    /** Transpose: output axis i is input axis perm[i]; perm defaults to reversing the axes. */
    private static void transpose(OpContext op) {
        Shape x = op.shape(0);
        long[] perm = op.intsAttr("perm");
        if (perm == null) {
            perm = new long[x.rank()];
            for (int i = 0; i < perm.length; i++) {
                perm[i] = x.rank() - 1 - i;
            }
        }
        boolean[] used = new boolean[x.rank()];
        for (long p : perm) {
            if (perm.length != x.rank() || p < 0 || p >= x.rank() || used[(int) p]) {
                throw new ShapeError("perm " + Tensors.list(perm) + " is not a permutation of the " + x.rank()
                        + " axes of " + x);
            }
            used[(int) p] = true;
        }
        long[] dims = new long[perm.length];
        for (int i = 0; i < perm.length; i++) {
            dims[i] = x.dims().get((int) perm[i]);
        }
        Shape y = Shape.of(dims);
        long[] perm0 = perm;
        op.output(0, op.dataType(0), y, () -> {
            long[] inStrides = Tensors.strides(x);
            int[] src = new int[(int) y.numel()];
            for (int i = 0; i < src.length; i++) {
                long[] idx = Tensors.unravel(i, y);
                long flat = 0;
                for (int a = 0; a < idx.length; a++) {
                    flat += idx[a] * inStrides[(int) perm0[a]];
                }
                src[i] = (int) flat;
            }
            return Tensors.pick(op.data(0), y, src);
        });
    }

    /** Expand: the input and the target shape broadcast together (a target 1 keeps the input's size). */
    private static void expand(OpContext op) {
        Shape x = op.shape(0);
        Shape y = Broadcasting.of(x, Shape.of(nonNegative(op.ints(1, "target shape"), "Expand")));
        op.output(0, op.dataType(0), y, () -> Tensors.pick(op.data(0), y, Broadcasting.sourceIndex(x, y)));
    }

    /** Tile: each axis repeats {@code repeats[i]} times. */
    private static void tile(OpContext op) {
        Shape x = op.shape(0);
        long[] repeats = nonNegative(op.ints(1, "repeats"), "Tile");
        if (repeats.length != x.rank()) {
            throw new ShapeError("Tile repeats " + Tensors.list(repeats) + " needs one value per axis of " + x);
        }
        long[] dims = x.toArray();
        for (int i = 0; i < dims.length; i++) {
            dims[i] = Math.multiplyExact(dims[i], repeats[i]);
        }
        Shape y = Shape.of(dims);
        op.output(0, op.dataType(0), y, () -> {
            long[] inStrides = Tensors.strides(x);
            int[] src = new int[(int) y.numel()];
            for (int i = 0; i < src.length; i++) {
                long[] idx = Tensors.unravel(i, y);
                long flat = 0;
                for (int a = 0; a < idx.length; a++) {
                    flat += (idx[a] % x.dims().get(a)) * inStrides[a];
                }
                src[i] = (int) flat;
            }
            return Tensors.pick(op.data(0), y, src);
        });
    }

    private static long[] nonNegative(long[] v, String opType) {
        for (long d : v) {
            if (d < 0) {
                throw new ShapeError(opType + " shape " + Tensors.list(v) + " has a negative value");
            }
        }
        return v;
    }

}
