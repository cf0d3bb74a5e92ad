package org.hawkeye.engine.lowering;

import java.util.List;

/**
 * What lowering produced: the ops left in the session when every phase has fired, in execution order, each with
 * its decision, and what the what-if rules changed. Ops a rewrite removed are gone; ops it created are here.
 */
public record LoweringResult(List<LoweredOp> ops, RewriteLog rewrites) {

    public LoweringResult {
        ops = List.copyOf(ops);
    }
}
