package org.hawkeye.engine.lowering;

import org.hawkeye.specs.ProfilerException;
import org.kie.api.KieBase;
import org.kie.api.definition.rule.Rule;

/**
 * A rule that failed while it ran: "rule X in FILE failed on node N: reason". Rules are part of a framework's
 * spec, so this is a user error (exit code 2), whether the spec's code is wrong or the model has a shape the rule
 * did not expect (an empty axis it divides by); the reason is said in words, without Java's exception names.
 */
final class RuleFailure {

    private RuleFailure() {
    }

    static ProfilerException of(Throwable e, FiringRule firing, KieBase base, String model) {
        Rule rule = firing.running();
        Op op = firing.op();
        String reason = reason(rootCause(e));
        if (rule == null) {
            return new ProfilerException(model, "the rules failed while matching the model's ops: " + reason);
        }
        String node = op == null ? "" : " on node '" + op.id() + "' (" + op.type() + ")";
        return new ProfilerException("", "rule '" + rule.getName() + "' in " + RuleBase.fileOf(base, rule)
                + " failed" + node + " of " + model + ": " + reason, e);
    }

    private static Throwable rootCause(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t;
    }

    private static String reason(Throwable t) {
        String m = t.getMessage() == null ? "" : t.getMessage();
        if (t instanceof ArithmeticException) {
            return m.contains("by zero") ? "division by zero" : m.contains("overflow")
                    ? "a whole number overflows 64 bits" : "arithmetic error (" + m + ")";
        }
        if (t instanceof IndexOutOfBoundsException) {
            return "an index out of range (" + m.replaceAll("[A-Za-z]+(\\.[A-Za-z$]+)+", "value") + ")";
        }
        if (t instanceof NullPointerException) {
            return "it reads a tensor, attribute or value that is not there";
        }
        if (t instanceof StackOverflowError) {
            return "it recurses too deeply";
        }
        if (t instanceof ClassCastException || t instanceof IllegalArgumentException) {
            return "a value of the wrong kind (" + m.replaceAll("[a-z]+(\\.[a-z]+)+\\.", "") + ")";
        }
        return "its code failed (" + t.getClass().getSimpleName() + (m.isEmpty() ? "" : ": " + m) + ")";
    }
}
