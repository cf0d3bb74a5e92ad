package org.hawkeye.engine.lowering;

/**
 * Fact (fuse): a public tensor computed from a {@code Trilu}, the causal mask of a decoder's attention (as a 0/1
 * mask, a boolean, or the additive 0 / -inf mask built from it).
 */
public record TriangularMask(String tensor) {
    public String getTensor() {
        return tensor;
    }
}
