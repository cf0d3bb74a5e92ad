package org.hawkeye.grammar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.bigIntegers;
import static org.quicktheories.generators.SourceDSL.integers;

import java.math.BigInteger;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.quicktheories.QuickTheory;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/** Formula results against BigInteger arithmetic on random inputs. */
class FormulaPropertiesTest {

    private static final Formula CEIL_LOG2 = Formula.parse("ceil(log2(x))");
    private static final Formula FLOOR_LOG2 = Formula.parse("floor(log2(x))");
    private static final Formula CEIL_SQRT = Formula.parse("ceil(sqrt(x))");
    private static final Formula FLOOR_SQRT = Formula.parse("floor(sqrt(x))");

    /** A fixed number of examples and no time budget: the run must not depend on machine speed. */
    private static QuickTheory theory() {
        return qt().withUnlimitedTestingTime().withExamples(1000);
    }

    /**
     * Positive integers below 2^300, weighted towards the values where logarithms and roots are
     * easy to get wrong: powers of two, their neighbours, and perfect squares with neighbours.
     */
    private static Gen<BigInteger> positiveUpTo2To300() {
        Gen<Integer> bits = integers().between(1, 300);
        Gen<BigInteger> below2ToBits = bits.zip(bigIntegers().ofBytes(38),
                (k, random) -> random.abs().mod(BigInteger.ONE.shiftLeft(k)).add(BigInteger.ONE));
        Gen<BigInteger> powerOfTwoNeighbours = integers().between(0, 299).zip(integers().between(-1, 1),
                (k, delta) -> BigInteger.ONE.shiftLeft(k).add(BigInteger.valueOf(delta)).max(BigInteger.ONE));
        Gen<BigInteger> squareNeighbours = integers().between(1, 150).zip(bigIntegers().ofBytes(19),
                integers().between(-1, 1), (k, random, delta) -> {
                    BigInteger root = random.abs().mod(BigInteger.ONE.shiftLeft(k)).add(BigInteger.ONE);
                    return root.pow(2).add(BigInteger.valueOf(delta)).max(BigInteger.ONE);
                });
        return Generate.oneOf(below2ToBits, powerOfTwoNeighbours, squareNeighbours);
    }

    private static Rational evaluate(Formula formula, Rational x) {
        return formula.evaluate(Map.of("x", x));
    }

    private static boolean isPowerOfTwo(BigInteger x) {
        return x.bitCount() == 1;
    }

    @Test
    void roundedLog2OfIntegersMatchesBitLength() {
        theory().forAll(positiveUpTo2To300()).checkAssert(x -> {
            BigInteger floor = BigInteger.valueOf(x.bitLength() - 1);
            BigInteger ceil = isPowerOfTwo(x) ? floor : floor.add(BigInteger.ONE);

            assertThat(evaluate(FLOOR_LOG2, Rational.of(x))).isEqualTo(Rational.of(floor));
            assertThat(evaluate(CEIL_LOG2, Rational.of(x))).isEqualTo(Rational.of(ceil));
        });
    }

    @Test
    void roundedLog2OfAReciprocalIsTheNegatedOppositeRounding() {
        theory().forAll(positiveUpTo2To300()).checkAssert(x -> {
            Rational reciprocal = Rational.ONE.divide(Rational.of(x));

            assertThat(evaluate(FLOOR_LOG2, reciprocal)).isEqualTo(evaluate(CEIL_LOG2, Rational.of(x)).negate());
            assertThat(evaluate(CEIL_LOG2, reciprocal)).isEqualTo(evaluate(FLOOR_LOG2, Rational.of(x)).negate());
        });
    }

    @Test
    void roundedSqrtOfIntegersMatchesBigIntegerSqrt() {
        theory().forAll(positiveUpTo2To300()).checkAssert(x -> {
            BigInteger floor = x.sqrt();
            BigInteger ceil = floor.pow(2).equals(x) ? floor : floor.add(BigInteger.ONE);

            assertThat(evaluate(FLOOR_SQRT, Rational.of(x))).isEqualTo(Rational.of(floor));
            assertThat(evaluate(CEIL_SQRT, Rational.of(x))).isEqualTo(Rational.of(ceil));
        });
    }

    @Test
    void integerArithmeticMatchesBigInteger() {
        theory().forAll(ArithmeticExpressions.upToDepth(5)).checkAssert(expression ->
                assertThat(Formula.parse(expression.text()).evaluate(Map.of()))
                        .as(expression.text())
                        .isEqualTo(Rational.of(expression.value())));
    }

    @Test
    void printedFractionsParseBackToTheirValue() {
        Gen<Rational> fractions = bigIntegers().ofBytes(12).zip(bigIntegers().ofBytes(6),
                (numerator, denominator) -> Rational.of(numerator, denominator.abs().add(BigInteger.ONE)));
        theory().forAll(fractions).checkAssert(value ->
                assertThat(Rational.parse(value.toString())).isEqualTo(value));
    }
}
