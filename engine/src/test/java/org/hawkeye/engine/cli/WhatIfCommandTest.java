package org.hawkeye.engine.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.hawkeye.engine.TestFiles;
import org.junit.jupiter.api.Test;

/** The whatif command and profile --rewrite from the command line: output, warnings and errors. */
class WhatIfCommandTest {
    private static final String MINIONN = TestFiles.resource("onnx/minionn.onnx").toString();
    private static final String TOY = TestFiles.toySpecs().toString();

    @Test
    void comparesTopLevelModulesAndListsTheRulesThatFired() {
        CliErrorsTest.Run r = CliErrorsTest.run("whatif", MINIONN, "-f", "crypten", "--rewrite", "relu=quad");
        assertThat(r.code()).as(r.err()).isZero();
        // 678125568 -> 80044032 bits is -88.2%; 71 -> 15 rounds is -78.9% (see WhatIfTest for the arithmetic)
        assertThat(r.out()).contains("what if relu=quad")
                .containsPattern("(?m)^total +80\\.84 MiB +9\\.54 MiB +-88\\.2% +71 +15 +-78\\.9%$")
                .containsPattern("(?m)^fc +176\\.00 KiB +176\\.00 KiB +0\\.0% ")
                .contains("online bits: 678125568 -> 80044032, rounds: 71 -> 15")
                .containsPattern("(?m)^  Relu to a quadratic polynomial +relu=quad +7 +7 +35$");
        assertThat(r.err()).isEmpty();
    }

    @Test
    void jsonHasExactTotalsAndTheRules() throws Exception {
        CliErrorsTest.Run r = CliErrorsTest.run("whatif", MINIONN, "-f", "crypten", "-r", "relu=quad",
                "-r", "gelu=quad", "--format", "json");
        assertThat(r.code()).as(r.err()).isZero();
        JsonNode j = new ObjectMapper().readTree(r.out());
        JsonNode total = j.get("rows").get(j.get("rows").size() - 1);
        assertThat(total.get("path").asText()).isEqualTo("total");
        assertThat(total.at("/before/online/bits").asLong()).isEqualTo(678_125_568L);
        assertThat(total.at("/after/online/bits").asLong()).isEqualTo(80_044_032L);
        assertThat(j.at("/rules/0/created").asInt()).isEqualTo(35);
        // the GELU request found nothing in MiniONN: a warning in the JSON and on stderr
        assertThat(j.get("warnings").get(0).asText()).startsWith("--rewrite gelu=quad changed nothing");
        assertThat(r.err()).startsWith("hawkeye: warning: --rewrite gelu=quad changed nothing");
    }

    @Test
    void aPrefixThatMatchesNothingIsAWarningInTheReport() {
        CliErrorsTest.Run r = CliErrorsTest.run("whatif", MINIONN, "-f", "crypten", "-r", "relu=quad@/layer9");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("warning: --rewrite relu=quad@/layer9 changed nothing: no node's path starts "
                + "with /layer9 (top-level modules: /features, /flatten, /fc)");
    }

    @Test
    void badRequestsAreOneLineErrors() {
        CliErrorsTest.Run r = CliErrorsTest.run("whatif", MINIONN, "-f", "crypten", "-r", "relu=cubic");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err().strip()).isEqualTo(
                "hawkeye: --rewrite 'relu=cubic': relu can become quad or poly:DEGREE, not 'cubic'");
        r = CliErrorsTest.run("whatif", MINIONN, "-f", "crypten");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("Missing required option: '--rewrite=TARGET=REPLACEMENT[@PREFIX]'");
        r = CliErrorsTest.run("profile", MINIONN, "-f", "crypten", "-r", "softmax=quad");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err().strip()).isEqualTo(
                "hawkeye: --rewrite 'softmax=quad': softmax can become 2quad, not 'quad'");
    }

    @Test
    void aRewriteTheFrameworkCannotCostIsAnErrorNamingTheRule() {
        CliErrorsTest.Run r = CliErrorsTest.run("whatif", TestFiles.lenet().toString(), "-f", "toy", "--specs", TOY,
                "-r", "relu=quad");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("the what-if rewrite of rule 'Relu to a quadratic polynomial' cannot be "
                + "applied under toy: it creates a Mul that toy cannot cost");
    }

    @Test
    void profileWithARewriteShowsTheOriginOfCreatedOps() throws Exception {
        CliErrorsTest.Run r = CliErrorsTest.run("profile", MINIONN, "-f", "crypten", "-r",
                "relu=quad@/features/features.15", "--format", "json");
        assertThat(r.code()).as(r.err()).isZero();
        JsonNode tree = new ObjectMapper().readTree(r.out()).get("tree");
        JsonNode relu = find(find(find(tree, "features"), "features.15"), "Relu");
        assertThat(relu.get("kind").asText()).isEqualTo("module");
        JsonNode square = find(find(relu, "quad"), "Mul");
        assertThat(square.get("origin").asText()).isEqualTo("Relu to a quadratic polynomial");
        assertThat(square.get("note").asText()).isEqualTo("rule: secret Mul of two secret tensors lowers to a Beaver mul");
        // mul(1024, 1024): 2048 openings of 2 x 64 bits
        assertThat(square.at("/online/bits").asLong()).isEqualTo(2048L * 128);
        // ops of the model as exported carry no origin
        assertThat(find(find(tree, "fc"), "Gemm").has("origin")).isFalse();
    }

    private static JsonNode find(JsonNode node, String name) {
        for (JsonNode c : node.get("children")) {
            if (c.get("name").asText().equals(name)) {
                return c;
            }
        }
        throw new AssertionError("no child " + name + " under " + node.get("name"));
    }
}
