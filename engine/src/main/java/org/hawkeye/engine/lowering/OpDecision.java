package org.hawkeye.engine.lowering;

import java.util.ArrayList;
import java.util.List;

/**
 * What lowering decided for one op: protocol calls in sequence, free (local computation, with why), or
 * unsupported by the framework (with why). An op with no decision at all is unsupported too: unknown is not zero.
 */
public final class OpDecision {
    /** How an op was lowered. */
    public enum Kind { CALLS, FREE, UNSUPPORTED }

    private Kind kind;
    private String reason;
    private String rule;
    private final List<ProtocolCall> calls = new ArrayList<>();

    OpDecision(Kind kind, String reason, String rule) {
        this.kind = kind;
        this.reason = reason;
        this.rule = rule;
    }

    public Kind kind() {
        return kind;
    }

    public String reason() {
        return reason;
    }

    /** The rule that made the decision (for calls: the first rule that emitted one). */
    public String rule() {
        return rule;
    }

    public List<ProtocolCall> calls() {
        return List.copyOf(calls);
    }

    void addCall(ProtocolCall call) {
        calls.add(call);
    }

    void override(Kind newKind, String newReason, String newRule) {
        kind = newKind;
        reason = newReason;
        rule = newRule;
    }
}
