package org.hawkeye.grammar;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Logarithms and square roots of rationals: exact when the result is rational, otherwise rounded
 * to {@link #RESULT} (60 significant digits), and exact floors and ceilings of both.
 *
 * <p>No {@code double} is involved: a cost formula like {@code ceil(log2(n))} must give the same
 * integer for {@code n = 2^200 + 1} as for small {@code n}.
 */
final class RationalMath {

    /** Precision of inexact results. */
    static final MathContext RESULT = new MathContext(60, RoundingMode.HALF_EVEN);

    /** Guard digits absorb the rounding of the series terms before the final rounding. */
    private static final MathContext WORKING = new MathContext(80, RoundingMode.HALF_EVEN);

    private static final Rational TWO = Rational.of(2);

    /** ln 2 = 2 atanh(1/3). */
    private static final BigDecimal LN_2 = twiceAtanh(Rational.of(1, 3));

    /**
     * Logarithms already computed: a spec's formulas take logarithms of parameter expressions (an entropy estimate
     * over a distribution, say), the same few arguments for every call, and each series costs milliseconds.
     */
    private static final int MEMO_LIMIT = 4096;
    private static final Map<Rational, Rational> LOG2_MEMO = new ConcurrentHashMap<>();
    private static final Map<Rational, Rational> LN_MEMO = new ConcurrentHashMap<>();

    private RationalMath() {
    }

    private static Rational memo(Map<Rational, Rational> memo, Rational x, Function<Rational, Rational> f) {
        Rational known = memo.get(x);
        if (known != null) {
            return known;
        }
        Rational value = f.apply(x);
        if (memo.size() < MEMO_LIMIT) {
            memo.put(x, value);
        }
        return value;
    }

    /**
     * Base-2 logarithm.
     *
     * @throws ArithmeticException if {@code x <= 0}
     */
    static Rational log2(Rational x) {
        requirePositive(x, "log2");
        if (isPowerOfTwo(x)) {
            return Rational.of(exponentOfTwo(x.numerator()) - exponentOfTwo(x.denominator()));
        }
        return memo(LOG2_MEMO, x, RationalMath::seriesLog2);
    }

    private static Rational seriesLog2(Rational x) {
        int k = nearestPowerOfTwo(x);
        // log2 x = k + ln(x / 2^k) / ln 2; the quotient is at most 1/2 in magnitude, so adding k loses nothing
        BigDecimal fraction = twiceAtanh(reducedArgument(x, k)).divide(LN_2, WORKING);
        return Rational.of(fraction.add(BigDecimal.valueOf(k), WORKING).round(RESULT));
    }

    /**
     * Natural logarithm.
     *
     * @throws ArithmeticException if {@code x <= 0}
     */
    static Rational ln(Rational x) {
        requirePositive(x, "ln");
        if (x.equals(Rational.ONE)) {
            return Rational.ZERO;
        }
        return memo(LN_MEMO, x, RationalMath::seriesLn);
    }

    private static Rational seriesLn(Rational x) {
        int k = nearestPowerOfTwo(x);
        BigDecimal lnOfReduced = twiceAtanh(reducedArgument(x, k));
        return Rational.of(LN_2.multiply(BigDecimal.valueOf(k), WORKING).add(lnOfReduced, WORKING).round(RESULT));
    }

    /**
     * Square root.
     *
     * @throws ArithmeticException if {@code x < 0}
     */
    static Rational sqrt(Rational x) {
        requireNonNegative(x);
        BigInteger numeratorRoot = x.numerator().sqrt();
        BigInteger denominatorRoot = x.denominator().sqrt();
        // in lowest terms, p/q is the square of a rational exactly when p and q are both squares
        if (numeratorRoot.pow(2).equals(x.numerator()) && denominatorRoot.pow(2).equals(x.denominator())) {
            return Rational.of(numeratorRoot, denominatorRoot);
        }
        return Rational.of(x.toBigDecimal(WORKING).sqrt(WORKING).round(RESULT));
    }

    /**
     * {@code floor(log2(x))}, exactly.
     *
     * @throws ArithmeticException if {@code x <= 0}
     */
    static BigInteger floorLog2(Rational x) {
        requirePositive(x, "log2");
        return BigInteger.valueOf(floorLog2Int(x));
    }

    /**
     * {@code ceil(log2(x))}, exactly.
     *
     * @throws ArithmeticException if {@code x <= 0}
     */
    static BigInteger ceilLog2(Rational x) {
        requirePositive(x, "log2");
        int floor = floorLog2Int(x);
        return BigInteger.valueOf(isPowerOfTwo(x) ? floor : floor + 1L);
    }

    /**
     * {@code floor(sqrt(x))}, exactly.
     *
     * @throws ArithmeticException if {@code x < 0}
     */
    static BigInteger floorSqrt(Rational x) {
        requireNonNegative(x);
        // n <= sqrt(x) iff n^2 <= x iff n^2 <= floor(x), n^2 being an integer
        return x.floor().sqrt();
    }

    /**
     * {@code ceil(sqrt(x))}, exactly.
     *
     * @throws ArithmeticException if {@code x < 0}
     */
    static BigInteger ceilSqrt(Rational x) {
        BigInteger floor = floorSqrt(x);
        return Rational.of(floor.pow(2)).equals(x) ? floor : floor.add(BigInteger.ONE);
    }

    private static void requirePositive(Rational x, String function) {
        if (x.signum() <= 0) {
            throw new ArithmeticException(function + " of a non-positive number: " + x);
        }
    }

    private static void requireNonNegative(Rational x) {
        if (x.signum() < 0) {
            throw new ArithmeticException("sqrt of a negative number: " + x);
        }
    }

    private static boolean isPowerOfTwo(Rational x) {
        return x.signum() > 0 && x.numerator().bitCount() == 1 && x.denominator().bitCount() == 1;
    }

    private static int exponentOfTwo(BigInteger powerOfTwo) {
        return powerOfTwo.bitLength() - 1;
    }

    /** floor(log2(p/q)) for p, q > 0; p/q lies in (2^(b-1), 2^(b+1)) for b the difference of bit lengths. */
    private static int floorLog2Int(Rational x) {
        BigInteger p = x.numerator();
        BigInteger q = x.denominator();
        int b = p.bitLength() - q.bitLength();
        boolean atLeastTwoToTheB = b >= 0
                ? p.compareTo(q.shiftLeft(b)) >= 0
                : p.shiftLeft(-b).compareTo(q) >= 0;
        return atLeastTwoToTheB ? b : b - 1;
    }

    /** The k for which x / 2^k lies in [1/sqrt 2, sqrt 2), keeping the atanh series short. */
    private static int nearestPowerOfTwo(Rational x) {
        int k = floorLog2Int(x);
        Rational reduced = scaleByPowerOfTwo(x, -k);
        // reduced is in [1, 2); above sqrt 2, halving it lands in [1/sqrt 2, 1)
        return reduced.multiply(reduced).compareTo(TWO) >= 0 ? k + 1 : k;
    }

    /** z = (m - 1) / (m + 1) for m = x / 2^k, computed exactly so that ln m keeps its relative precision near 1. */
    private static Rational reducedArgument(Rational x, int k) {
        Rational m = scaleByPowerOfTwo(x, -k);
        return m.subtract(Rational.ONE).divide(m.add(Rational.ONE));
    }

    private static Rational scaleByPowerOfTwo(Rational x, int exponent) {
        return exponent >= 0
                ? Rational.of(x.numerator().shiftLeft(exponent), x.denominator())
                : Rational.of(x.numerator(), x.denominator().shiftLeft(-exponent));
    }

    /**
     * 2 atanh(z) = ln((1 + z) / (1 - z)) = 2 (z + z^3/3 + z^5/5 + ...), for |z| well below 1.
     * All terms have the sign of z, so their sum has no cancellation.
     */
    private static BigDecimal twiceAtanh(Rational z) {
        if (z.isZero()) {
            return BigDecimal.ZERO;
        }
        BigDecimal zDecimal = z.toBigDecimal(WORKING);
        BigDecimal zSquared = zDecimal.multiply(zDecimal, WORKING);
        BigDecimal power = zDecimal;
        BigDecimal sum = zDecimal;
        for (int n = 3; ; n += 2) {
            power = power.multiply(zSquared, WORKING);
            BigDecimal term = power.divide(BigDecimal.valueOf(n), WORKING);
            BigDecimal next = sum.add(term, WORKING);
            if (next.compareTo(sum) == 0) {
                return sum.multiply(BigDecimal.valueOf(2), WORKING);
            }
            sum = next;
        }
    }
}
