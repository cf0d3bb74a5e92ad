package org.hawkeye.engine.lowering;

/** Fact: the op writes the tensor as its output number {@code index}; an indexed join for classification. */
public record Produces(String op, String tensor, int index) {
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
