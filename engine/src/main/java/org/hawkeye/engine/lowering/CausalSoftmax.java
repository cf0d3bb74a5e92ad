package org.hawkeye.engine.lowering;

/** Fact (fuse): a Softmax over causally masked scores ({@link CausalScores}): row i has only i + 1 live entries. */
public record CausalSoftmax(String softmax) {
    public String getSoftmax() {
        return softmax;
    }
}
