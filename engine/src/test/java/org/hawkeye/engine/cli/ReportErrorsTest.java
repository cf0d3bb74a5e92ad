package org.hawkeye.engine.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.hawkeye.engine.TestFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bad report options end with exit code 2 and one line on stderr, as in {@link CliErrorsTest}. */
class ReportErrorsTest {
    private static final String LENET = TestFiles.lenet().toString();

    @TempDir
    Path tmp;

    /** One line on stderr (CliErrorsTest.assertOneLine) and nothing half-written on stdout. */
    private static void assertOneLineError(CliErrorsTest.Run r, String... fragments) {
        CliErrorsTest.assertOneLine(r, fragments);
        assertThat(r.out()).isEmpty();
    }

    @Test
    void anUnknownNetworkPreset() {
        assertOneLineError(CliErrorsTest.run("profile", LENET, "-f", "crypten", "--network", "moon"),
                "--network moon: not a preset (lan, wan, ", "nor BANDWIDTH,RTT such as 1Gbps,0.5ms");
    }

    @Test
    void aBandwidthOfZero() {
        assertOneLineError(CliErrorsTest.run("profile", LENET, "-f", "crypten", "--network", "0Mbps,1ms"),
                "--network 0Mbps,1ms: bandwidth must be more than 0");
    }

    @Test
    void anHtmlOutputInAFolderThatDoesNotExist() {
        assertOneLineError(CliErrorsTest.run("profile", LENET, "-f", "crypten", "--format", "html", "-o",
                tmp.resolve("no/such/report.html").toString()), "report.html: --output: folder ", "does not exist");
    }

    @Test
    void severalModelsInHtmlNeedAnOutputFolder() {
        assertOneLineError(CliErrorsTest.run("profile", LENET, LENET, "-f", "crypten", "--format", "html", "-o",
                tmp.resolve("one.html").toString()), "writes a page per model: give an existing folder");
    }

    @Test
    void aFolderWithoutModels() throws IOException {
        Path empty = Files.createDirectories(tmp.resolve("empty"));
        assertOneLineError(CliErrorsTest.run("profile", empty.toString(), "-f", "crypten"),
                "empty: no .onnx files in this folder");
    }
}
