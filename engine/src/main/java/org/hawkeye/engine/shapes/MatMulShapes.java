package org.hawkeye.engine.shapes;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.hawkeye.engine.graph.Shape;

/** Matrix products: MatMul (numpy matmul: batched, broadcasting, 1-D operands) and Gemm (2-D, transposes). */
final class MatMulShapes {

    private MatMulShapes() {
    }

    static void register(Map<String, ShapeRule> rules) {
        rules.put("MatMul", MatMulShapes::matMul);
        rules.put("Gemm", MatMulShapes::gemm);
    }

    /**
     * A 1-D left operand is a row vector and a 1-D right operand a column vector, their added axis removed
     * from the result; leading (batch) axes broadcast.
     */
    private static void matMul(OpContext op) {
        Shape a = op.shape(0);
        Shape b = op.shape(1);
        if (a.rank() == 0 || b.rank() == 0) {
            throw new ShapeError("MatMul operands must have rank 1 or more, got " + a + " and " + b);
        }
        Shape a2 = a.rank() == 1 ? Shape.of(1, a.dims().get(0)) : a;
        Shape b2 = b.rank() == 1 ? Shape.of(b.dims().get(0), 1) : b;
        long m = a2.dim(-2);
        long k = a2.dim(-1);
        long kb = b2.dim(-2);
        long n = b2.dim(-1);
        if (k != kb) {
            throw new ShapeError("cannot multiply " + a + " by " + b + " (inner dimensions " + k + " and " + kb + " differ)");
        }
        Shape batchA = new Shape(a2.dims().subList(0, a2.rank() - 2));
        Shape batchB = new Shape(b2.dims().subList(0, b2.rank() - 2));
        Shape batch;
        try {
            batch = Broadcasting.of(batchA, batchB);
        } catch (ShapeError e) {
            throw new ShapeError("cannot multiply " + a + " by " + b + " (batch dimensions " + batchA + " and "
                    + batchB + " do not broadcast)");
        }
        List<Long> dims = new ArrayList<>(batch.dims());
        if (a.rank() > 1) {
            dims.add(m);
        }
        if (b.rank() > 1) {
            dims.add(n);
        }
        op.output(0, op.dataType(0), new Shape(dims));
    }

    /** Y = alpha * A' * B' + beta * C with A' = transA ? A^T : A (M x K), B' likewise (K x N); C broadcasts to M x N. */
    private static void gemm(OpContext op) {
        Shape a = op.shape(0);
        Shape b = op.shape(1);
        if (a.rank() != 2 || b.rank() != 2) {
            throw new ShapeError("Gemm needs 2-D operands, got " + a + " and " + b);
        }
        boolean transA = op.attrs().getInt("transA", 0) != 0;
        boolean transB = op.attrs().getInt("transB", 0) != 0;
        long m = a.dims().get(transA ? 1 : 0);
        long k = a.dims().get(transA ? 0 : 1);
        long kb = b.dims().get(transB ? 1 : 0);
        long n = b.dims().get(transB ? 0 : 1);
        if (k != kb) {
            throw new ShapeError("cannot multiply " + m + "x" + k + " by " + kb + "x" + n + " (inner dimensions "
                    + k + " and " + kb + " differ" + (transA || transB ? "; after transA=" + (transA ? 1 : 0)
                    + ", transB=" + (transB ? 1 : 0) : "") + ")");
        }
        Shape y = Shape.of(m, n);
        if (op.hasInput(2) && !broadcastsTo(op.shape(2), y)) {
            throw new ShapeError("Gemm bias C " + op.shape(2) + " does not broadcast to the " + y + " result");
        }
        op.output(0, op.dataType(0), y);
    }

    /** Unidirectional broadcasting: {@code from} stretches to {@code to} without changing it. */
    private static boolean broadcastsTo(Shape from, Shape to) {
        try {
            return Broadcasting.of(from, to).equals(to);
        } catch (ShapeError e) {
            return false;
        }
    }
}
