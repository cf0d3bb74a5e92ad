package org.hawkeye.grammar;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The functions a formula may call, with their arities: the one place that lists them.
 *
 * <p>Calls are checked against this table when a formula is parsed, so an unknown name or a
 * wrong number of arguments is a parse error at the function name. See {@link Formula} for how
 * exact the logarithms and the square root are.
 */
public enum BuiltinFunction {
    /** Least integer not below the argument. */
    CEIL("ceil", 1, false, args -> Rational.of(args.get(0).ceil())),
    /** Greatest integer not above the argument. */
    FLOOR("floor", 1, false, args -> Rational.of(args.get(0).floor())),
    /** Base-2 logarithm of a positive argument; exact for powers of two. */
    LOG2("log2", 1, false, args -> RationalMath.log2(args.get(0))),
    /** Natural logarithm of a positive argument; exact only for 1. */
    LN("ln", 1, false, args -> RationalMath.ln(args.get(0))),
    /** Square root of a non-negative argument; exact for squares of rationals. */
    SQRT("sqrt", 1, false, args -> RationalMath.sqrt(args.get(0))),
    /** Absolute value. */
    ABS("abs", 1, false, args -> args.get(0).abs()),
    /** Smallest of one or more arguments. */
    MIN("min", 1, true, args -> args.stream().reduce(Rational::min).orElseThrow()),
    /** Largest of one or more arguments. */
    MAX("max", 1, true, args -> args.stream().reduce(Rational::max).orElseThrow());

    private static final Map<String, BuiltinFunction> BY_NAME = Arrays.stream(values())
            .collect(Collectors.toUnmodifiableMap(BuiltinFunction::formulaName, Function.identity()));

    private static final List<String> SORTED_NAMES =
            Arrays.stream(values()).map(BuiltinFunction::formulaName).sorted().toList();

    private final String formulaName;
    private final int minArguments;
    private final boolean variadic;
    private final Function<List<Rational>, Rational> implementation;

    BuiltinFunction(String formulaName, int minArguments, boolean variadic,
            Function<List<Rational>, Rational> implementation) {
        this.formulaName = formulaName;
        this.minArguments = minArguments;
        this.variadic = variadic;
        this.implementation = implementation;
    }

    /** The function named {@code name} in formulas, if there is one. */
    public static Optional<BuiltinFunction> named(String name) {
        return Optional.ofNullable(BY_NAME.get(name));
    }

    /** All function names, sorted, as listed in "unknown function" errors. */
    public static List<String> names() {
        return SORTED_NAMES;
    }

    /** The name used in formulas, e.g. {@code log2}. */
    public String formulaName() {
        return formulaName;
    }

    /** Fewest arguments accepted. */
    public int minArguments() {
        return minArguments;
    }

    /** Whether any number of arguments from {@link #minArguments()} up is accepted. */
    public boolean isVariadic() {
        return variadic;
    }

    /** Whether a call with {@code count} arguments is well-formed. */
    public boolean accepts(int count) {
        return variadic ? count >= minArguments : count == minArguments;
    }

    /** The error for a call with {@code count} arguments, e.g. {@code function 'ceil' takes 1 argument, got 2}. */
    String arityError(int count) {
        String takes = (variadic ? "at least " : "") + minArguments
                + (minArguments == 1 ? " argument" : " arguments");
        return "function '" + formulaName + "' takes " + takes + ", got " + count;
    }

    /**
     * Applies the function to already evaluated arguments; the count has been checked.
     *
     * @throws ArithmeticException outside the function's domain; the evaluator adds the position
     */
    Rational apply(List<Rational> arguments) {
        return implementation.apply(arguments);
    }
}
