package org.hawkeye.grammar;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Precedence and associativity, each case chosen so that a different grouping gives a different value. */
class PrecedenceTest {

    private static Rational eval(String text) {
        return Formula.parse(text).evaluate(Map.of());
    }

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource(delimiterString = " => ", value = {
        "2^3^2 => 512",           // right-associative: (2^3)^2 is 64
        "(2^3)^2 => 64",
        "-2^2 => -4",             // ^ binds tighter than unary minus: (-2)^2 is 4
        "-2^-2 => -1/4",
        "2^-1 => 1/2",            // an exponent may start with a unary minus
        "-2*3 => -6",
        "-2 + 3 => 1",            // -(2 + 3) is -5
        "2*-3 => -6",
        "7 - -2 => 9",
        "--3 => 3",
        "1 - 2 - 3 => -4",        // left-associative: 1 - (2 - 3) is 2
        "8 / 4 / 2 => 1",         // 8 / (4 / 2) is 4
        "2 ^ 2 * 3 => 12",        // 2^(2*3) is 64
        "2 * 3 ^ 2 => 18",        // (2*3)^2 is 36
        "2*3 + 4*5 => 26",
        "10 - 4 % 3 => 9",        // % binds like *: (10 - 4) % 3 is 0
        "1 + 2 < 4 => 1",         // 1 + (2 < 4) is 2
        "3 > 2 > 1 => 0",         // 3 > (2 > 1) is 1
        "1 < 2 == 1 => 1",        // 1 < (2 == 1) is 0
        "!0 + 1 => 2",            // !(0 + 1) is 0
        "!0 == 2 => 0",           // !(0 == 2) is 1
        "-1 < 0 => 1",            // -(1 < 0) is 0
        "1 || 0 && 0 => 1",       // && binds tighter: (1 || 0) && 0 is 0
        "0 && 1 || 1 => 1",       // 0 && (1 || 1) is 0
        "1 + 1 ? 5 : 6 => 5",     // the conditional binds loosest: 1 + (1 ? 5 : 6) is 6
        "1 ? 5 : 0 || 0 => 5",    // (1 ? 5 : 0) || 0 is 1
        "1 ? 2 : 3 + 4 => 2",     // (1 ? 2 : 3) + 4 is 6
        "1 ? 1 : 0 ? 2 : 3 => 1", // right-associative: (1 ? 1 : 0) ? 2 : 3 is 2
        "1 ? 0 ? 4 : 5 : 6 => 5", // a conditional in the middle needs no parentheses
    })
    void groupsAsInMathematics(String text, String expected) {
        assertThat(eval(text)).isEqualTo(Rational.parse(expected));
    }

    @ParameterizedTest(name = "a={0} c={1}")
    @CsvSource({"1, 0, 10", "1, 1, 10", "0, 1, 20", "0, 0, 30"})
    void nestedConditionalsAssociateToTheRight(int a, int c, int expected) {
        Formula formula = Formula.parse("a ? b : c ? d : e");

        Rational value = formula.evaluate(Map.of("a", Rational.of(a), "b", Rational.of(10),
                "c", Rational.of(c), "d", Rational.of(20), "e", Rational.of(30)));

        assertThat(value).isEqualTo(Rational.of(expected));
    }

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource(delimiter = '|', value = {
        "2*l*n              | 800",
        "ceil(log2(l))+2    | 8",     // log2 40 = 5.32
        "n > 1 ? 2*n : 0    | 20",
        "16 * (l + n)       | 800",
        "floor(ln(l))       | 3",     // ln 40 = 3.69
        "l*n/8 + ceil(l/3)  | 64",    // 50 + ceil(13.33)
    })
    void specFormulasEvaluate(String text, String expected) {
        Map<String, Rational> environment = Map.of("l", Rational.of(40), "n", Rational.of(10));

        assertThat(Formula.parse(text).evaluate(environment)).isEqualTo(Rational.parse(expected));
    }
}
