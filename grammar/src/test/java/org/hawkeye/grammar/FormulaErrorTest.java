package org.hawkeye.grammar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every error kind, with its exact message and position inside the formula. */
class FormulaErrorTest {

    private static FormulaException parseError(String text) {
        return catchThrowableOfType(FormulaException.class, () -> Formula.parse(text));
    }

    private static FormulaException evaluationError(String text) {
        Formula formula = Formula.parse(text);
        return catchThrowableOfType(FormulaException.class, () -> formula.evaluate(Map.of("n", Rational.ZERO)));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
        "2 # 3     | 1:3: unexpected character '#'",
        "a & b     | 1:3: unexpected character '&'",
        "a = b     | 1:3: unexpected character '='",
        "1.5.3     | 1:4: unexpected character '.'",
        "2 +* 3    | 1:4: unexpected token '*'",
        "1 2       | 1:3: unexpected token '2'",
        "2x        | 1:2: unexpected token 'x'",
        ")         | 1:1: unexpected token ')'",
        "f(1,)     | 1:5: unexpected token ')'",
        "a ? b     | 1:6: unexpected end of formula",
        "(1 + 2    | 1:7: unexpected end of formula",
        "max(1, 2  | 1:9: unexpected end of formula",
        "1 +       | 1:4: unexpected end of formula",
        "1e10001   | 1:1: number out of range: '1e10001'",
    })
    void syntaxErrorsStopAtTheFirstError(String text, String message) {
        FormulaException error = parseError(text);

        assertThat(error).hasMessage(message);
    }

    @Test
    void positionsCountLinesAndColumnsWithinTheFormula() {
        String text = "a +\n  b *\n  )";

        FormulaException error = parseError(text);

        assertThat(error.reason()).isEqualTo("unexpected token ')'");
        assertThat(error.offset()).isEqualTo(12);
        assertThat(text.charAt(error.offset())).isEqualTo(')');
        assertThat(error.line()).isEqualTo(3);
        assertThat(error.column()).isEqualTo(3);
        assertThat(error).hasMessage("3:3: unexpected token ')'");
    }

    @Test
    void endOfFormulaIsReportedJustPastTheText() {
        FormulaException error = parseError("2 *\n  (1 +");

        assertThat(error).hasMessage("2:7: unexpected end of formula");
        assertThat(error.offset()).isEqualTo(10);
    }

    @Test
    void charactersBeyondTheBasicPlaneAreReportedWhole() {
        FormulaException error = parseError("1 + \uD83D\uDE00");

        assertThat(error).hasMessage("1:5: unexpected character '\uD83D\uDE00'");
        assertThat(error.offset()).isEqualTo(4);
    }

    @Test
    void controlCharactersAreEscapedInTheMessage() {
        assertThat(parseError("1 \u0007")).hasMessage("1:3: unexpected character '\\u0007'");
    }

    @ParameterizedTest(name = "[{0}]")
    @CsvSource(value = {"''", "'   '", "' \n\t '"})
    void emptyFormulaIsAnError(String text) {
        assertThat(parseError(text)).hasMessage("1:1: empty formula");
    }

    @Test
    void nestingIsLimitedToSixtyFourLevels() {
        String deepest = "(".repeat(63) + "x" + ")".repeat(63);
        String tooDeep = "(".repeat(64) + "x" + ")".repeat(64);

        assertThat(Formula.parse(deepest).variables()).containsExactly("x");
        FormulaException error = parseError(tooDeep);
        assertThat(error).hasMessage("1:65: formula nests deeper than 64 levels");
        assertThat(error.offset()).isEqualTo(64);
    }

    @Test
    void runawayNestingIsAnErrorNotAStackOverflow() {
        assertThat(parseError("(".repeat(5_000)).reason()).isEqualTo("formula nests deeper than 64 levels");
        assertThat(parseError("-".repeat(5_000) + "1").reason()).isEqualTo("formula nests deeper than 64 levels");
        assertThat(parseError("2^".repeat(4_000) + "1").reason()).isEqualTo("formula nests deeper than 64 levels");
    }

    /** Issue 16: a formula of 10^5 terms overflowed the stack when its tree was built and evaluated. */
    @Test
    void aFormulaOfAHundredThousandTermsIsAnErrorNotAStackOverflow() {
        assertThat(parseError("n" + "+n".repeat(100_000)).reason())
                .isEqualTo("formula of 200001 characters, more than 10000");
        // within the length limit, a chain of operators deeper than the tree limit
        FormulaException e = parseError("n" + "+n".repeat(4_000));
        assertThat(e.reason()).isEqualTo("formula too long: its operators nest more than 400 levels deep (split"
                + " it, or use a repeat count)");
        // a chain within both limits parses and evaluates
        assertThat(Formula.parse("n" + "+n".repeat(300)).evaluate(java.util.Map.of("n", Rational.of(2))))
                .isEqualTo(Rational.of(602));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
        "lg(x)           | 1:1: unknown function 'lg' (known: abs, ceil, floor, ln, log2, max, min, sqrt)",
        "1 + Ceil(x)     | 1:5: unknown function 'Ceil' (known: abs, ceil, floor, ln, log2, max, min, sqrt)",
        "ceil(1, 2)      | 1:1: function 'ceil' takes 1 argument, got 2",
        "2 * sqrt()      | 1:5: function 'sqrt' takes 1 argument, got 0",
        "min()           | 1:1: function 'min' takes at least 1 argument, got 0",
        "ceil(lg(1), 2)  | 1:1: function 'ceil' takes 1 argument, got 2",
        "abs(lg(1))      | 1:5: unknown function 'lg' (known: abs, ceil, floor, ln, log2, max, min, sqrt)",
    })
    void functionsAreCheckedWhenParsing(String text, String message) {
        assertThat(parseError(text)).hasMessage(message);
    }

    @Test
    void checkReportsTheFirstUnknownVariableWithTheKnownOnesSorted() {
        Formula formula = Formula.parse("n * nbit + zeta");

        FormulaException error = catchThrowableOfType(FormulaException.class,
                () -> formula.check(Set.of("n", "b", "a")));

        assertThat(error).hasMessage("1:5: unknown variable 'nbit' (known: a, b, n)");
        assertThat(error.reason()).isEqualTo("unknown variable 'nbit' (known: a, b, n)");
    }

    @Test
    void checkPointsAtTheFirstOccurrence() {
        Formula formula = Formula.parse("n +\n x * x");

        FormulaException error = catchThrowableOfType(FormulaException.class, () -> formula.check(Set.of()));

        assertThat(error).hasMessage("1:1: unknown variable 'n' (known: none)");
        formula.check(Set.of("n", "x"));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
        "1 / n                | 1:3: division by zero",
        "1 + 2 / (n * 3)      | 1:7: division by zero",
        "5 % n                | 1:3: modulo by zero",
        "log2(n)              | 1:1: log2 of a non-positive number: 0",
        "1 + ln(n - 1/2)      | 1:5: ln of a non-positive number: -1/2",
        "sqrt(n - 1/4)        | 1:1: sqrt of a negative number: -1/4",
        "ceil(log2(n))        | 1:6: log2 of a non-positive number: 0",
        "floor(sqrt(n - 1))   | 1:7: sqrt of a negative number: -1",
        "2 ^ (1/2)            | 1:3: non-integer exponent 1/2",
        "2 ^ 1000001          | 1:3: exponent 1000001 is out of range (at most 1000000 in magnitude)",
        "2 ^ -1000001         | 1:3: exponent -1000001 is out of range (at most 1000000 in magnitude)",
        "n ^ -1               | 1:3: division by zero",
        "(2^100) ^ 1000000    | 1:9: power too large: about 101000000 bits (at most 16777216)",
        "n + missing          | 1:5: unknown variable 'missing'",
    })
    void evaluationErrorsPointAtTheOffendingOperatorCallOrVariable(String text, String message) {
        assertThat(evaluationError(text)).hasMessage(message);
    }

    @Test
    void evaluationErrorsOnLaterLinesCarryTheirLine() {
        FormulaException error = evaluationError("n > 0\n  ? 1\n  : 1 / n");

        assertThat(error).hasMessage("3:7: division by zero");
        assertThat(error.offset()).isEqualTo(18);
        assertThat(error.reason()).isEqualTo("division by zero");
    }

    @Test
    void functionEnvironmentReturningNullMeansUnknown() {
        Formula formula = Formula.parse("a + b");

        FormulaException error = catchThrowableOfType(FormulaException.class,
                () -> formula.evaluate(name -> name.equals("a") ? Rational.ONE : null));

        assertThat(error).hasMessage("1:5: unknown variable 'b'");
    }

    @Test
    void errorsPrintNothing() {
        PrintStream originalErr = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            parseError("2 +* 3");
            parseError("2 # 3");
            parseError("(1");
            parseError("a ? b : c ? d e");
        } finally {
            System.setErr(originalErr);
        }
        assertThat(captured.toString(StandardCharsets.UTF_8)).isEmpty();
    }
}
