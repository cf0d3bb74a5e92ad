package org.hawkeye.engine.generate;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.util.List;
import java.util.Optional;
import java.util.function.LongFunction;
import org.hawkeye.grammar.Rational;
import org.junit.jupiter.api.Test;

/** Exact fits: the lowest degree through the first points that every later point confirms, or none. */
class PolynomialTest {

    private static List<BigInteger> ys(List<Long> xs, LongFunction<BigInteger> f) {
        return xs.stream().map(f::apply).toList();
    }

    @Test
    void aQuadraticIsFittedOnThreePointsAndConfirmedOnTheRest() {
        List<Long> xs = List.of(16L, 32L, 64L, 128L, 256L);
        // 86944 s^2 + 3653968 s + 9256960, the shape of an encoder's bits in its sequence length
        Optional<Polynomial.Fit> fit = Polynomial.fit("seq", xs, ys(xs, s -> BigInteger.valueOf(86944 * s * s
                + 3653968 * s + 9256960)));
        assertThat(fit).isPresent();
        assertThat(fit.get().fittedOn()).isEqualTo(3);
        assertThat(fit.get().confirmedOn()).isEqualTo(2);
        assertThat(fit.get().polynomial().toString()).isEqualTo("86944*seq^2 + 3653968*seq + 9256960");
        assertThat(fit.get().polynomial().at(1000)).isEqualTo(Rational.of(86944L * 1000 * 1000 + 3653968L * 1000
                + 9256960));
    }

    @Test
    void rationalCoefficientsStayExact() {
        List<Long> xs = List.of(1L, 2L, 3L, 4L);
        // n(n+1)/2: coefficients 1/2, 1/2, 0
        Optional<Polynomial.Fit> fit = Polynomial.fit("n", xs, ys(xs, n -> BigInteger.valueOf(n * (n + 1) / 2)));
        assertThat(fit.get().polynomial().toString()).isEqualTo("1/2*n^2 + 1/2*n");
        assertThat(fit.get().polynomial().coefficient(0)).isEqualTo(Rational.ZERO);
    }

    @Test
    void aLogarithmIsNoPolynomialAndSaysSo() {
        List<Long> xs = List.of(16L, 32L, 64L, 128L, 256L);
        // rounds of a tree reduction: 10 * log2(n)
        List<BigInteger> ys = ys(xs, n -> BigInteger.valueOf(10 * (63 - Long.numberOfLeadingZeros(n))));
        assertThat(Polynomial.fit("seq", xs, ys)).isEmpty();
        assertThat(Polynomial.describe(Optional.empty(), 5))
                .isEqualTo("not a polynomial of degree 3 or less over these 5 points");
        assertThat(Polynomial.describe(Optional.empty(), 2)).startsWith("not constant");
    }

    @Test
    void oneMorePointIsNeededToConfirmAFit() {
        // two points fix a line but confirm only a constant: a line is not claimed
        assertThat(Polynomial.fit("x", List.of(1L, 2L), List.of(BigInteger.ONE, BigInteger.TWO))).isEmpty();
        assertThat(Polynomial.fit("x", List.of(1L, 2L), List.of(BigInteger.TWO, BigInteger.TWO)).get()
                .polynomial().toString()).isEqualTo("2");
    }

    @Test
    void aStepFunctionSplitsIntoExactPieces() {
        // 6044 rounds up to a threshold, 6242 after it, as a max over the cache whose steps grow with ln(d)
        List<Long> xs = List.of(128L, 129L, 130L, 131L, 132L, 133L);
        List<BigInteger> ys = ys(xs, c -> BigInteger.valueOf(c < 131 ? 6044 : 6242));
        List<Polynomial.Piece> pieces = Polynomial.pieces("cache", xs, ys, 2);
        assertThat(pieces).hasSize(2);
        assertThat(pieces.get(0).from()).isEqualTo(128);
        assertThat(pieces.get(0).to()).isEqualTo(130);
        assertThat(pieces.get(0).fit().polynomial().toString()).isEqualTo("6044");
        assertThat(pieces.get(1).from()).isEqualTo(131);
        assertThat(pieces.get(1).fit().confirmedOn()).isEqualTo(2);
    }

    @Test
    void negativeAndUnitCoefficientsReadNaturally() {
        assertThat(Polynomial.interpolate("x", List.of(0L, 1L, 2L), List.of(BigInteger.valueOf(3),
                BigInteger.valueOf(3), BigInteger.valueOf(1))).toString()).isEqualTo("-x^2 + x + 3");
    }
}
