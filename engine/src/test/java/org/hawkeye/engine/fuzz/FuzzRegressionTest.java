package org.hawkeye.engine.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.hawkeye.engine.TestFiles;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Replays every bad model ever found (issue 16's in onnx/robustness/, the fuzzers' in fuzz/onnx/) under every
 * framework, for inference and a training step: each must still end in a report or one line.
 */
class FuzzRegressionTest {

    static List<Path> models() throws IOException {
        List<Path> out = new ArrayList<>();
        for (String dir : new String[] {"onnx/robustness", "fuzz/onnx"}) {
            Path d;
            try {
                d = TestFiles.resource(dir);
            } catch (IllegalStateException absent) {
                continue;
            }
            try (Stream<Path> files = Files.list(d)) {
                files.filter(f -> f.toString().endsWith(".onnx")).sorted().forEach(out::add);
            }
        }
        assertThat(out).hasSizeGreaterThan(20);
        return out;
    }

    /**
     * The fuzzers' finds replayed exactly: each {@code fuzz/onnx/X.onnx} with the options of {@code X.onnx.args}
     * it failed with (the first: a --batch past 2^53 was an internal error).
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("models")
    void aFuzzFindRunsAsItFailedOnce(Path model) throws IOException {
        Path argsFile = model.resolveSibling(model.getFileName() + ".args");
        if (!Files.exists(argsFile)) {
            return; // a model of onnx/robustness, replayed below under every framework
        }
        List<String> args = new ArrayList<>(List.of("profile", model.toString()));
        args.addAll(List.of(Files.readString(argsFile).strip().split(" ")));
        FuzzOracle.Outcome o = new FuzzOracle("regression").run(args.toArray(String[]::new),
                Files.readAllBytes(model), model.getFileName().toString());
        assertThat(o.failed()).as("%s: %s %s", args, o.kind(), o.err()).isFalse();
        assertThat(o.code()).isEqualTo(2);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("models")
    void everyFrameworkAndModeKeepsTheOracle(Path model) throws IOException {
        FuzzOracle oracle = new FuzzOracle("regression");
        byte[] input = Files.readAllBytes(model);
        for (String framework : OnnxFuzzTest.FRAMEWORKS) {
            for (String[] extra : new String[][] {{"--batch", "2"}, {"--mode", "training"}}) {
                List<String> args = new ArrayList<>(List.of("profile", model.toString(), "-f", framework));
                args.addAll(List.of(extra));
                FuzzOracle.Outcome o = oracle.run(args.toArray(String[]::new), input,
                        model.getFileName().toString());
                assertThat(o.failed()).as("%s: %s %s", args, o.kind(), o.err()).isFalse();
            }
        }
    }
}
