package org.hawkeye.engine.fuzz;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.hawkeye.engine.TestFiles;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Fuzzes the command line itself: every command with options drawn from what it takes, values from the valid
 * ones and the edges (huge and negative numbers, empty and garbage strings, paths that are folders, devices or
 * missing), options repeated, unknown or without their value.
 */
class CommandLineFuzzTest {
    private static final String[] COMMANDS = {"profile", "compare", "whatif", "explain", "frameworks", "bench"};
    private static final String[] OPTIONS = {"-f", "--framework", "--frameworks", "--format", "--output", "--depth",
        "--batch", "--strict", "--network", "--mode", "--loss", "--optimizer", "--rewrite", "--weights", "-P",
        "--specs", "--arg", "--runs", "--synthetic", "--help", "--version", "--nosuch", "-"};

    @TempDir
    static Path tmp;

    private static String value(String option, Random r) {
        if (r.nextInt(4) == 0) {
            return r.nextBoolean() ? Long.toString(Mutations.edgeLong(r)) : Mutations.edgeText(r);
        }
        return switch (option) {
            case "-f", "--framework" -> pick(r, "crypten", "cheetah", "delphi", "toy", "nosuch", "");
            case "--frameworks" -> pick(r, "all", "crypten,cheetah", "crypten,,", "nosuch");
            case "--format" -> pick(r, "text", "json", "csv", "html", "xml");
            case "--output" -> pick(r, tmp.resolve("out").toString(), tmp.toString(), "/dev/null",
                    tmp.resolve("no/such/out").toString());
            case "--depth", "--batch", "--runs" -> Long.toString(r.nextBoolean() ? r.nextInt(5) : Mutations.edgeLong(r));
            case "--network" -> pick(r, "lan", "wan", "1Gbps,0.5ms", "0Gbps,1ms", "1e999Gbps,1ms", "-1Mbps,-1ms",
                    "fast");
            case "--mode" -> pick(r, "inference", "training", "both");
            case "--loss" -> pick(r, "cross_entropy", "mse", "l1");
            case "--optimizer" -> pick(r, "sgd", "momentum", "adam", "lbfgs");
            case "--rewrite" -> pick(r, "relu=quad", "relu=poly:" + Mutations.edgeLong(r), "maxpool=avgpool@/x",
                    "gelu=quad", "softmax=2quad", "relu=", "=quad", "relu=quad@");
            case "--weights" -> pick(r, "secret", "public", "both");
            case "-P" -> pick(r, "precision_bits=" + Mutations.edgeLong(r), "ring_bits=1e-999999999", "nosuch=1",
                    "precision_bits", "=3", "precision_bits=0.5");
            case "--specs" -> pick(r, TestFiles.toySpecs().toString(), tmp.toString(), "/dev/null", "/nonexistent");
            case "--arg" -> pick(r, "n=" + Mutations.edgeLong(r), "n", "x=1", "n=1e9");
            case "--synthetic" -> pick(r, "1", "10,100", Long.toString(Mutations.edgeLong(r)), "a,b");
            default -> Mutations.edgeText(r);
        };
    }

    private static String pick(Random r, String... values) {
        return values[r.nextInt(values.length)];
    }

    static String[] args(Random r) {
        List<String> args = new ArrayList<>();
        args.add(r.nextInt(20) == 0 ? Mutations.edgeText(r) : pick(r, COMMANDS));
        String model = pick(r, TestFiles.lenet().toString(), TestFiles.resource("onnx/small/sigmoid.onnx").toString(),
                TestFiles.resource("onnx/robustness/conv_padz.onnx").toString(), tmp.toString(), "/dev/null",
                "/nonexistent.onnx");
        if (r.nextInt(5) != 0) {
            args.add(model);
        }
        if (r.nextInt(6) == 0) {
            args.add(model);
        }
        if (!args.contains("-f") && r.nextInt(4) != 0) {
            args.addAll(List.of("-f", pick(r, "crypten", "cheetah", "toy")));
        }
        for (int i = r.nextInt(5); i > 0; i--) {
            String option = pick(r, OPTIONS);
            args.add(option);
            if (r.nextInt(10) != 0 && !option.equals("--strict") && !option.equals("--help")
                    && !option.equals("--version")) {
                args.add(value(option, r));
            }
        }
        if (args.contains("toy") && r.nextBoolean()) {
            args.addAll(List.of("--specs", TestFiles.toySpecs().toString()));
        }
        // bench really runs what it is asked to: keep valid run counts and chains small enough for a test
        for (int i = 1; i < args.size(); i++) {
            if (args.get(i - 1).equals("--runs") && fitsAndExceeds(args.get(i), 3)) {
                args.set(i, "3");
            } else if (args.get(i - 1).equals("--synthetic") && fitsAndExceeds(args.get(i), 1000)) {
                args.set(i, "1000");
            }
        }
        return args.toArray(String[]::new);
    }

    private static boolean fitsAndExceeds(String value, long max) {
        try {
            long v = Long.parseLong(value.trim());
            return v > max && v <= Integer.MAX_VALUE;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    @Test
    void options() {
        FuzzOracle oracle = new FuzzOracle("command-line");
        qt().withExamples(FuzzOracle.inputs("command-line", 200)).withFixedSeed(FuzzOracle.FIRST_SEED).withShrinkCycles(0)
                .withUnlimitedTestingTime().forAll(longs().all()).checkAssert(seed -> {
                    String[] args = args(new Random(seed));
                    FuzzOracle.Outcome o = oracle.run(args, Mutations.utf8(String.join("\n", args)),
                            "args-" + seed + ".txt");
                    assertThat(o.failed()).as("seed %d: %s: %s %s", seed, String.join(" ", args), o.kind(),
                            o.err()).isFalse();
                });
    }

    @AfterAll
    static void counts() {
        System.out.print(FuzzOracle.report());
    }
}
