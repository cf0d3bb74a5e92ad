package org.hawkeye.engine.lowering;

/**
 * Fact (classify): the op multiplies two fixed-point operands, at least one secret, so its result carries twice
 * the fraction bits and must be truncated. Whether that truncation communicates is the framework's business
 * (phase fixedpoint): CrypTen 2PC truncates each share locally, replicated 3-party sharing does not.
 */
public record FixedPointProduct(String op) {
    public String getOp() {
        return op;
    }
}
