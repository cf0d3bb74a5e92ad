package org.hawkeye.engine.lowering;

/** One op of the final graph (as exported, or created by a what-if rewrite) with what lowering decided for it. */
public record LoweredOp(Op op, OpDecision decision) {
}
