package org.hawkeye.engine.lowering;

/** Fact: a rule has decided what the op costs (protocol calls, free, or unsupported); later rules skip it. */
public record Lowered(String op) {
    public String getOp() {
        return op;
    }
}
