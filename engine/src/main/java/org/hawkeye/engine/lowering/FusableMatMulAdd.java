package org.hawkeye.engine.lowering;

/**
 * Fact (fuse): an Add of a weight or constant (a bias) reads the output of a MatMul that nobody else reads: a
 * Linear layer as exporters split it. Frameworks with a fused linear-layer protocol can act on it.
 */
public record FusableMatMulAdd(String matmul, String add) {
    public String getMatmul() {
        return matmul;
    }

    public String getAdd() {
        return add;
    }
}
