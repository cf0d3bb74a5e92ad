package org.hawkeye.engine.fuzz;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.hawkeye.engine.cli.HawkeyeCommand;

/**
 * The oracle every fuzzed input is held to: the command line either reports (exit 0) or prints exactly one line
 * starting "hawkeye: " and exits with 2. A stack trace, an internal error (exit 1), a second line, an escaping
 * Throwable (stack overflow, out of memory) or a run past the per-input time limit is a failure; the input is
 * saved under {@code target/fuzz-failures/<loader>/} to be turned into a regression test.
 *
 * <p>The time limit is not a speed requirement: it is minutes above the slowest input seen (a cold rule-base
 * build), there only to turn a hang into a failure with its input.
 */
final class FuzzOracle {
    /** Per-input time limit, in seconds ({@code -Dhawkeye.fuzz.timeout}). */
    static final long TIMEOUT_SECONDS = Long.getLong("hawkeye.fuzz.timeout", 120);
    /**
     * Inputs for {@code loader}: {@code -Dhawkeye.fuzz.inputs.<loader>}, else {@code -Dhawkeye.fuzz.inputs}, else
     * the CI default, which keeps the whole run to a few minutes.
     */
    static int inputs(String loader, int ciDefault) {
        return Integer.getInteger("hawkeye.fuzz.inputs." + loader, Integer.getInteger("hawkeye.fuzz.inputs",
                ciDefault));
    }

    /** The first seed ({@code -Dhawkeye.fuzz.seed}); inputs are seed, seed + 1, ... so any one is replayable. */
    static final long FIRST_SEED = Long.getLong("hawkeye.fuzz.seed", 16);

    /** Counts are also written after every this many inputs of a loader. */
    private static final int CHECKPOINT = 100;
    /** Counts per loader and outcome, over the whole test run; printed and written at the end of each test. */
    private static final Map<String, Map<String, Integer>> COUNTS = new TreeMap<>();

    /** One run's outcome. */
    record Outcome(String kind, int code, String out, String err) {
        boolean failed() {
            return kind.startsWith("FAIL");
        }
    }

    private final String loader;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        // a large stack: a stack overflow must come from unbounded recursion, not a small default
        Thread t = new Thread(null, r, "fuzz", 64L << 20);
        t.setDaemon(true);
        return t;
    });

    FuzzOracle(String loader) {
        this.loader = loader;
    }

    /** Runs the command line on {@code args}; {@code input} is saved if the outcome is a failure. */
    Outcome run(String[] args, byte[] input, String inputName) {
        Outcome o = execute(args);
        boolean checkpoint;
        synchronized (COUNTS) {
            COUNTS.computeIfAbsent(loader, k -> new TreeMap<>()).merge(o.kind(), 1, Integer::sum);
            checkpoint = COUNTS.get(loader).values().stream().mapToInt(Integer::intValue).sum() % CHECKPOINT == 0;
        }
        if (checkpoint) {
            report();   // a long run that is stopped early still leaves its counts so far
        }
        if (o.failed()) {
            save(input, inputName, args, o);
        }
        return o;
    }

    private Outcome execute(String[] args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        Future<Integer> f = worker.submit(() -> HawkeyeCommand.execute(args, new PrintWriter(out),
                new PrintWriter(err)));
        int code;
        try {
            code = f.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            f.cancel(true);
            return new Outcome("FAIL hang", -1, "", "no result after " + TIMEOUT_SECONDS + " s");
        } catch (Exception e) {
            return new Outcome("FAIL throwable", -1, "", String.valueOf(e.getCause()));
        }
        return classify(code, out.toString(), err.toString());
    }

    static Outcome classify(int code, String out, String err) {
        boolean javaLeak = err.contains("Exception") || err.contains("\tat ") || err.contains("java.lang");
        if (code == 0 && !javaLeak && !err.contains("internal error")) {
            return new Outcome("ok (exit 0)", code, out, err);
        }
        long lines = err.strip().lines().filter(l -> !l.startsWith("[") && !l.startsWith("hawkeye: warning")).count();
        if (code == 2 && !javaLeak && lines == 1 && err.strip().lines().anyMatch(l -> l.startsWith("hawkeye: "))) {
            return new Outcome("user error (exit 2, one line)", code, out, err);
        }
        return new Outcome("FAIL exit " + code, code, out, err);
    }

    private void save(byte[] input, String name, String[] args, Outcome o) {
        try {
            Path dir = Path.of("target", "fuzz-failures", loader);
            Files.createDirectories(dir);
            Files.write(dir.resolve(name), input);
            Files.writeString(dir.resolve(name + ".txt"), String.join(" ", args) + "\n" + o.kind() + "\n" + o.err());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The counts so far, one line per loader and outcome; also written to target/fuzz-counts.txt. */
    static String report() {
        StringBuilder sb = new StringBuilder();
        synchronized (COUNTS) {
            COUNTS.forEach((loader, byKind) -> byKind.forEach((kind, n) ->
                    sb.append(String.format("%-22s %-32s %8d%n", loader, kind, n))));
        }
        try {
            Files.createDirectories(Path.of("target"));
            Files.writeString(Path.of("target", "fuzz-counts.txt"), sb.toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return sb.toString();
    }
}
