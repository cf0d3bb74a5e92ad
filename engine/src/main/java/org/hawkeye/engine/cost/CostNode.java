package org.hawkeye.engine.cost;

import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import org.hawkeye.grammar.Rational;

/**
 * One protocol invocation expanded into its call chain: its own cost, the sub-protocols it calls (each with
 * its repeat count) and the total, and what the whole invocation (with its calls and repeats) takes from each
 * pool. Immutable, so identical invocations share one node.
 */
public record CostNode(String label, String protocol, Map<String, Rational> args, BigInteger repeat,
                       Cost own, List<CostNode> children, Cost total, String source, Map<PoolKey, BigInteger> draws) {

    public CostNode {
        children = List.copyOf(children);
        args = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(args));
        draws = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(draws));
    }
}
