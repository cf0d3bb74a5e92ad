package org.hawkeye.engine.lowering;

import java.math.BigInteger;
import java.util.LinkedHashMap;
import java.util.Map;
import org.kie.api.event.rule.BeforeMatchFiredEvent;
import org.kie.api.event.rule.DefaultAgendaEventListener;
import org.kie.api.runtime.KieSession;

/**
 * The DRL global {@code lower}: rules report through it what an op costs. Each report also inserts a
 * {@link Lowered} fact, so that rules of later phases (which all guard on {@code not Lowered}) leave the op alone,
 * and remembers which rule made it, so that reports can say why an op costs what it does.
 */
public final class LoweringSink {
    private final Map<String, OpDecision> decisions = new LinkedHashMap<>();
    private final KieSession session;
    private String firingRule = "";

    LoweringSink(KieSession session) {
        this.session = session;
        session.addEventListener(new DefaultAgendaEventListener() {
            @Override
            public void beforeMatchFired(BeforeMatchFiredEvent event) {
                firingRule = event.getMatch().getRule().getName();
            }
        });
    }

    /**
     * Emits a call of {@code protocol} for {@code op} with named arguments given as name, value pairs
     * ({@code lower.call($op, "mul", "x", 10, "y", 10)}); several calls for one op run in sequence.
     */
    public void call(Op op, String protocol, Object... namedArgs) {
        if (namedArgs.length % 2 != 0) {
            throw new IllegalArgumentException("rule '" + firingRule + "': arguments of '" + protocol
                    + "' must be name, value pairs");
        }
        Map<String, BigInteger> args = new LinkedHashMap<>();
        for (int i = 0; i < namedArgs.length; i += 2) {
            args.put(String.valueOf(namedArgs[i]), toBigInteger(protocol, namedArgs[i], namedArgs[i + 1]));
        }
        OpDecision d = decisions.get(op.id());
        if (d == null) {
            d = new OpDecision(OpDecision.Kind.CALLS, "", firingRule);
            record(op, d);
        } else if (d.kind() != OpDecision.Kind.CALLS) {
            d.override(OpDecision.Kind.CALLS, "", firingRule);
        }
        d.addCall(new ProtocolCall(protocol, args, firingRule));
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
        OpDecision d = decisions.get(op.id());
        if (d == null) {
            record(op, new OpDecision(kind, reason, firingRule));
        } else if (d.calls().isEmpty()) {
            d.override(kind, reason, firingRule);
        }
    }

    private void record(Op op, OpDecision d) {
        decisions.put(op.id(), d);
        session.insert(new Lowered(op.id()));
    }

    /** Decisions by op id, in the order rules made them. */
    public Map<String, OpDecision> decisions() {
        return decisions;
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
        throw new IllegalArgumentException("rule '" + firingRule + "': argument '" + name + "' of '" + protocol
                + "' must be a whole number, got " + value);
    }
}
