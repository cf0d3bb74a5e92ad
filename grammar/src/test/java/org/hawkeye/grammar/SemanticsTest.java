package org.hawkeye.grammar;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Exact values: decimals, big numbers, floored modulo, powers, logic, laziness and functions. */
class SemanticsTest {

    private static Rational eval(String text) {
        return Formula.parse(text).evaluate(Map.of());
    }

    private static Rational eval(String text, String variable, Rational value) {
        return Formula.parse(text).evaluate(Map.of(variable, value));
    }

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource(delimiter = '|', value = {
        "0.1 + 0.2 == 0.3 | 1",
        "0.1 + 0.2        | 3/10",
        "0.003            | 3/1000",
        "1e6              | 1000000",
        "2.5e-3           | 1/400",
        "1E+2             | 100",
        "1 / 3 * 3 == 1   | 1",
        "2 / 4            | 1/2",
        "1 / 3 + 1 / 6    | 1/2",
    })
    void decimalsAndQuotientsAreExact(String text, String expected) {
        assertThat(eval(text)).isEqualTo(Rational.parse(expected));
    }

    @Test
    void bigNumbersDoNotOverflow() {
        assertThat(eval("2^100 * 3")).isEqualTo(Rational.of(BigInteger.TWO.pow(100).multiply(BigInteger.valueOf(3))));
        assertThat(eval("2^64 + 1 - 2^64")).isEqualTo(Rational.ONE);
        assertThat(eval("10^30 / 10^28")).isEqualTo(Rational.of(100));
    }

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource(delimiter = '|', value = {
        "7 % 3         | 1",
        "-7 % 3        | 2",    // floored: takes the sign of the divisor, unlike Java's -1
        "7 % -3        | -2",
        "-7 % -3       | -1",
        "6 % 3         | 0",
        "7.5 % 2       | 3/2",
        "(1/3) % (1/4) | 1/12",
    })
    void moduloIsFloored(String text, String expected) {
        assertThat(eval(text)).isEqualTo(Rational.parse(expected));
    }

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource(delimiter = '|', value = {
        "2^10        | 1024",
        "2^0         | 1",
        "0^0         | 1",
        "2^-3        | 1/8",
        "(2/3)^-2    | 9/4",
        "(-2)^3      | -8",
        "(1/2)^2     | 1/4",
        "2^(6/3)     | 4",     // an integral rational is an integer exponent
        "1^1000000   | 1",
        "(-1)^-1000000 | 1",
    })
    void powersTakeIntegerExponents(String text, String expected) {
        assertThat(eval(text)).isEqualTo(Rational.parse(expected));
    }

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource(delimiterString = " => ", value = {
        "1 < 2 => 1", "2 < 2 => 0", "2 <= 2 => 1", "3 <= 2 => 0",
        "3 > 2 => 1", "2 > 2 => 0", "2 >= 2 => 1", "1 >= 2 => 0",
        "1/2 == 2/4 => 1", "1 == 2 => 0", "1 != 2 => 1", "2 != 2 => 0",
        "3 && 0.5 => 1", "3 && 0 => 0", "0 || -2 => 1", "0 || 0 => 0",
        "!0 => 1", "!7 => 0", "!!7 => 1",
    })
    void comparisonsAndLogicYieldOneOrZero(String text, String expected) {
        assertThat(eval(text)).isEqualTo(Rational.parse(expected));
    }

    @Test
    void conditionalEvaluatesOnlyTheTakenBranch() {
        Formula formula = Formula.parse("n == 0 ? 0 : 1/n");

        assertThat(formula.evaluate(Map.of("n", Rational.ZERO))).isEqualTo(Rational.ZERO);
        assertThat(formula.evaluate(Map.of("n", Rational.of(4)))).isEqualTo(Rational.of(1, 4));
        // an unbound variable in the branch not taken is not looked up
        assertThat(Formula.parse("1 ? 2 : unbound").evaluate(Map.of())).isEqualTo(Rational.of(2));
    }

