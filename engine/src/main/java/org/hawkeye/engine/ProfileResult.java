package org.hawkeye.engine;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.hawkeye.engine.cost.Cost;
import org.hawkeye.engine.tree.TreeNode;

/** The outcome of one profile: totals, the prefix tree, and the ops that could not be costed. */
public record ProfileResult(String model, String framework, String mode, String weights,
                            Map<String, BigDecimal> params, Cost total, TreeNode tree,
                            List<UnsupportedOp> unsupported) {

    public ProfileResult {
        params = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(params));
        unsupported = List.copyOf(unsupported);
    }

    /** True when every op was costed; otherwise the totals are lower bounds. */
    public boolean complete() {
        return unsupported.isEmpty();
    }
}
