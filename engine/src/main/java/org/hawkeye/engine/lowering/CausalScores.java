package org.hawkeye.engine.lowering;

/**
 * Fact (fuse): a secret tensor of attention scores to which a triangular mask has been applied (by {@code Where}
 * or by adding the 0 / -inf mask), possibly followed by public additions: only its lower triangle matters to the
 * softmax that reads it.
 */
public record CausalScores(String tensor) {
    public String getTensor() {
        return tensor;
    }
}
