package org.hawkeye.engine.lowering;

import java.util.List;

/**
 * Fact (fuse): a product of two secrets scaled by a public power of two 2^-shift, either after it (the product's
 * only reader multiplies or divides by a scalar) or before it (each operand multiplied by a scalar, e.g. 1/sqrt(8)
 * twice for attention with 64-dimensional heads). {@code scales} are those scaling ops. A framework whose product
 * ends with a truncation can fold the scaling into it (SIGMA shifts the scores by scale + log2(d_head) / 2).
 */
public record ScaledProduct(String product, List<String> scales, long shift) {
    public ScaledProduct {
        scales = List.copyOf(scales);
    }

    public String getProduct() {
        return product;
    }

    public List<String> getScales() {
        return scales;
    }

    public long getShift() {
        return shift;
    }
}
