package org.hawkeye.grammar;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * A parsed communication-cost formula such as {@code 2*l*n}, {@code ceil(log2(l)) + 2} or
 * {@code n > 1 ? 2*n : 0}. Parsed once; immutable and safe to evaluate from many threads.
 *
 * <h2>Language</h2>
 * Number literals ({@code 12}, {@code 0.003}, {@code 1e6}, {@code 2.5e-3}), variables, calls of
 * the {@link BuiltinFunction}s, and the operators below, from the tightest binding to the loosest:
 * {@code ( )}; {@code ^} (right-associative, so {@code 2^3^2} is 512); unary {@code -} and
 * {@code !} ({@code -2^2} is -4, {@code -2*3} is -6); {@code * / %}; {@code + -};
 * {@code < <= > >= == !=}; {@code &&}; {@code ||}; {@code ? :} (right-associative). Binary
 * operators other than {@code ^} are left-associative. Expressions nest at most 64 levels deep.
 *
 * <h2>Semantics</h2>
 * Values are exact {@link Rational}s and never overflow. {@code /} divides exactly; {@code %} is
 * the floored modulo {@code a - b*floor(a/b)}; {@code ^} needs an integer exponent of at most
 * 1,000,000 in magnitude (negative gives the reciprocal). Comparisons and {@code && || !} yield 1
 * or 0 and treat any non-zero value as true; {@code && ||} and {@code ? :} evaluate only what
 * they need, so {@code n == 0 ? 0 : 1/n} is fine at {@code n = 0}.
 *
 * <h2>Exactness of logarithms and roots</h2>
 * {@code log2(x)} is exact when {@code x} is a power of two (also {@code 1/8}), {@code sqrt(x)}
 * when {@code x} is the square of a rational, and {@code ln(1)} is 0. Otherwise these three
 * return a rational approximation rounded to 60 significant digits (BigDecimal arithmetic with an
 * atanh series after reducing the argument by a power of two; no {@code double}). The shapes
 * {@code ceil(log2(x))}, {@code floor(log2(x))}, {@code ceil(sqrt(x))} and
 * {@code floor(sqrt(x))} are recognised in the AST and computed exactly on integers for every
 * positive {@code x}, however large: {@code ceil(log2(2^200 + 1))} is 201. Other roundings of an
 * approximation, such as {@code ceil(log2(x) / 2)}, may be off by one when the exact value lies
 * within about 10^-58 of an integer.
 *
 * <h2>Errors</h2>
 * Every failure is a {@link FormulaException} at the first character of the offending token:
 * syntax errors (the first one only), unknown functions and wrong arities when parsing; unknown
 * variables, division or modulo by zero, logarithms of non-positive and roots of negative numbers,
 * and bad exponents when evaluating.
 */
public final class Formula {

    private final String text;
    private final Expr expression;
    /** First occurrence of each variable, in order of appearance. */
    private final Map<String, SourcePosition> firstUses;

    private Formula(String text, Expr expression) {
        this.text = text;
        this.expression = expression;
        Map<String, SourcePosition> uses = new LinkedHashMap<>();
        collectVariables(expression, uses);
        this.firstUses = Collections.unmodifiableMap(uses);
    }

    /**
     * Parses {@code text}.
     *
     * @throws FormulaException at the first syntax error, for an empty text, an unknown function,
     *     a call with the wrong number of arguments, or nesting deeper than 64 levels
     */
    public static Formula parse(String text) {
        Objects.requireNonNull(text, "text");
        return new Formula(text, FormulaParser.parse(text));
    }

    /** The text the formula was parsed from. */
    public String text() {
        return text;
    }

    /** The syntax tree, for callers that analyse formulas rather than evaluate them. */
    public Expr expression() {
        return expression;
    }

    /** The names of the free variables, in order of first appearance; unmodifiable. */
    public Set<String> variables() {
        return firstUses.keySet();
    }

    /**
     * Checks that every variable is in {@code known}, so that a spec can be rejected when it loads
     * rather than when a model happens to need the formula.
     *
     * @throws FormulaException at the first occurrence of the first unknown variable, e.g.
     *     {@code unknown variable 'nbit' (known: a, b, n)}
     */
    public void check(Set<String> known) {
        for (Map.Entry<String, SourcePosition> use : firstUses.entrySet()) {
            if (!known.contains(use.getKey())) {
                String knownList = known.isEmpty() ? "none" : String.join(", ", new TreeSet<>(known));
                throw new FormulaException(
                        "unknown variable '" + use.getKey() + "' (known: " + knownList + ")", use.getValue());
            }
        }
    }

    /**
     * Evaluates with variables bound by {@code environment}.
     *
     * @throws FormulaException for a variable missing from {@code environment} or an arithmetic
     *     error, at its position
     */
    public Rational evaluate(Map<String, Rational> environment) {
        Objects.requireNonNull(environment, "environment");
        return evaluate(environment::get);
    }

    /**
     * Evaluates with variables bound by {@code environment}, which returns {@code null} for names
     * it does not know.
     *
     * @throws FormulaException for a variable {@code environment} does not know or an arithmetic
     *     error, at its position
     */
    public Rational evaluate(Function<String, Rational> environment) {
        Objects.requireNonNull(environment, "environment");
        return new Evaluator(environment).evaluate(expression);
    }

    /** Formulas are equal when their texts are. */
    @Override
    public boolean equals(Object other) {
        return other instanceof Formula that && text.equals(that.text);
    }

    @Override
    public int hashCode() {
        return text.hashCode();
    }

    /** The text the formula was parsed from. */
    @Override
    public String toString() {
        return text;
    }

    private static void collectVariables(Expr expr, Map<String, SourcePosition> uses) {
        if (expr instanceof Expr.Var variable) {
            uses.putIfAbsent(variable.name(), variable.position());
        } else if (expr instanceof Expr.Call call) {
            call.arguments().forEach(argument -> collectVariables(argument, uses));
        } else if (expr instanceof Expr.Unary unary) {
            collectVariables(unary.operand(), uses);
        } else if (expr instanceof Expr.Binary binary) {
            collectVariables(binary.left(), uses);
            collectVariables(binary.right(), uses);
        } else if (expr instanceof Expr.Conditional conditional) {
            collectVariables(conditional.condition(), uses);
            collectVariables(conditional.whenTrue(), uses);
            collectVariables(conditional.whenFalse(), uses);
        }
    }
}
