package org.hawkeye.specs;

import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.hawkeye.grammar.Formula;
import org.hawkeye.grammar.FormulaException;
import org.hawkeye.grammar.Rational;

/**
 * A cost formula together with where its text starts in its YAML file, so that every error inside it (syntax,
 * unknown variable, division by zero at run time) is reported as {@code file:line:col} of the offending token.
 */
public record LocatedFormula(Formula formula, SourceLocation start) {

    public static final LocatedFormula ZERO = new LocatedFormula(Formula.parse("0"), new SourceLocation("", 0, 0));
    public static final LocatedFormula ONE = new LocatedFormula(Formula.parse("1"), new SourceLocation("", 0, 0));

    /** Parses {@code text} found at {@code start}; a syntax error is reported at its place in the file. */
    public static LocatedFormula parse(String text, SourceLocation start) {
        try {
            return new LocatedFormula(Formula.parse(text), start);
        } catch (FormulaException e) {
            throw errorAt(text, start, e);
        }
    }

    public String text() {
        return formula.text();
    }

    /** Fails at load time, at the variable's place, when the formula names a symbol nobody defines. */
    public void check(Set<String> known) {
        try {
            formula.check(known);
        } catch (FormulaException e) {
            throw errorAt(text(), start, e);
        }
    }

    public Rational evaluate(Map<String, Rational> env) {
        return evaluate(env::get);
    }

    public Rational evaluate(Function<String, Rational> env) {
        try {
            return formula.evaluate(env);
        } catch (FormulaException e) {
            throw errorAt(text(), start, e);
        }
    }

    /** An error about the formula as a whole (e.g. a negative bit count), at its start. */
    public ProfilerException error(String reason) {
        return new ProfilerException(start.toString(), "cost formula '" + text() + "': " + reason);
    }

    private static ProfilerException errorAt(String text, SourceLocation start, FormulaException e) {
        SourceLocation at = start.shift(e.line() - 1, e.column() - 1);
        return new ProfilerException(at.toString(), "cost formula '" + text + "': " + e.reason(), e);
    }
}
