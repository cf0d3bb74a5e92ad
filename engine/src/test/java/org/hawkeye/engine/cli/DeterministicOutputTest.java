package org.hawkeye.engine.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.hawkeye.engine.TestFiles;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The same input gives byte-identical output, in every format and command: each run builds its facts afresh, so
 * an order that came from identity hashes, a HashMap of objects or a worker pool would show as a difference.
 */
class DeterministicOutputTest {
    private static final String MINIONN = TestFiles.resource("onnx/minionn.onnx").toString();

    @TempDir
    Path tmp;

    private String twice(String... args) {
        CliErrorsTest.Run first = CliErrorsTest.run(args);
        CliErrorsTest.Run second = CliErrorsTest.run(args);
        assertThat(first.code()).as(first.err()).isZero();
        assertThat(second.out()).isEqualTo(first.out());
        assertThat(second.err()).isEqualTo(first.err());
        return first.out();
    }

    @ParameterizedTest
    @ValueSource(strings = {"text", "json", "csv", "html"})
    void profileInEveryFormat(String format) {
        // several models in one run, except HTML, which writes a page per model to a folder (see below)
        String out = format.equals("html") ? twice("profile", MINIONN, "-f", "cheetah", "--format", "html")
                : twice("profile", MINIONN, TestFiles.lenet().toString(), "-f", "cheetah", "--format", format,
                        "--network", "wan", "--depth", "4");
        assertThat(out).isNotEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"text", "json", "csv", "html"})
    void aTrainingStepInEveryFormat(String format) {
        twice("profile", TestFiles.lenet().toString(), "-f", "semi2k", "--mode", "training", "--optimizer", "adam",
                "--format", format);
    }

    @org.junit.jupiter.api.Test
    void compareWithItsParallelWorkers() {
        String out = twice("compare", MINIONN, "--frameworks", "all", "--network", "1Gbps,1ms");
        assertThat(out).contains("crypten").contains("cheetah");
        twice("compare", MINIONN, TestFiles.lenet().toString(), "-f", "delphi");
    }

    @org.junit.jupiter.api.Test
    void whatIfAndExplain() {
        twice("whatif", MINIONN, "-f", "delphi", "--rewrite", "relu=quad", "--rewrite", "maxpool=avgpool");
        twice("explain", "-f", "cryptflow2", "Relu");
        twice("explain", "-f", "crypten");
    }

    @org.junit.jupiter.api.Test
    void htmlFilesOfSeveralModels() throws IOException {
        Path a = Files.createDirectories(tmp.resolve("a"));
        Path b = Files.createDirectories(tmp.resolve("b"));
        CliErrorsTest.run("profile", MINIONN, TestFiles.lenet().toString(), "-f", "aby3", "--format", "html", "-o",
                a.toString());
        CliErrorsTest.run("profile", MINIONN, TestFiles.lenet().toString(), "-f", "aby3", "--format", "html", "-o",
                b.toString());
        for (String page : new String[] {"minionn.html", "lenet.html"}) {
            assertThat(Files.readString(b.resolve(page))).isEqualTo(Files.readString(a.resolve(page)));
        }
    }
}
