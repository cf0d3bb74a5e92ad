package org.hawkeye.engine.lowering;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What lowering decided for one op: protocol calls in sequence, free (local computation, with why), or
 * unsupported by the framework (with why). An op with no decision at all is unsupported too: unknown is not zero.
 * Follow-up calls (a truncation after a fixed-point product, see {@link LoweringSink#after}) run after the op's
 * own calls whatever the decision.
 */
public final class OpDecision {
    /** How an op was lowered. */
    public enum Kind { CALLS, FREE, UNSUPPORTED }

    private Kind kind;
    private String reason;
    private String rule;
    private final List<ProtocolCall> calls = new ArrayList<>();
    private final List<ProtocolCall> followUps = new ArrayList<>();

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

    /** Every call the op costs: its own, then the follow-ups. */
    public List<ProtocolCall> calls() {
        List<ProtocolCall> all = new ArrayList<>(calls);
        all.addAll(followUps);
        return List.copyOf(all);
    }

    /** The follow-up calls alone (empty for most ops and frameworks). */
    public List<ProtocolCall> followUps() {
        return List.copyOf(followUps);
    }

    /**
     * One line for reports: the rule that lowered the op, or why it is free or unsupported, then the rules that
     * added follow-up calls ("free: ...; then rule: truncate after a fixed-point product").
     */
    public String note() {
        String note = switch (kind) {
            case CALLS -> "rule: " + rule;
            case FREE -> "free: " + reason;
            case UNSUPPORTED -> "unsupported: " + reason;
        };
        Set<String> then = new LinkedHashSet<>();
        followUps.forEach(c -> then.add(c.rule()));
        return then.isEmpty() ? note : note + "; then rule: " + String.join(", ", then);
    }

    void addCall(ProtocolCall call) {
        calls.add(call);
    }

    void addFollowUps(List<ProtocolCall> more) {
        followUps.addAll(more);
    }

    void override(Kind newKind, String newReason, String newRule) {
        kind = newKind;
        reason = newReason;
        rule = newRule;
    }
}
