package org.hawkeye.engine.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.hawkeye.engine.TestFiles;
import org.junit.jupiter.api.Test;

/** bench prints one row per model with its op count and time, CPU and heap columns (no time is asserted). */
class BenchCommandTest {
    private static final String TOY = TestFiles.toySpecs().toString();

    @Test
    void aSyntheticChainAndAModelGetARowEach() {
        CliErrorsTest.Run r = CliErrorsTest.run("bench", TestFiles.lenet().toString(), "--synthetic", "40", "-f", "toy",
                "--specs", TOY, "--runs", "2");
        assertThat(r.code()).isZero();
        String[] lines = r.out().split("\n");
        assertThat(lines[0]).contains("model", "nodes", "first (ms)", "warm median (ms)", "warm median CPU (ms)",
                "peak heap (MB)");
        assertThat(lines[1]).startsWith("lenet.onnx");
        // a chain of 40 ops (ReLU, Add of a weight, ...), each a node of the tree
        assertThat(lines[2]).matches("synthetic chain\\s+40\\s+.*");
        assertThat(lines[3]).contains("framework toy", "2 warm runs each");
    }

    @Test
    void noRunsIsAnError() {
        CliErrorsTest.Run r = CliErrorsTest.run("bench", "--synthetic", "40", "-f", "toy", "--specs", TOY,
                "--runs", "0");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("--runs must be at least 1");
    }
}
