package org.hawkeye.engine.lowering;

/**
 * Fact (fuse): a BatchNormalization reads nothing but the output of a Conv that nobody else reads, so at
 * inference the model holder can fold its scale and shift into the Conv's weights and bias before sharing them.
 * Common rules only derive this; a framework that folds acts on it in its own rules.
 */
public record FusableConvBn(String conv, String bn) {
    public String getConv() {
        return conv;
    }

    public String getBn() {
        return bn;
    }
}
