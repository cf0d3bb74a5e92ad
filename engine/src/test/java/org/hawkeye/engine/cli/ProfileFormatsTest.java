package org.hawkeye.engine.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.hawkeye.engine.TestFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * profile with --network, --format csv|html, and several models at once, under toy (relu(n) = 640n bits in 8
 * rounds; LeNet has 4684 ReLU elements and MiniONN's toy cost is whatever its ReLUs are).
 */
class ProfileFormatsTest {
    private static final String TOY = TestFiles.toySpecs().toString();
    private static final String LENET = TestFiles.lenet().toString();
    private static final String MINIONN = TestFiles.resource("onnx/minionn.onnx").toString();

    @TempDir
    Path tmp;

    private static JsonNode json(String text) throws IOException {
        return new ObjectMapper().enable(DeserializationFeature.USE_BIG_INTEGER_FOR_INTS).readTree(text);
    }

    @Test
    void networkAddsATimeObjectAfterTheExistingFields() throws IOException {
        CliErrorsTest.Run r = CliErrorsTest.run("profile", LENET, "-f", "toy", "--specs", TOY, "--format", "json",
                "--network", "1Gbps,0.5ms");
        assertThat(r.code()).as(r.err()).isZero();
        JsonNode j = json(r.out());
        assertThat(j.fieldNames()).toIterable().containsExactly("model", "framework", "mode", "weights", "params",
                "params_from", "traffic", "public_inputs", "embedding", "total", "tree", "unsupported", "complete", "time");
        // 640 x 4684 bits at 1e9 bit/s plus 32 rounds x 0.5 ms
        assertThat(j.at("/time/online_seconds").decimalValue()).isEqualByComparingTo("0.0189978");
        assertThat(j.at("/time/offline_seconds").decimalValue()).isEqualByComparingTo("0");
        assertThat(j.at("/time/bandwidth_bits_per_second").asLong()).isEqualTo(1_000_000_000L);
        assertThat(j.at("/time/rtt_seconds").decimalValue()).isEqualByComparingTo("0.0005");
        assertThat(j.at("/time/network").asText()).isEqualTo("1Gbps,0.5ms");
    }

    @Test
    void withoutNetworkTheJsonIsUnchanged() throws IOException {
        CliErrorsTest.Run r = CliErrorsTest.run("profile", LENET, "-f", "toy", "--specs", TOY, "--format", "json");
        assertThat(json(r.out()).has("time")).isFalse();
    }

    @Test
    void textShowsTimesOnLanWanAndTheGivenNetwork() {
        CliErrorsTest.Run r = CliErrorsTest.run("profile", LENET, "-f", "toy", "--specs", TOY, "--network",
                "100Mbps,10ms");
        assertThat(r.code()).as(r.err()).isZero();
        // 2997760 bits / 1e8 + 32 x 10 ms = 0.0300 + 0.320 s
        assertThat(r.out()).contains("estimated network time").containsPattern("(?m)^  lan +\\(3 Gbit/s, 300 µs RTT\\)")
                .containsPattern("(?m)^  wan +\\(72 Mbit/s, 72.0 ms RTT\\)")
                .containsPattern("(?m)^  100Mbps,10ms +\\(100 Mbit/s, 10.0 ms RTT\\) +online 350 ms +offline 0 s$");
    }

    @Test
    void csvAndHtmlGoToTheOutputFile() throws IOException {
        Path csv = tmp.resolve("lenet.csv");
        CliErrorsTest.Run r = CliErrorsTest.run("profile", LENET, "-f", "toy", "--specs", TOY, "--format", "csv", "-o",
                csv.toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(Files.readString(csv)).startsWith("model,path,kind,op,protocol,repeat,")
                .contains("lenet,/features/features.1/Relu,op,Relu,,," + 640L * 3456 + ",8,0,0");
        Path html = tmp.resolve("lenet.html");
        r = CliErrorsTest.run("profile", LENET, "-f", "toy", "--specs", TOY, "--format", "html", "-o", html.toString(),
                "--network", "cheetah-wan");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(Files.readString(html)).startsWith("<!DOCTYPE html>").contains("\"name\":\"cheetah-wan\"")
                .contains("\"name\":\"lan\"");
    }

    @Test
    void severalModelsGiveAReportEachAndASummary() {
        CliErrorsTest.Run r = CliErrorsTest.run("profile", LENET, MINIONN, "-f", "toy", "--specs", TOY, "--depth", "0");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("lenet under toy").contains("minionn under toy")
                .contains("summary of 2 models under toy")
                .containsPattern("(?m)^lenet +365.94 KiB +32 +0 +0 +10.6 ms +2.35 s +7 node\\(s\\), 3 type\\(s\\)$")
                .containsPattern("(?m)^minionn ");
        // not a terminal: a plain progress line per model on stderr, stdout stays the report
        assertThat(r.err()).isEqualTo("[1/2] lenet.onnx\n[2/2] minionn.onnx\n");
    }

    @Test
    void severalModelsInJsonAreAnArray() throws IOException {
        CliErrorsTest.Run r = CliErrorsTest.run("profile", LENET, MINIONN, "-f", "toy", "--specs", TOY, "--format",
                "json", "--network", "wan");
        assertThat(r.code()).as(r.err()).isZero();
        JsonNode j = json(r.out());
        assertThat(j.isArray()).isTrue();
        assertThat(j).hasSize(2);
        assertThat(j.get(0).get("model").asText()).isEqualTo("lenet");
        assertThat(j.get(1).get("model").asText()).isEqualTo("minionn");
        assertThat(j.get(1).at("/time/network").asText()).isEqualTo("wan");
    }

    @Test
    void aFolderStandsForItsOnnxFilesInNameOrder() throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("models"));
        Files.copy(TestFiles.resource("onnx/minionn.onnx"), dir.resolve("b_minionn.onnx"));
        Files.copy(TestFiles.lenet(), dir.resolve("a_lenet.onnx"));
        Files.writeString(dir.resolve("notes.txt"), "not a model");
        CliErrorsTest.Run r = CliErrorsTest.run("profile", dir.toString(), "-f", "toy", "--specs", TOY, "--format",
                "csv");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("\r\na_lenet,/,model,").contains("\r\nb_minionn,/,model,");
        assertThat(r.out().indexOf("a_lenet,")).isLessThan(r.out().indexOf("b_minionn,"));
    }

    @Test
    void severalModelsInHtmlWriteAPagePerModelIntoTheFolder() throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("pages"));
        CliErrorsTest.Run r = CliErrorsTest.run("profile", LENET, MINIONN, "-f", "toy", "--specs", TOY, "--format",
                "html", "-o", dir.toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(dir.resolve("lenet.html")).exists();
        assertThat(dir.resolve("minionn.html")).exists();
        assertThat(r.out()).contains("wrote " + dir.resolve("lenet.html")).contains("summary of 2 models");
    }

    @Test
    void onATerminalTheProgressIsOneRedrawnBar() {
        StringWriter err = new StringWriter();
        Progress p = new Progress(new PrintWriter(err), 4, true);
        p.starting(0, "a.onnx");
        p.starting(2, "bb.onnx");
        p.finished();
        String[] frames = err.toString().split("\r", -1);
        assertThat(frames[1]).isEqualTo("[------------------------] 1/4 a.onnx");
        assertThat(frames[2]).isEqualTo("[############------------] 3/4 bb.onnx");
        assertThat(frames[3]).isBlank(); // the bar is wiped at the end
        StringWriter single = new StringWriter();
        new Progress(new PrintWriter(single), 1, true).starting(0, "only.onnx");
        assertThat(single.toString()).isEmpty(); // one model needs no progress
    }
}
