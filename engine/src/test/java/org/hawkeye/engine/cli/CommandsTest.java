package org.hawkeye.engine.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import org.hawkeye.engine.TestFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The commands' output, with the toy framework's hand-checkable costs (see ProfilerTest). */
class CommandsTest {
    private static final String TOY = TestFiles.toySpecs().toString();

    @TempDir
    Path tmp;

    @Test
    void profileWritesTheJsonContract() throws IOException {
        Path out = tmp.resolve("lenet.json");
        CliErrorsTest.Run r = CliErrorsTest.run("profile", TestFiles.lenet().toString(), "-f", "toy", "--specs", TOY,
                "--format", "json", "-o", out.toString());
        assertThat(r.code()).as(r.err()).isZero();
        JsonNode json = new ObjectMapper().enable(DeserializationFeature.USE_BIG_INTEGER_FOR_INTS)
                .readTree(Files.readString(out));
        assertThat(json.fieldNames()).toIterable().containsExactly("model", "framework", "mode", "weights", "params",
                "params_from", "traffic", "public_inputs", "embedding", "total", "tree", "unsupported", "complete");
        assertThat(json.get("model").asText()).isEqualTo("lenet");
        assertThat(json.get("weights").asText()).isEqualTo("secret");
        assertThat(json.get("params").get("l").asInt()).isEqualTo(64);
        assertThat(json.get("params_from").get("l").asText()).isEqualTo("toy");
        // relu(n) = 640n bits under toy; LeNet's ReLUs have 3456 + 1024 + 120 + 84 elements
        assertThat(json.at("/total/online/bits").bigIntegerValue()).isEqualTo(BigInteger.valueOf(640L * 4684));
        assertThat(json.at("/total/online/rounds").asInt()).isEqualTo(4 * 8);
        assertThat(json.at("/tree/kind").asText()).isEqualTo("model");
        JsonNode relu = json.at("/tree/children/0/children/1/children/0");
        assertThat(relu.get("op").asText()).isEqualTo("Relu");
        assertThat(relu.at("/children/0/protocol").asText()).isEqualTo("relu");
        assertThat(relu.at("/children/0/args/n").asLong()).isEqualTo(3456);
        assertThat(json.get("unsupported")).hasSize(3);
        assertThat(json.get("complete").asBoolean()).isFalse();
    }

    @Test
    void bitsPast2To53AreExactJsonIntegers() throws IOException {
        // l = 128 and batch 2^31: 4684 * 2^31 ReLU elements at 1280 bits each, past 2^53
        CliErrorsTest.Run r = CliErrorsTest.run("profile", TestFiles.lenet().toString(), "-f", "toy", "--specs", TOY,
                "--format", "json", "-P", "l=128", "--batch", String.valueOf(1L << 31));
        assertThat(r.code()).as(r.err()).isZero();
        JsonNode json = new ObjectMapper().enable(DeserializationFeature.USE_BIG_INTEGER_FOR_INTS).readTree(r.out());
        BigInteger expected = BigInteger.valueOf(1280L * 4684).shiftLeft(31);
        assertThat(expected).isGreaterThan(BigInteger.TWO.pow(53));
        assertThat(json.at("/total/online/bits").bigIntegerValue()).isEqualTo(expected);
    }

    @Test
    void textReportShowsTheTreeToTheRequestedDepth() {
        CliErrorsTest.Run r = CliErrorsTest.run("profile", TestFiles.lenet().toString(), "-f", "toy", "--specs", TOY,
                "--depth", "1");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("lenet under toy (inference, weights secret)")
                .containsPattern("\\n  features +[0-9.]+ KiB +16 ")
                .doesNotContain("features.1")
                .contains("NOT COSTED").contains("Conv x2 (e.g. /features/features.0/Conv)");
    }