    @Test
    void logicalOperatorsShortCircuit() {
        assertThat(eval("n != 0 && 1/n > 0", "n", Rational.ZERO)).isEqualTo(Rational.ZERO);
        assertThat(eval("n == 0 || 1/n > 0", "n", Rational.ZERO)).isEqualTo(Rational.ONE);
        assertThat(eval("n != 0 && 1/n > 0", "n", Rational.of(2))).isEqualTo(Rational.ONE);
    }

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource(delimiter = '|', value = {
        "ceil(-1/2)      | 0",
        "floor(-1/2)     | -1",
        "ceil(5)         | 5",
        "abs(-3/2)       | 3/2",
        "min(3, 1, 2)    | 1",
        "max(3, 1/2, 7)  | 7",
        "max(5)          | 5",
        "log2(1024)      | 10",
        "log2(1/8)       | -3",
        "log2(1)         | 0",
        "ln(1)           | 0",
        "sqrt(0)         | 0",
        "sqrt(144)       | 12",
        "sqrt(9/4)       | 3/2",
        "ceil(log2(1025))  | 11",
        "floor(log2(1025)) | 10",
        "ceil(log2(3/8))   | -1",
        "floor(log2(3/8))  | -2",
        "ceil(sqrt(17))    | 5",
        "floor(sqrt(17))   | 4",
        "ceil(sqrt(1/4))   | 1",
        "floor(sqrt(16))   | 4",
        "ceil((sqrt(16)))  | 4",
    })
    void functionsAreExactWhereTheResultIsRational(String text, String expected) {
        assertThat(eval(text)).isEqualTo(Rational.parse(expected));
    }

    @Test
    void roundingOfLogarithmsIsExactBeyondApproximation() {
        Rational twoTo200PlusOne = Rational.of(BigInteger.TWO.pow(200).add(BigInteger.ONE));

        assertThat(eval("ceil(log2(x))", "x", twoTo200PlusOne)).isEqualTo(Rational.of(201));
        assertThat(eval("floor(log2(x))", "x", twoTo200PlusOne)).isEqualTo(Rational.of(200));
        // the approximation alone cannot see the difference: it is within 10^-60 of 200
        assertThat(eval("ceil(log2(x) + 0)", "x", twoTo200PlusOne)).isEqualTo(Rational.of(200));
    }

    private static final String LN_2 = "0.693147180559945309417232121458176568075500134360255254120680009";
    private static final String LN_10 = "2.30258509299404568401799145468436420760110148862877297603332790096";
    private static final String SQRT_2 = "1.41421356237309504880168872420969807856967187537694807317667973799";

    @ParameterizedTest(name = "{0} ~ {1}")
    @CsvSource(delimiter = '|', value = {
        "ln(2)        | " + LN_2,
        "ln(10)       | " + LN_10,
        "ln(1/10)     | -" + LN_10,
        "ln(2^1000)   | 693." + "147180559945309417232121458176568075500134360255254120680009",
        "log2(10)     | 3.32192809488736234787031942948939017586483139302458061205475639581",
        "sqrt(2)      | " + SQRT_2,
        "sqrt(2/10^8) | 0.000" + "141421356237309504880168872420969807856967187537694807317667973799",
    })
    void approximationsHaveFiftySignificantDigits(String text, String reference) {
        BigDecimal expected = new BigDecimal(reference);

        BigDecimal error = eval(text).toBigDecimal(RationalMath.RESULT).subtract(expected).abs();

        assertThat(error).isLessThan(expected.abs().movePointLeft(50));
    }

    @Test
    void logarithmNearOneKeepsItsRelativePrecision() {
        // ln(1 + e) = e - e^2/2 + ... ; with e = 10^-40 the second term is 5 * 10^-81
        Rational x = Rational.ONE.add(Rational.of(BigInteger.ONE, BigInteger.TEN.pow(40)));
        BigDecimal expected = new BigDecimal("1e-40").subtract(new BigDecimal("5e-81"));

        BigDecimal error = eval("ln(x)", "x", x).toBigDecimal(RationalMath.RESULT).subtract(expected).abs();

        assertThat(error).isLessThan(expected.movePointLeft(50));
    }

    @Test
    void variablesComeFromEitherKindOfEnvironment() {
        Formula formula = Formula.parse("a * b");

        assertThat(formula.evaluate(Map.of("a", Rational.of(3), "b", Rational.of(1, 2)))).isEqualTo(Rational.of(3, 2));
        assertThat(formula.evaluate(name -> Rational.of(name.length() + 1))).isEqualTo(Rational.of(4));
    }
}
