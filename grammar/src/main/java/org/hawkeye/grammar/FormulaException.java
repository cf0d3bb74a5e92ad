package org.hawkeye.grammar;

import java.util.Objects;

/**
 * A formula could not be parsed, checked or evaluated.
 *
 * <p>Carries the reason (for example {@code division by zero}) and the exact place inside the
 * formula text: the first character of the offending token, operator, function name or variable.
 * The message is {@code line:column: reason}; callers that know where the formula sits in a file
 * turn {@link #offset()} (or {@link #line()} and {@link #column()}) into a file position and
 * prepend their own context to {@link #reason()}.
 */
public final class FormulaException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String reason;
    private final SourcePosition position;

    /**
     * @param reason what went wrong, without position
     * @param position where inside the formula text it went wrong
     */
    public FormulaException(String reason, SourcePosition position) {
        super(position + ": " + reason);
        this.reason = Objects.requireNonNull(reason, "reason");
        this.position = Objects.requireNonNull(position, "position");
    }

    /** What went wrong, without the position, e.g. {@code unknown variable 'x'}. */
    public String reason() {
        return reason;
    }

    /** Where it went wrong inside the formula text. */
    public SourcePosition position() {
        return position;
    }

    /** 0-based char offset of the offending token in the formula text. */
    public int offset() {
        return position.offset();
    }

    /** 1-based line of the offending token within the formula text. */
    public int line() {
        return position.line();
    }

    /** 1-based column of the offending token within its line of the formula text. */
    public int column() {
        return position.column();
    }
}