    @Test
    void frameworksListsBuiltInsAndSpecsFolders() {
        CliErrorsTest.Run r = CliErrorsTest.run("frameworks", "--specs", TOY);
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).containsPattern("(?m)^crypten +facebookresearch/CrypTen 0\\.4\\.0 +2 ")
                .containsPattern("(?m)^toy +example/toy 1\\.0 +2 +semi-honest +.*specs/toy$")
                .containsPattern("(?m)^crypten .* yes +built-in$")
                .containsPattern("(?m)^delphi .* no \\(inference only\\) +built-in$");
    }

    @Test
    void explainShowsEachFormulaWithItsSymbolsAndResult() {
        CliErrorsTest.Run r = CliErrorsTest.run("explain", "-f", "toy", "--specs", TOY, "relu", "--arg", "n=10");
        assertThat(r.code()).as(r.err()).isZero();
        // ltz(10) = 2 * 64 * 10 * 3 bits in ceil(log2(64)) + 1 rounds
        assertThat(r.out()).contains("online bits = 2 * l * n * 3   [l = 64, n = 10]  => 3840")
                .contains("online rounds = ceil(log2(l)) + 1   [l = 64]  => 7")
                .contains("total: online " + 640 * 10 + " bits, 8 rounds");
    }

    @Test
    void explainOfAnOpTypeNamesTheRulesAndProtocols() {
        CliErrorsTest.Run r = CliErrorsTest.run("explain", "-f", "toy", "--specs", TOY, "Mul");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("\"secret Mul lowers to mul\"").contains("-> mul")
                .contains("mul(x, y): Beaver multiplication");
    }

    @Test
    void explainOfAnOpTypeReadsTheCompiledRulesInFiringOrder() {
        // Delphi's Conv: the rule that opens the session with the first layer comes before the ordinary HE layer,
        // and both are found although their Op patterns do not start with the type
        CliErrorsTest.Run r = CliErrorsTest.run("explain", "-f", "delphi", "Conv");
        assertThat(r.code()).as(r.err()).isZero();
        int first = r.out().indexOf("\"the linear layer reading the client's input opens the session\"");
        int second = r.out().indexOf("\"Conv or FC with the server's weight lowers to the HE linear layer\"");
        assertThat(first).isPositive();
        assertThat(second).isGreaterThan(first);
        assertThat(r.out()).contains("(specs/delphi/rules/LinearLayers.drl:")
                .contains("-> session_setup, conv, fc, output_share")
                .contains("\"op with no secret input is computed in the clear\"");
    }

    @Test
    void explainOfANodeSaysWhichRuleDecidedItAndWhy() {
        CliErrorsTest.Run r = CliErrorsTest.run("explain", "-f", "toy", "--specs", TOY, "--model",
                TestFiles.lenet().toString(), "--node", "/features/features.1/Relu");
        assertThat(r.code()).as(r.err()).isZero();
        // relu(n) of toy on LeNet's first ReLU, 6 x 24 x 24 = 3456 elements: 640 n bits in 8 rounds
        assertThat(r.out()).startsWith("/features/features.1/Relu (Relu) of lenet.onnx under toy\n")
                .contains("classify  \"outputs of an op with a secret input are secret\"")
                .contains("lower  \"secret Relu lowers to relu\"")
                .contains("decision: rule: secret Relu lowers to relu\n")
                .contains("relu{n=3456}: online " + 640 * 3456 + " bits, 8 rounds");
        r = CliErrorsTest.run("explain", "-f", "toy", "--specs", TOY, "--model", TestFiles.lenet().toString(),
                "--node", "/nowhere/Relu");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("lenet.onnx: no node named '/nowhere/Relu'");
    }

    @Test
    void explainRejectsWhatItDoesNotKnow() {
        CliErrorsTest.Run r = CliErrorsTest.run("explain", "-f", "toy", "--specs", TOY, "Softmax");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("'Softmax' is neither a protocol of toy nor an op type its rules name");
        r = CliErrorsTest.run("explain", "-f", "toy", "--specs", TOY, "relu");
        assertThat(r.err()).contains("protocol 'relu' takes n: give each with --arg NAME=VALUE (missing 'n')");
    }

    @Test
    void demoComparesEveryFramework() {
        CliErrorsTest.Run r = CliErrorsTest.run("demo", "--specs", TOY);
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).containsPattern("(?m)^crypten +[0-9.]+ MiB +71 ").containsPattern("(?m)^toy ");
    }
}
