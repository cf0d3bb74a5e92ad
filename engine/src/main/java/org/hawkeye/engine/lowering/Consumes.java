package org.hawkeye.engine.lowering;

/** Fact: the op reads the tensor as its input number {@code index}; an indexed join for classification. */
public record Consumes(String op, String tensor, int index) {
    public String getOp() {
        return op;
    }

    public String getTensor() {
        return tensor;
    }

    public int getIndex() {
        return index;
    }
}
