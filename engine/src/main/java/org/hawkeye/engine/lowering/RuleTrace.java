package org.hawkeye.engine.lowering;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The rules that fired on nodes, in the order they fired, for {@code explain --node} and the tests that check
 * explain: every match whose facts include a node's Op (the rule that decided it, the rules that derived facts about
 * it or added calls to it). A trace is active on the thread that runs {@link #during}; lowering without one records
 * nothing.
 */
public final class RuleTrace {
    private static final ThreadLocal<RuleTrace> CURRENT = new ThreadLocal<>();

    /** One firing: the rule and its phase. */
    public record Firing(String rule, String phase) {
    }

    private final String nodeId;
    private final Map<String, List<Firing>> firings = new HashMap<>();
    private final Map<String, List<String>> acting = new HashMap<>();

    /** A trace of one node ({@code nodeId}), or of every node when it is null. */
    public RuleTrace(String nodeId) {
        this.nodeId = nodeId;
    }

    /** Runs {@code work} with this trace recording what fires. */
    public <T> T during(Supplier<T> work) {
        CURRENT.set(this);
        try {
            return work.get();
        } finally {
            CURRENT.remove();
        }
    }

    /** What fired on {@code node}, in order. */
    public List<Firing> firings(String node) {
        return List.copyOf(firings.getOrDefault(node, List.of()));
    }

    /** The rules that decided {@code node} or added calls to it through {@code lower}, in order, once each. */
    public List<String> acting(String node) {
        return List.copyOf(acting.getOrDefault(node, List.of()));
    }

    void acted(String node, String rule) {
        if (nodeId == null || nodeId.equals(node)) {
            List<String> rules = acting.computeIfAbsent(node, k -> new ArrayList<>());
            if (!rules.contains(rule)) {
                rules.add(rule);
            }
        }
    }

    static RuleTrace current() {
        return CURRENT.get();
    }

    void fired(String rule, String phase, List<? extends Object> facts) {
        for (Object fact : facts) {
            if (fact instanceof Op op && (nodeId == null || op.id().equals(nodeId))) {
                List<Firing> list = firings.computeIfAbsent(op.id(), k -> new ArrayList<>());
                Firing f = new Firing(rule, phase);
                if (list.isEmpty() || !list.get(list.size() - 1).equals(f)) {
                    list.add(f);
                }
            }
        }
    }
}
