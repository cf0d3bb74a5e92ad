package org.hawkeye.grammar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * Fuzzes the formula loader: random formulas from the grammar (operators, calls, conditionals, numbers at the
 * edges), then character-level damage. Parsing either gives a formula or a FormulaException, and so does
 * evaluating it; any other exception, a stack overflow, or no answer within the per-input time limit (a hang
 * detector minutes above any real formula, not a speed requirement) fails. {@code -Dhawkeye.fuzz.inputs=10000}
 * makes the long run.
 */
class FormulaFuzzTest {
    private static final String[] FUNCTIONS = {"abs", "ceil", "floor", "ln", "log2", "max", "min", "sqrt", "lg"};
    private static final String[] NUMBERS = {"0", "1", "2", "0.5", "1e6", "2.5e-3", "1e999999999", "1e-1000000",
        "4611686018427387904", "99999999999999999999", "0.000001"};
    private static final String[] OPERATORS = {"+", "-", "*", "/", "%", "^", "<", "<=", ">", ">=", "==", "!=", "&&",
        "||"};
    private static final String STRAY = "()+-*/^?:,!<=&|.e0#\u0000";
    private static final long TIMEOUT_SECONDS = Long.getLong("hawkeye.fuzz.timeout", 120);
    private static final Map<String, Integer> COUNTS = new TreeMap<>();

    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(null, r, "fuzz", 64L << 20);
        t.setDaemon(true);
        return t;
    });

    static String expression(Random r, int depth) {
        if (depth <= 0 || r.nextInt(4) == 0) {
            return r.nextBoolean() ? NUMBERS[r.nextInt(NUMBERS.length)] : "abcnxy".charAt(r.nextInt(6)) + "";
        }
        return switch (r.nextInt(6)) {
            case 0 -> "(" + expression(r, depth - 1) + ")";
            case 1 -> FUNCTIONS[r.nextInt(FUNCTIONS.length)] + "(" + expression(r, depth - 1)
                    + (r.nextInt(4) == 0 ? ", " + expression(r, depth - 1) : "") + ")";
            case 2 -> (r.nextBoolean() ? "-" : "!") + expression(r, depth - 1);
            case 3 -> expression(r, depth - 1) + " ? " + expression(r, depth - 1) + " : " + expression(r, depth - 1);
            case 4 -> expression(r, depth - 1) + (" " + OPERATORS[r.nextInt(OPERATORS.length)] + " "
                    + expression(r, 0)).repeat(1 + r.nextInt(r.nextInt(50) == 0 ? 3000 : 4));
            default -> expression(r, depth - 1) + " " + OPERATORS[r.nextInt(OPERATORS.length)] + " "
                    + expression(r, depth - 1);
        };
    }

    static String damage(String s, Random r) {
        StringBuilder sb = new StringBuilder(s);
        for (int i = r.nextInt(3); i > 0 && sb.length() > 0; i--) {
            int at = r.nextInt(sb.length());
            switch (r.nextInt(3)) {
                case 0 -> sb.deleteCharAt(at);
                case 1 -> sb.insert(at, STRAY.charAt(r.nextInt(STRAY.length())));
                default -> sb.insert(at, "(".repeat(r.nextInt(100)));
            }
        }
        return sb.toString();
    }

    private String outcome(String text, Map<String, Rational> env) {
        Future<String> f = worker.submit(() -> {
            Formula formula;
            try {
                formula = Formula.parse(text);
            } catch (FormulaException e) {
                return "parse error";
            }
            try {
                formula.evaluate(env);
                return "evaluated";
            } catch (FormulaException e) {
                return "evaluation error";
            }
        });
        try {
            return f.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            f.cancel(true);
            return "FAIL hang";
        } catch (Exception e) {
            return "FAIL " + e.getCause();
        }
    }

    @Test
    void formulas() {
        qt().withExamples(Integer.getInteger("hawkeye.fuzz.inputs.formulas",
                        Integer.getInteger("hawkeye.fuzz.inputs", 2000)))
                .withFixedSeed(Long.getLong("hawkeye.fuzz.seed", 16)).withShrinkCycles(0).withUnlimitedTestingTime()
                .forAll(longs().all()).checkAssert(seed -> {
                    Random r = new Random(seed);
                    String text = damage(expression(r, r.nextInt(8)), r);
                    Map<String, Rational> env = new HashMap<>();
                    for (String v : new String[] {"a", "b", "c", "n", "x"}) {
                        env.put(v, Rational.of(new long[] {0, 1, -1, 7, 1L << 62, 64}[r.nextInt(6)]));
                    }
                    String o = outcome(text, env);
                    COUNTS.merge(o.startsWith("FAIL") ? "FAIL" : o, 1, Integer::sum);
                    assertThat(o).as("seed %d: %s", seed, text).doesNotStartWith("FAIL");
                });
    }

    @AfterAll
    static void counts() {
        COUNTS.forEach((k, n) -> System.out.printf("%-22s %-32s %8d%n", "formulas", k, n));
    }
}
