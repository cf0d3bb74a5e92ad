package org.hawkeye.specs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Issue 16's spec failures: nulls that were NullPointerExceptions, messages that named Java classes, call graphs
 * that overflowed the stack or expanded exponentially, and files too big to read. Each is one line now.
 */
class SpecRobustnessTest {
    @TempDir
    Path dir;

    private FrameworkFolder load(String yaml) throws IOException {
        Path folder = dir.resolve("toy");
        Files.createDirectories(folder);
        Files.writeString(folder.resolve("framework.yaml"), yaml);
        return SpecLibrary.load(List.of(folder)).framework("toy");
    }

    private String fileOf() {
        return dir.resolve("toy") + "/framework.yaml";
    }

    /** The message, after {@code file:line:col: } (the column Jackson gives for a YAML null is not its first). */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "name: toy                | name: null            | 1  | name must be a string, not null",
        "  weights: secret        | '  weights: null'     | 10 | defaults.weights must be one of secret, public, not null",
        "    default: 64          | '    default: null'   | 13 | parameters.l.default must be a number, not null",
        "{bits: \"2 * 2 * l * n\" | '{bits: null'         | 21 | protocols.mul.online.bits must be a formula (a string or a number), not null",
        "  mul:                   | '  mul: null\n  mul2:' | 17 | protocols.mul must be a mapping, not null",
        "  l:                     | '  l: null\n  l2:'     | 12 | parameters.l must be a mapping, not null",
        "args: {n: \"n\"}         | 'args: {n: null}'     | 28 | protocols.relu.calls[0].args.n must be a formula (a string or a number), not null",
        "      - protocol: mul    | '- null\n      - protocol: mul' | 27 | protocols.relu.calls[0] must be a mapping, not null",
        "    args: [n]            | 'args: [n, null]'     | 19 | protocols.mul.args[1] must be a string, not null",
        "  weights: secret        | '  weights:'          | 10 | defaults.weights must be one of secret, public, not ''",
    })
    void aNullWhereAValueIsRequiredIsNamedAtItsPlace(String from, String to, int line, String message)
            throws IOException {
        String yaml = SpecLoadingTest.TOY.replaceFirst(java.util.regex.Pattern.quote(from.strip()),
                java.util.regex.Matcher.quoteReplacement(to.replace("\\n", "\n")));
        assertThat(yaml).isNotEqualTo(SpecLoadingTest.TOY);
        assertThatThrownBy(() -> load(yaml)).isInstanceOf(ProfilerException.class)
                .hasMessageMatching(java.util.regex.Pattern.quote(fileOf() + ":" + line + ":") + "\\d+: "
                        + java.util.regex.Pattern.quote(message) + ".*")
                .hasMessageNotContaining("java").hasMessageNotContaining("org.hawkeye");
    }

    @Test
    void aWrongTypeSaysWhatTheFieldMustBe() {
        String yaml = SpecLoadingTest.TOY.replace("  mul:\n", "  mul: 3\n  mul2:\n");
        assertThatThrownBy(() -> load(yaml)).hasMessage(fileOf() + ":17:8: protocols.mul must be a mapping");
    }

    /** A chain of 10^4 protocols, each calling the next: the recursive cycle check overflowed the stack. */
    @Test
    void aLongChainOfCallsIsBoundedWithoutRecursion() {
        StringBuilder yaml = new StringBuilder(SpecLoadingTest.TOY.substring(0,
                SpecLoadingTest.TOY.indexOf("protocols:"))).append("protocols:\n");
        int n = 10_000;
        for (int i = 0; i < n; i++) {
            yaml.append("  p").append(i).append(":\n    doc: d\n    source: s\n");
            if (i == n - 1) {
                yaml.append("    online: {bits: \"1\", rounds: \"1\"}\n");
            } else {
                yaml.append("    calls:\n      - protocol: p").append(i + 1).append('\n');
            }
        }
        assertThatThrownBy(() -> load(yaml.toString())).isInstanceOf(ProfilerException.class)
                .hasMessageContaining("protocol 'p9967' nests calls more than 32 levels deep (hawkeye's limit): "
                        + "p9967 -> p9968 -> ");
    }

    /** 40 protocols each calling the next twice: 2^40 calls when expanded, once out of memory in explain. */
    @Test
    void aCallGraphThatExpandsExponentiallyIsRefusedWhenItLoads() {
        StringBuilder yaml = new StringBuilder(SpecLoadingTest.TOY.substring(0,
                SpecLoadingTest.TOY.indexOf("protocols:"))).append("protocols:\n");
        for (int i = 0; i < 40; i++) {
            yaml.append("  p").append(i).append(":\n    doc: d\n    source: s\n");
            if (i == 39) {
                yaml.append("    online: {bits: \"1\", rounds: \"1\"}\n");
            } else {
                String next = "      - protocol: p" + (i + 1) + "\n";
                yaml.append("    calls:\n").append(next).append(next);
            }
        }
        assertThatThrownBy(() -> load(yaml.toString())).isInstanceOf(ProfilerException.class)
                .hasMessageContaining("protocol 'p23' expands to more than 100000 calls (hawkeye's limit;");
    }

    @Test
    void aCycleIsStillFoundWithoutRecursion() {
        String yaml = SpecLoadingTest.TOY.replace("    online: {bits: \"2 * 2 * l * n\", rounds: \"1\"}",
                "    calls:\n      - protocol: relu\n        args: {n: \"n\"}");
        assertThatThrownBy(() -> load(yaml)).hasMessageEndingWith("protocols call each other in a cycle: mul -> relu"
                + " -> mul");
    }

    /** A 20 MB scalar: the file is refused by its size before anything parses it. */
    @Test
    void aHugeFileIsRefusedByItsSize() {
        String yaml = SpecLoadingTest.TOY.replace("doc: \"ring bits\"", "doc: \"" + "x".repeat(20 << 20) + "\"");
        assertThatThrownBy(() -> load(yaml)).hasMessage(fileOf() + ": too large for a spec file (hawkeye reads at"
                + " most 4 MiB)");
    }

    @Test
    void numbersOfABillionDigitsAreRefused() {
        String yaml = SpecLoadingTest.TOY.replace("    default: 64\n", "    default: 1e-999999999\n")
                .replace("        allowed: [32, 64]\n", "");
        assertThatThrownBy(() -> load(yaml)).hasMessageEndingWith("parameter 'l': 1E-999999999 is out of range (at "
                + "most 100 digits before and after the decimal point)");
    }

    @Test
    void aFrameworkFileThatIsAFolderOrAPipeIsRefused() throws Exception {
        Path folder = dir.resolve("toy");
        Files.createDirectories(folder);
        Process p = new ProcessBuilder("mkfifo", folder.resolve("framework.yaml").toString()).start();
        assertThat(p.waitFor()).isZero();
        // a FIFO is not a regular file, so the folder has no framework to offer
        assertThatThrownBy(() -> SpecLibrary.load(List.of(folder)).framework("toy"))
                .isInstanceOf(ProfilerException.class);
    }
}
