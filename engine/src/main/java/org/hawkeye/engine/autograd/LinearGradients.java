package org.hawkeye.engine.autograd;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.hawkeye.engine.graph.Shape;

/**
 * Gemm and MatMul: each operand's gradient is one more matrix product (gradients.py AutogradMatMul.backward:
 * grad @ other^T and self^T @ grad); transposes are free and written as Gemm's trans flags or Transpose nodes.
 */
final class LinearGradients {

    private LinearGradients() {
    }

    static void register(Map<String, OpGradient> rules) {
        rules.put("Gemm", LinearGradients::gemm);
        rules.put("MatMul", LinearGradients::matMul);
    }

    /**
     * Y = alpha * A' B' + beta * C with A' = transA ? A^T : A, B' likewise. dA' = dY B'^T and dB' = A'^T dY,
     * each a Gemm whose trans flags put the operands in place: e.g. for the usual Linear layer (transB = 1),
     * dA = Gemm(dY, B) and dB = Gemm(dY, A, transA = 1). dC sums dY over the axes C was broadcast along.
     */
    private static void gemm(BackwardContext b) {
        long transA = b.attrs().getInt("transA", 0);
        long transB = b.attrs().getInt("transB", 0);
        double alpha = b.attrs().getFloat("alpha", 1.0);
        double beta = b.attrs().getFloat("beta", 1.0);
        String dy = b.outGrad(0);
        String a = b.input(0);
        String w = b.input(1);
        b.gradient(0).ifPresent(e -> b.give(0, transA == 0
                ? e.op("input_grad", "Gemm", List.of(dy, w), b.inShape(0), "transB", 1 - transB, "alpha", alpha)
                : e.op("input_grad", "Gemm", List.of(w, dy), b.inShape(0), "transA", transB, "transB", 1L,
                        "alpha", alpha)));
        b.gradient(1).ifPresent(e -> b.give(1, transB == 0
                ? e.op("weight_grad", "Gemm", List.of(a, dy), b.inShape(1), "transA", 1 - transA, "alpha", alpha)
                : e.op("weight_grad", "Gemm", List.of(dy, a), b.inShape(1), "transA", 1L, "transB", transA,
                        "alpha", alpha)));
        if (b.node().hasInput(2)) {
            b.gradient(2).ifPresent(e -> {
                String dc = e.reduceTo("bias_grad", dy, b.inShape(2));
                b.give(2, beta == 1.0 ? dc
                        : e.op("bias_grad_scale", "Mul", List.of(dc, b.graph().scalar(beta)), b.inShape(2)));
            });
        }
        // alpha and beta are constants of the op, so no trainable weight needs their gradients; a framework that
        // multiplies by them as tensors (CrypTen's nn.Gemm: a.matmul(b).mul(alpha), c.mul(beta)) still computes
        // them: the gradient of a product with a constant is the other factor times dY, summed to a scalar.
        Emitter u = b.emit().unneeded();
        String y = b.node().output(0);
        String alphaProduct = u.op("alpha_grad_mul", "Mul", List.of(dy, y), b.outShape(0));
        u.reduceTo("alpha_grad", alphaProduct, Shape.SCALAR);
        if (b.node().hasInput(2)) {
            String dc = u.reduceTo("beta_grad_sum", dy, b.inShape(2));
            String betaProduct = u.op("beta_grad_mul", "Mul", List.of(dc, b.input(2)), b.inShape(2));
            u.reduceTo("beta_grad", betaProduct, Shape.SCALAR);
        }
    }

    /**
     * Batched MatMul of A [..., M, K] and B [..., K, N]: dA = dY B^T and dB = A^T dY over the broadcast batch,
     * then summed back to each operand's own batch shape (gradients.py AutogradMatMul + _inverse_broadcast).
     */
    private static void matMul(BackwardContext b) {
        Shape a = b.inShape(0);
        Shape w = b.inShape(1);
        if (a.rank() < 2 || w.rank() < 2) {
            throw b.graph().unsupported(b.node(), "MatMul with a vector operand (rank 1) has no backward rule yet");
        }
        Shape y = b.outShape(0);
        String dy = b.outGrad(0);
        b.gradient(0).ifPresent(e -> {
            String wt = e.op("other_transposed", "Transpose", List.of(b.input(1)), swapLast(w), "perm", swapPerm(w));
            String full = e.op("input_grad", "MatMul", List.of(dy, wt), withLast(y, a.dim(-2), a.dim(-1)));
            b.give(0, e.reduceTo("input_grad_sum", full, a));
        });
        b.gradient(1).ifPresent(e -> {
            String at = e.op("self_transposed", "Transpose", List.of(b.input(0)), swapLast(a), "perm", swapPerm(a));
            String full = e.op("weight_grad", "MatMul", List.of(at, dy), withLast(y, w.dim(-2), w.dim(-1)));
            b.give(1, e.reduceTo("weight_grad_sum", full, w));
        });
    }

    private static long[] swapPerm(Shape s) {
        long[] perm = new long[s.rank()];
        for (int i = 0; i < perm.length; i++) {
            perm[i] = i;
        }
        perm[perm.length - 1] = perm.length - 2;
        perm[perm.length - 2] = perm.length - 1;
        return perm;
    }

    private static Shape swapLast(Shape s) {
        return withLast(s, s.dim(-1), s.dim(-2));
    }

    /** s with its last two dims replaced. */
    private static Shape withLast(Shape s, long rows, long cols) {
        List<Long> dims = new ArrayList<>(s.dims());
        dims.set(dims.size() - 2, rows);
        dims.set(dims.size() - 1, cols);
        return new Shape(dims);
    }
}
