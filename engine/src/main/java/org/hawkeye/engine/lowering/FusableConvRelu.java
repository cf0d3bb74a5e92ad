package org.hawkeye.engine.lowering;

/**
 * Fact (fuse): a ReLU follows a Conv directly, or through a BatchNormalization that can be folded into it, and
 * reads nothing else; frameworks that evaluate the activation inside the convolution layer (one layer protocol)
 * can act on it.
 */
public record FusableConvRelu(String conv, String relu) {
    public String getConv() {
        return conv;
    }

    public String getRelu() {
        return relu;
    }
}
