package org.hawkeye.grammar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.math.BigInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RationalTest {

    @Test
    void isNormalizedWithAPositiveDenominator() {
        Rational value = Rational.of(6, -4);

        assertThat(value.numerator()).isEqualTo(BigInteger.valueOf(-3));
        assertThat(value.denominator()).isEqualTo(BigInteger.TWO);
        assertThat(value).hasToString("-3/2");
        assertThat(Rational.of(0, -5)).isEqualTo(Rational.ZERO).hasSameHashCodeAs(Rational.ZERO).hasToString("0");
        assertThat(Rational.of(10, 5)).isEqualTo(Rational.of(2)).hasToString("2");
    }

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource({
        "12, 12", "0.003, 3/1000", "1e6, 1000000", "2.5e-3, 1/400", "-2.5E+3, -2500",
        "+7, 7", ".5, 1/2", "3/1000, 3/1000", "-6/4, -3/2", "1e10000, 1e10000",
    })
    void parsesDecimalsScientificAndFractionsExactly(String text, String expected) {
        Rational value = Rational.parse(text);

        assertThat(value).isEqualTo(Rational.parse(expected));
        assertThat(Rational.parse(value.toString())).isEqualTo(value);
    }

    @Test
    void parsedDecimalsHaveTheirExactFraction() {
        assertThat(Rational.parse("0.003")).isEqualTo(Rational.of(3, 1000));
        assertThat(Rational.parse("2.5e-3")).isEqualTo(Rational.of(1, 400));
    }

    @ParameterizedTest
    @CsvSource({"abc", "1..2", "1e", "0x10", "1/2/3", "1 / 2", "''", "1e10001", "1e-99999999999999999999"})
    void rejectsMalformedOrHugeLiterals(String text) {
        assertThatThrownBy(() -> Rational.parse(text)).isInstanceOf(NumberFormatException.class);
    }

    @Test
    void fractionWithZeroDenominatorIsDivisionByZero() {
        assertThatThrownBy(() -> Rational.parse("1/0")).isInstanceOf(ArithmeticException.class)
                .hasMessage("division by zero");
        assertThatThrownBy(() -> Rational.of(1, 0)).isInstanceOf(ArithmeticException.class);
        assertThatThrownBy(() -> Rational.ONE.divide(Rational.ZERO)).hasMessage("division by zero");
    }

    @Test
    void arithmeticIsExact() {
        Rational third = Rational.of(1, 3);
        Rational sixth = Rational.of(1, 6);

        assertThat(third.add(sixth)).isEqualTo(Rational.of(1, 2));
        assertThat(third.subtract(sixth)).isEqualTo(sixth);
        assertThat(third.multiply(Rational.of(3))).isEqualTo(Rational.ONE);
        assertThat(third.divide(sixth)).isEqualTo(Rational.of(2));
        assertThat(third.negate()).isEqualTo(Rational.of(-1, 3));
        assertThat(Rational.of(-2, 3).abs()).isEqualTo(Rational.of(2, 3));
        assertThat(Rational.of(2, 3).pow(-2)).isEqualTo(Rational.of(9, 4));
        assertThat(third.min(sixth)).isSameAs(sixth);
        assertThat(third.max(sixth)).isSameAs(third);
    }

    @ParameterizedTest(name = "{0}: floor {1}, ceil {2}")
    @CsvSource({"7/2, 3, 4", "-7/2, -4, -3", "3, 3, 3", "-3, -3, -3", "1/1000, 0, 1", "-1/1000, -1, 0", "0, 0, 0"})
    void floorAndCeilRoundTheRightWay(String value, long floor, long ceil) {
        Rational rational = Rational.parse(value);

        assertThat(rational.floor()).isEqualTo(BigInteger.valueOf(floor));
        assertThat(rational.ceil()).isEqualTo(BigInteger.valueOf(ceil));
    }

    @Test
    void integersConvertExactlyAndFractionsDoNot() {
        assertThat(Rational.of(4, 2).isInteger()).isTrue();
        assertThat(Rational.of(4, 2).toBigIntegerExact()).isEqualTo(BigInteger.TWO);
        assertThat(Rational.of(1, 2).isInteger()).isFalse();
        assertThatThrownBy(() -> Rational.of(1, 2).toBigIntegerExact())
                .isInstanceOf(ArithmeticException.class).hasMessage("not an integer: 1/2");
    }

    @Test
    void comparesByValue() {
        assertThat(Rational.of(1, 3)).isLessThan(Rational.of(1, 2));
        assertThat(Rational.of(-1, 2)).isLessThan(Rational.of(-1, 3));
        assertThat(Rational.of(2, 4).compareTo(Rational.of(1, 2))).isZero();
        assertThat(Rational.of(5, 3)).isGreaterThan(Rational.of(4, 3));
        assertThat(Rational.of(3).signum()).isOne();
        assertThat(Rational.of(-1, 7).signum()).isEqualTo(-1);
    }

    @ParameterizedTest(name = "{0} to {1} digits = {2}")
    @CsvSource({
        "1/3, 3, 0.333", "2/3, 3, 0.667", "5/2, 3, 2.5", "42, 2, 42", "-1/1000, 2, 0",
        "1/8, 2, 0.12", "3/8, 2, 0.38", "10^30, 0, 1000000000000000000000000000000", "-7/4, 1, -1.8",
    })
    void printsRoundedDecimals(String value, int digits, String expected) {
        Rational rational = value.contains("^")
                ? Formula.parse(value).evaluate(name -> null)
                : Rational.parse(value);

        assertThat(rational.toDecimalString(digits)).isEqualTo(expected);
    }

    @Test
    void convertsFromAndToBigDecimal() {
        assertThat(Rational.of(new BigDecimal("-0.125"))).isEqualTo(Rational.of(-1, 8));
        assertThat(Rational.of(new BigDecimal("1.5E+3"))).isEqualTo(Rational.of(1500));
        assertThat(Rational.of(1, 4).doubleValue()).isEqualTo(0.25);
    }
}
