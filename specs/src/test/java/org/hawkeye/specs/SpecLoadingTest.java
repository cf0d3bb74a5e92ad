package org.hawkeye.specs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.hawkeye.grammar.Rational;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Strict loading of framework folders: a user's mistake is one message with file:line:col. Each test writes a
 * small framework (based on {@link #TOY}) with one mistake and asserts the exact message.
 */
class SpecLoadingTest {
    /** A valid two-protocol framework; line numbers below refer to this text. */
    static final String TOY = """
            name: toy
            title: Toy
            description: "a framework for tests"
            models:
              project: example/toy
              version: "1.0"
              parties: 2
              security: semi-honest
            defaults:
              weights: secret
            parameters:
              l:
                default: 64
                doc: "ring bits"
                allowed: [32, 64]
            protocols:
              mul:
                doc: "Beaver multiplication"
                args: [n]
                source: "toy paper, eq. 1"
                online: {bits: "2 * 2 * l * n", rounds: "1"}
              relu:
                doc: "compare then multiply"
                args: [n]
                source: "toy paper, eq. 2"
                calls:
                  - protocol: mul
                    args: {n: "n"}
                    repeat: "ceil(log2(l))"
            """;

    @TempDir
    Path dir;

    private FrameworkFolder load(String yaml) throws IOException {
        Path folder = dir.resolve("toy");
        Files.createDirectories(folder);
        Files.writeString(folder.resolve("framework.yaml"), yaml);
        return SpecLibrary.load(List.of(folder)).framework("toy");
    }

    private String file() {
        return dir.resolve("toy") + "/framework.yaml";
    }

    @Test
    void loadsAValidFolderWithItsParametersAndProtocols() throws IOException {
        FrameworkFolder f = load(TOY);
        assertThat(f.spec().protocolNames()).containsExactly("mul", "relu");
        assertThat(f.builtIn()).isFalse();
        assertThat(ParameterValues.resolve(f, Map.of()).asRationals()).containsEntry("l", Rational.of(64));
        assertThat(f.locationOf(f.spec().protocol("relu"))).hasToString(file() + ":23:5");
    }

    @Test
    void aTypoInAKeyNamesTheKeyAndWhatIsKnown() {
        assertThatThrownBy(() -> load(TOY.replace("rounds: \"1\"", "round: \"1\"")))
                .hasMessage(file() + ":21:37: unknown key 'round' in protocols.mul.online (known: bits, rounds, sent)");
    }

    @Test
    void aDuplicateKeyIsAnError() {
        assertThatThrownBy(() -> load(TOY.replace("  weights: secret\n", "  weights: secret\n  weights: public\n")))
                .hasMessage(file() + ":11:3: duplicate key 'weights' in defaults");
    }

    @Test
    void aMissingFieldIsNamed() {
        assertThatThrownBy(() -> load(TOY.replace("    source: \"toy paper, eq. 1\"\n", "")))
                .hasMessageContaining("missing key 'source' in protocols.mul");
    }

    @Test
    void aWrongTypeIsNamed() {
        assertThatThrownBy(() -> load(TOY.replace("parties: 2", "parties: two")))
                .hasMessageStartingWith(file() + ":7:")
                .hasMessageContaining("models.parties must be a whole number, not 'two'");
    }

    @Test
    void aFormulaSyntaxErrorPointsIntoTheFormula() {
        // line 21 is `    online: {bits: "2 * 2 * l * n", rounds: "1"}`: the formula's text starts at column 21,
        // and its offending token at offset 8
        assertThatThrownBy(() -> load(TOY.replace("\"2 * 2 * l * n\"", "\"2 * 2 * * n\"")))
                .hasMessage(file() + ":21:29: cost formula '2 * 2 * * n': unexpected token '*'");
    }

    @Test
    void anUnknownSymbolIsReportedWhenTheSpecLoads() {
        assertThatThrownBy(() -> load(TOY.replace("\"2 * 2 * l * n\"", "\"2 * 2 * lbits * n\"")))
                .hasMessage(file() + ":21:29: cost formula '2 * 2 * lbits * n': unknown variable 'lbits' (known: l, n)");
    }

    @Test
    void aCallOfAnUnknownProtocolIsAnError() {
        assertThatThrownBy(() -> load(TOY.replace("- protocol: mul", "- protocol: mult")))
                .hasMessage(file() + ":27:9: protocol 'relu' calls unknown protocol 'mult' (known: mul, relu)");
    }

    @Test
    void aCallMissingAnArgumentIsAnError() {
        assertThatThrownBy(() -> load(TOY.replace("args: {n: \"n\"}", "args: {}")))
                .hasMessage(file() + ":27:9: call of 'mul' in 'relu' misses argument 'n' (it takes n)");
    }

    @Test
    void protocolsCallingEachOtherInACycleAreAnError() {
        String cyclic = TOY.replace("online: {bits: \"2 * 2 * l * n\", rounds: \"1\"}",
                "calls: [{protocol: relu, args: {n: \"n\"}}]");
        assertThatThrownBy(() -> load(cyclic))
                .hasMessageEndingWith("protocols call each other in a cycle: mul -> relu -> mul");
    }

    @Test
    void aDefaultOutsideItsAllowedValuesIsAnError() {
        assertThatThrownBy(() -> load(TOY.replace("default: 64", "default: 48")))
                .hasMessage(file() + ":13:5: parameter 'l': default 48 is not allowed (allowed values: 32, 64)");
    }

    @Test
    void parameterOverridesAreCheckedAgainstTheSpec() throws IOException {
        FrameworkFolder f = load(TOY);
        assertThat(ParameterValues.resolve(f, Map.of("l", "32")).asRationals()).containsEntry("l", Rational.of(32));
        assertThatThrownBy(() -> ParameterValues.resolve(f, Map.of("bits", "32")))
                .hasMessage("-P bits=32: toy has no parameter 'bits' (known: l)");
        assertThatThrownBy(() -> ParameterValues.resolve(f, Map.of("l", "0")))
                .hasMessage("-P l=0: 0 is not allowed for 'l' (allowed values: 32, 64)");
        assertThatThrownBy(() -> ParameterValues.resolve(f, Map.of("l", "abc")))
                .hasMessage("-P l=abc: 'abc' is not a number");
    }

    @Test
    void theFolderNameMustMatchTheSpecName() throws IOException {
        Path folder = dir.resolve("other");
        Files.createDirectories(folder);
        Files.writeString(folder.resolve("framework.yaml"), TOY);
        assertThatThrownBy(() -> SpecLibrary.load(List.of(folder)).framework("other"))
                .hasMessage(folder + "/framework.yaml: name 'toy' differs from its folder name 'other'");
    }

    @Test
    void anUnknownFrameworkListsTheKnownOnes() {
        assertThatThrownBy(() -> SpecLibrary.load(List.of()).framework("nosuch"))
                .hasMessageStartingWith("unknown framework 'nosuch' (known: ")
                .hasMessageContaining("crypten");
    }

    @Test
    void theBuiltInPipelineDeclaresThePhasesInOrder() {
        assertThat(SpecLibrary.load(List.of()).common().pipeline().phaseNames())
                .containsExactly("normalize", "approximate", "classify", "local", "training", "fuse", "fixedpoint",
                        "lower");
    }

    @Test
    void theBuiltInRewritesNameTheirRules() {
        RewriteCatalog catalog = SpecLibrary.load(List.of()).common().rewrites();
        assertThat(catalog.targets()).containsExactly("relu", "gelu", "silu", "softmax", "maxpool");
        assertThat(catalog.forTarget("relu")).extracting(RewriteSpec::usage)
                .containsExactly("relu=quad", "relu=poly:DEGREE");
        assertThat(catalog.forTarget("relu").get(1).min()).isEqualTo(2);
        // every GELU form is fused into a Gelu op before lowering: one rule rewrites them all
        assertThat(catalog.forTarget("gelu").get(0).rules()).containsExactly("Gelu op to MPCFormer's quad");
        assertThat(catalog.forTarget("silu")).extracting(RewriteSpec::usage).containsExactly("silu=quad", "silu=relu");
    }
}
