package org.hawkeye.grammar;

import java.io.Serializable;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * An exact rational number {@code numerator / denominator} on {@link BigInteger}s.
 *
 * <p>Always normalized: the fraction is in lowest terms and the denominator is positive, so
 * {@link #equals} and {@link #hashCode} compare values. Immutable and thread-safe. Arithmetic
 * never rounds and never overflows; operations that have no value (division by zero) throw
 * {@link ArithmeticException}.
 */
public final class Rational implements Comparable<Rational>, Serializable {

    private static final long serialVersionUID = 1L;

    /** 0. */
    public static final Rational ZERO = new Rational(BigInteger.ZERO, BigInteger.ONE);
    /** 1. */
    public static final Rational ONE = new Rational(BigInteger.ONE, BigInteger.ONE);

    /** Decimal exponents beyond this would build numbers of many thousand digits from a short literal. */
    private static final int MAX_DECIMAL_EXPONENT = 10_000;

    private static final Pattern FRACTION = Pattern.compile("[+-]?[0-9]+/[0-9]+");
    private static final Pattern DECIMAL =
            Pattern.compile("[+-]?([0-9]+(\\.[0-9]*)?|\\.[0-9]+)([eE][+-]?[0-9]+)?");

    private final BigInteger numerator;
    private final BigInteger denominator;

    private Rational(BigInteger numerator, BigInteger denominator) {
        this.numerator = numerator;
        this.denominator = denominator;
    }

    /** The integer {@code value}. */
    public static Rational of(long value) {
        return of(BigInteger.valueOf(value));
    }

    /** The integer {@code value}. */
    public static Rational of(BigInteger value) {
        return new Rational(Objects.requireNonNull(value, "value"), BigInteger.ONE);
    }

    /**
     * The fraction {@code numerator / denominator}, normalized.
     *
     * @throws ArithmeticException if {@code denominator} is zero
     */
    public static Rational of(long numerator, long denominator) {
        return of(BigInteger.valueOf(numerator), BigInteger.valueOf(denominator));
    }

    /**
     * The fraction {@code numerator / denominator}, normalized.
     *
     * @throws ArithmeticException if {@code denominator} is zero
     */
    public static Rational of(BigInteger numerator, BigInteger denominator) {
        if (denominator.signum() == 0) {
            throw new ArithmeticException("division by zero");
        }
        if (denominator.signum() < 0) {
            numerator = numerator.negate();
            denominator = denominator.negate();
        }
        BigInteger gcd = numerator.gcd(denominator);
        if (!gcd.equals(BigInteger.ONE)) {
            // gcd(0, d) = d, which turns 0/d into the canonical 0/1
            numerator = numerator.divide(gcd);
            denominator = denominator.divide(gcd);
        }
        return new Rational(numerator, denominator);
    }

    /** The exact value of {@code value}, e.g. {@code 0.003} gives {@code 3/1000}. */
    public static Rational of(BigDecimal value) {
        BigInteger unscaled = value.unscaledValue();
        int scale = value.scale();
        return scale <= 0
                ? of(unscaled.multiply(BigInteger.TEN.pow(-scale)))
                : of(unscaled, BigInteger.TEN.pow(scale));
    }

    /**
     * Parses a decimal or scientific literal exactly ({@code "12"}, {@code "0.003"} = 3/1000,
     * {@code "1e6"}, {@code "-2.5e-3"}), or a fraction as printed by {@link #toString()}
     * ({@code "3/1000"}).
     *
     * @throws NumberFormatException if {@code text} is neither, or its decimal exponent is beyond
     *     ±10000
     * @throws ArithmeticException if a fraction has a zero denominator
     */
    public static Rational parse(String text) {
        if (FRACTION.matcher(text).matches()) {
            int slash = text.indexOf('/');
            return of(new BigInteger(text.substring(0, slash)), new BigInteger(text.substring(slash + 1)));
        }
        if (!DECIMAL.matcher(text).matches()) {
            throw new NumberFormatException("not a number: '" + text + "'");
        }
        int exponentStart = Math.max(text.indexOf('e'), text.indexOf('E'));
        if (exponentStart >= 0
                && new BigInteger(text.substring(exponentStart + 1)).abs()
                        .compareTo(BigInteger.valueOf(MAX_DECIMAL_EXPONENT)) > 0) {
            throw new NumberFormatException("number out of range: '" + text + "'");
        }
        BigDecimal decimal = new BigDecimal(text);
        return of(decimal);
    }

    /** The numerator; carries the sign. */
    public BigInteger numerator() {
        return numerator;
    }

    /** The denominator; always positive. */
    public BigInteger denominator() {
        return denominator;
    }

    /** -1, 0 or 1 as this value is negative, zero or positive. */
    public int signum() {
        return numerator.signum();
    }

    /** Whether this value is 0. */
    public boolean isZero() {
        return numerator.signum() == 0;
    }

    /** Whether the denominator is 1. */
    public boolean isInteger() {
        return denominator.equals(BigInteger.ONE);
    }

    /** {@code this + other}. */
    public Rational add(Rational other) {
        if (isInteger() && other.isInteger()) {
            return new Rational(numerator.add(other.numerator), BigInteger.ONE);
        }
        return of(numerator.multiply(other.denominator).add(other.numerator.multiply(denominator)),
                denominator.multiply(other.denominator));
    }

    /** {@code this - other}. */
    public Rational subtract(Rational other) {
        return add(other.negate());
    }

    /** {@code this * other}. */
    public Rational multiply(Rational other) {
        if (isInteger() && other.isInteger()) {
            return new Rational(numerator.multiply(other.numerator), BigInteger.ONE);
        }
        return of(numerator.multiply(other.numerator), denominator.multiply(other.denominator));
    }

    /**
     * {@code this / other}, exactly.
     *
     * @throws ArithmeticException {@code division by zero} if {@code other} is zero
     */
    public Rational divide(Rational other) {
        return of(numerator.multiply(other.denominator), denominator.multiply(other.numerator));
    }

    /** {@code -this}. */
    public Rational negate() {
        return new Rational(numerator.negate(), denominator);
    }

    /** {@code |this|}. */
    public Rational abs() {
        return signum() < 0 ? negate() : this;
    }

    /**
     * {@code this ^ exponent}; a negative exponent gives the reciprocal power.
     *
     * @throws ArithmeticException {@code division by zero} for zero to a negative power
     */
    public Rational pow(int exponent) {
        if (exponent < 0) {
            // negate via long: -Integer.MIN_VALUE overflows an int
            return ONE.divide(this).pow(Math.toIntExact(-(long) exponent));
        }
        // a power of a fraction in lowest terms is still in lowest terms
        return new Rational(numerator.pow(exponent), denominator.pow(exponent));
    }

    /** The smaller of {@code this} and {@code other}. */
    public Rational min(Rational other) {
        return compareTo(other) <= 0 ? this : other;
    }

    /** The larger of {@code this} and {@code other}. */
    public Rational max(Rational other) {
        return compareTo(other) >= 0 ? this : other;
    }

    /** The greatest integer not above this value. */
    public BigInteger floor() {
        BigInteger[] quotientAndRemainder = numerator.divideAndRemainder(denominator);
        // BigInteger division truncates towards zero; negative remainders mean we truncated up
        return quotientAndRemainder[1].signum() < 0
                ? quotientAndRemainder[0].subtract(BigInteger.ONE)
                : quotientAndRemainder[0];
    }

    /** The least integer not below this value. */
    public BigInteger ceil() {
        BigInteger[] quotientAndRemainder = numerator.divideAndRemainder(denominator);
        return quotientAndRemainder[1].signum() > 0
                ? quotientAndRemainder[0].add(BigInteger.ONE)
                : quotientAndRemainder[0];
    }

    /**
     * This value as an integer.
     *
     * @throws ArithmeticException if it is not an integer
     */
    public BigInteger toBigIntegerExact() {
        if (!isInteger()) {
            throw new ArithmeticException("not an integer: " + this);
        }
        return numerator;
    }

    /** This value rounded to {@code context}. */
    public BigDecimal toBigDecimal(MathContext context) {
        return new BigDecimal(numerator).divide(new BigDecimal(denominator), context);
    }

    /** The nearest {@code double}; infinite when out of its range. For display, not for arithmetic. */
    public double doubleValue() {
        return toBigDecimal(MathContext.DECIMAL64).doubleValue();
    }

    @Override
    public int compareTo(Rational other) {
        if (denominator.equals(other.denominator)) {
            return numerator.compareTo(other.numerator);
        }
        return numerator.multiply(other.denominator).compareTo(other.numerator.multiply(denominator));
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Rational that
                && numerator.equals(that.numerator)
                && denominator.equals(that.denominator);
    }

    @Override
    public int hashCode() {
        return 31 * numerator.hashCode() + denominator.hashCode();
    }

    /** {@code "42"} for integers, {@code "-3/1000"} otherwise; {@link #parse} reads it back. */
    @Override
    public String toString() {
        return isInteger() ? numerator.toString() : numerator + "/" + denominator;
    }

    /**
     * Plain decimal notation rounded half-even to at most {@code digits} digits after the point,
     * without trailing zeros: {@code 1/3} gives {@code "0.333"} for 3 digits, {@code 5/2} gives
     * {@code "2.5"}, and {@code 42} gives {@code "42"}.
     *
     * @throws IllegalArgumentException if {@code digits} is negative
     */
    public String toDecimalString(int digits) {
        if (digits < 0) {
            throw new IllegalArgumentException("digits must not be negative: " + digits);
        }
        return new BigDecimal(numerator)
                .divide(new BigDecimal(denominator), digits, RoundingMode.HALF_EVEN)
                .stripTrailingZeros()
                .toPlainString();
    }
}
