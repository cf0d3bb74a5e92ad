package org.hawkeye.engine;

/** An op type the framework did not lower: how many nodes, one example node, and why. */
public record UnsupportedOp(String op, int count, String example, String reason) {
}
