package org.hawkeye.engine.lowering;

/**
 * Fact (fuse): a product of two secrets (the attention scores Q K^T) whose output is causally masked before any
 * other use, directly or after a public scaling: a framework that computes only the lower triangle of each score
 * matrix (SIGMA) can act on it.
 */
public record CausalProduct(String product) {
    public String getProduct() {
        return product;
    }
}
