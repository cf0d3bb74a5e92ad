package org.hawkeye.engine;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.hawkeye.engine.cost.Cost;
import org.hawkeye.engine.cost.CostNode;
import org.hawkeye.engine.cost.Traffic;
import org.hawkeye.engine.prepare.PublicInputs;
import org.hawkeye.engine.tree.TreeNode;

/**
 * The outcome of one profile: totals, the prefix tree, and the ops that could not be costed; for a training step
 * also the loss, the optimizer and the cost of each phase (forward, backward, update), which add up to the total.
 * {@code traffic} says who sends the bits (how to read the costs' per-party split); {@code setup} is the framework's
 * one-time session setup (null when its spec names none), outside the totals. {@code paramsFrom} says where each
 * parameter's value comes from: "-P", or the framework or base whose file sets its default. {@code publicInputs}
 * lists the data inputs taken as known to every party and why; {@code embedding} the policy that looked up
 * embedding tables by the data holder's token ids and how many lookups it decided.
 */
public record ProfileResult(String model, String framework, String mode, String weights,
                            Map<String, BigDecimal> params, Cost total, TreeNode tree,
                            List<UnsupportedOp> unsupported, Training training, Traffic traffic, CostNode setup,
                            Map<String, String> paramsFrom, List<PublicInputs.Entry> publicInputs,
                            Embedding embedding) {

    /** The embedding policy in force and the number of table lookups by the data holder's token ids it decided. */
    public record Embedding(String policy, int lookups) {
    }

    /** A profile without public inputs and with no embedding lookup. */
    public ProfileResult(String model, String framework, String mode, String weights,
                         Map<String, BigDecimal> params, Cost total, TreeNode tree,
                         List<UnsupportedOp> unsupported, Training training, Traffic traffic, CostNode setup,
                         Map<String, String> paramsFrom) {
        this(model, framework, mode, weights, params, total, tree, unsupported, training, traffic, setup, paramsFrom,
                List.of(), new Embedding("onehot", 0));
    }

    /** What a training step consisted of and what each of its phases cost, in phase order. */
    public record Training(String loss, String optimizer, Map<String, Cost> phases) {
        public Training {
            phases = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(phases));
        }
    }

    public ProfileResult {
        params = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(params));
        unsupported = List.copyOf(unsupported);
        paramsFrom = paramsFrom == null ? Map.of()
                : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(paramsFrom));
        publicInputs = List.copyOf(publicInputs);
    }

    /** An inference profile of a framework that gives totals only and names no setup. */
    public ProfileResult(String model, String framework, String mode, String weights, Map<String, BigDecimal> params,
                         Cost total, TreeNode tree, List<UnsupportedOp> unsupported) {
        this(model, framework, mode, weights, params, total, tree, unsupported, null,
                new Traffic(Traffic.TOTAL, List.of(), 2, ""), null, null);
    }

    /** True when every op was costed; otherwise the totals are lower bounds. */
    public boolean complete() {
        return unsupported.isEmpty();
    }
}
