package org.hawkeye.engine.lowering;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.kie.api.runtime.KieSession;

/**
 * The DRL global {@code lower}: rules report through it what an op costs. Each report marks the op {@code lowered}
 * (and inserts a {@link Lowered} fact, for rules written with joins), so that later rules leave the op alone,
 * and remembers which rule made it, so that reports can say why an op costs what it does.
 */
public final class LoweringSink {
    private final Map<String, OpDecision> decisions = new LinkedHashMap<>();
    private final Map<String, List<ProtocolCall>> followUps = new LinkedHashMap<>();
    private final KieSession session;
    private final FiringRule firing;
    private final FactGraph facts;
    private final RuleTrace trace = RuleTrace.current();

    /** A sink for the ops of {@code facts}, which it tells of each decision so that {@code lowered} rules wake. */
    LoweringSink(KieSession session, FiringRule firing, FactGraph facts) {
        this.session = session;
        this.firing = firing;
        this.facts = facts;
    }

    /**
     * Emits a call of {@code protocol} for {@code op} with named arguments given as name, value pairs
     * ({@code lower.call($op, "mul", "x", 10, "y", 10)}); several calls for one op run in sequence.
     */
    public void call(Op op, String protocol, Object... namedArgs) {
        traced(op);
        ProtocolCall call = toCall(protocol, namedArgs);
        OpDecision d = decisions.get(op.id());
        if (d == null) {
            d = new OpDecision(OpDecision.Kind.CALLS, "", firing.name());
            record(op, d);
        } else if (d.kind() != OpDecision.Kind.CALLS) {
            d.override(OpDecision.Kind.CALLS, "", firing.name());
        }
        d.addCall(call);
    }

    /**
     * Emits a call that runs after whatever {@code op} is lowered to (the truncation after a fixed-point product),
     * without deciding the op: the rules of later phases still lower it, and an op nobody lowers stays
     * unsupported. Same argument convention as {@link #call}.
     */
    public void after(Op op, String protocol, Object... namedArgs) {
        traced(op);
        followUps.computeIfAbsent(op.id(), k -> new ArrayList<>()).add(toCall(protocol, namedArgs));
    }

    /** The op is computed locally by the parties: no communication. */
    public void free(Op op, String reason) {
        decide(op, OpDecision.Kind.FREE, reason);
    }

    /** The framework cannot run this op (as the spec models it); it is reported, never costed as zero. */
    public void unsupported(Op op, String reason) {
        decide(op, OpDecision.Kind.UNSUPPORTED, reason);
    }

    private void decide(Op op, OpDecision.Kind kind, String reason) {
        traced(op);
        OpDecision d = decisions.get(op.id());
        if (d == null) {
            record(op, new OpDecision(kind, reason, firing.name()));
        } else if (d.calls().isEmpty()) {
            d.override(kind, reason, firing.name());
        }
    }

    private void traced(Op op) {
        if (trace != null) {
            trace.acted(op.id(), firing.name());
        }
    }

    private void record(Op op, OpDecision d) {
        decisions.put(op.id(), d);
        session.insert(new Lowered(op.id()));
        facts.markLowered(op);
    }

    /** Decisions by op id, in the order rules made them. */
    public Map<String, OpDecision> decisions() {
        return decisions;
    }

    /** Calls emitted with {@link #after}, by op id. */
    Map<String, List<ProtocolCall>> followUps() {
        return followUps;
    }

    private ProtocolCall toCall(String protocol, Object... namedArgs) {
        if (namedArgs.length % 2 != 0) {
            throw new IllegalArgumentException("rule '" + firing.name() + "': arguments of '" + protocol
                    + "' must be name, value pairs");
        }
        Map<String, BigInteger> args = new LinkedHashMap<>();
        for (int i = 0; i < namedArgs.length; i += 2) {
            args.put(String.valueOf(namedArgs[i]), toBigInteger(protocol, namedArgs[i], namedArgs[i + 1]));
        }
        return new ProtocolCall(protocol, args, firing.name());
    }

    private BigInteger toBigInteger(String protocol, Object name, Object value) {
        if (value instanceof BigInteger b) {
            return b;
        }
        if (value instanceof Long || value instanceof Integer || value instanceof Short) {
            return BigInteger.valueOf(((Number) value).longValue());
        }
        if (value instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue())) {
            return BigInteger.valueOf(n.longValue());
        }
        throw new IllegalArgumentException("rule '" + firing.name() + "': argument '" + name + "' of '" + protocol
                + "' must be a whole number, got " + value);
    }
}
