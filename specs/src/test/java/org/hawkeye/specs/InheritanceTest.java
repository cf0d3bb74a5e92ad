package org.hawkeye.specs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.hawkeye.grammar.Rational;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code extends:}: a base and the frameworks built on it, written to a temporary folder and loaded with --specs as
 * a user's would be. Line numbers in the messages refer to the texts below.
 */
class InheritanceTest {
    static final String BASE = """
            name: base
            title: Base
            description: "a base for tests"
            defaults:
              weights: secret
              saved_values: costed
            parameters:
              l:
                doc: "ring bits"
                min: 8
                max: 128
              iterations:
                default: 3
                doc: "loop rounds"
            protocols:
              mul:
                doc: "products"
                args: [n]
                source: "each extension's table"
              relu:
                doc: "compare then multiply"
                args: [n]
                source: "base paper"
                calls:
                  - {protocol: mul, args: {n: "n"}, repeat: "iterations"}
            """;

    static final String CHILD = """
            name: child
            extends: base
            title: Child
            description: "extends base"
            models:
              project: example/child
              version: "1.0"
              parties: 2
              security: semi-honest
            parameters:
              l: {default: 64}
              kappa:
                default: 128
                doc: "security bits"
            protocols:
              mul:
                doc: "Beaver products"
                args: [n]
                source: "child table"
                online: {bits: "2 * l * n", rounds: "1"}
            remove_rules: [C.drl]
            """;

    static final String GRANDCHILD = """
            name: grandchild
            extends: child
            parameters:
              iterations: {default: 5}
            protocols:
              square:
                doc: "x * x"
                args: [n]
                source: "grandchild paper"
                calls:
                  - {protocol: mul, args: {n: "n"}}
            """;

    @TempDir
    Path dir;

    private void folder(String name, String file, String yaml, String... ruleFiles) throws IOException {
        Path f = dir.resolve(name);
        Files.createDirectories(f.resolve("rules"));
        Files.writeString(f.resolve(file), yaml);
        for (String rule : ruleFiles) {
            Files.writeString(f.resolve("rules").resolve(rule), "// " + name + " " + rule + "\n");
        }
    }

    private SpecLibrary family(String base, String child) throws IOException {
        folder("base", "base.yaml", base, "A.drl", "B.drl", "C.drl");
        folder("child", "framework.yaml", child, "B.drl", "D.drl");
        folder("grandchild", "framework.yaml", GRANDCHILD);
        return SpecLibrary.load(List.of(dir));
    }

    private String yaml(String name, String file) {
        return dir.resolve(name).resolve(file).toString();
    }

    /** The message loading the child gives, its file written CHILD and the base's BASE. */
    private String childError(String base, String child) throws IOException {
        SpecLibrary lib = family(base, child);
        Throwable t = catchThrowable(() -> lib.framework("child"));
        assertThat(t).isInstanceOf(ProfilerException.class);
        return t.getMessage().replace(yaml("child", "framework.yaml"), "CHILD")
                .replace(yaml("base", "base.yaml"), "BASE");
    }

    @Test
    void aFrameworkInheritsParametersProtocolsAndRulesAndSaysFromWhere() throws IOException {
        FrameworkFolder child = family(BASE, CHILD).framework("child");
        // its own parameters first (l's default, kappa), then the inherited ones
        assertThat(child.spec().parameters().keySet()).containsExactly("l", "kappa", "iterations");
        assertThat(child.spec().parameters().get("l").doc()).isEqualTo("ring bits");
        assertThat(ParameterValues.resolve(child, Map.of()).asRationals())
                .containsEntry("l", Rational.of(64)).containsEntry("iterations", Rational.of(3));
        assertThat(ParameterValues.resolve(child, Map.of("iterations", "4")).origins())
                .containsExactly(Map.entry("l", "child"), Map.entry("kappa", "child"), Map.entry("iterations", "-P"));
        assertThat(child.provenance().parameters()).containsEntry("l", "base").containsEntry("kappa", "child");
        assertThat(child.spec().protocolNames()).containsExactly("mul", "relu");
        assertThat(child.provenance().protocols()).containsEntry("mul", "child").containsEntry("relu", "base");
        assertThat(child.spec().defaults().weights()).isEqualTo(WeightsMode.SECRET);
        assertThat(child.spec().defaults().savedValues()).isEqualTo(FrameworkDefaults.SavedValues.COSTED);
        // the base's A, the child's B in place of the base's, the child's D; the base's C removed
        assertThat(child.rules()).extracting(RuleFile::displayPath).containsExactly(
                dir.resolve("base") + "/rules/A.drl", dir.resolve("child") + "/rules/B.drl",
                dir.resolve("child") + "/rules/D.drl");
        assertThat(child.locationOf(child.spec().protocol("relu")).file()).isEqualTo(yaml("base", "base.yaml"));
        assertThat(child.provenance().lineage()).containsExactly("child", "base");
    }

    @Test
    void inheritanceIsTransitive() throws IOException {
        FrameworkFolder g = family(BASE, CHILD).framework("grandchild");
        assertThat(g.provenance().lineage()).containsExactly("grandchild", "child", "base");
        assertThat(g.spec().title()).isEqualTo("Child");
        assertThat(ParameterValues.resolve(g, Map.of()).origins()).containsExactly(Map.entry("iterations",
                "grandchild"), Map.entry("l", "child"), Map.entry("kappa", "child"));
        assertThat(g.spec().protocolNames()).containsExactly("square", "mul", "relu");
        assertThat(g.rules()).hasSize(3);
    }

    @Test
    void aBaseIsNotAFramework() throws IOException {
        SpecLibrary lib = family(BASE, CHILD);
        assertThat(lib.names()).contains("child", "grandchild").doesNotContain("base");
        assertThatThrownBy(() -> lib.framework("base")).hasMessage("'base' is a base that frameworks extend ("
                + dir.resolve("base") + "/base.yaml), not a framework to profile; see 'hawkeye frameworks'");
    }

    @Test
    void anUnknownBaseIsNamedWhereItIsWritten() throws IOException {
        SpecLibrary lib = family(BASE, CHILD.replace("extends: base", "extends: bsae"));
        assertThatThrownBy(() -> lib.framework("child")).hasMessageStartingWith(yaml("child", "framework.yaml")
                + ":2:10: extends unknown framework or base 'bsae' (known: aby, aby3, base, ")
                .hasMessageContaining(", grandchild, mpspdz, ");
    }

    @Test
    void aCycleIsAnError() throws IOException {
        SpecLibrary lib = family(BASE.replace("name: base\n", "name: base\nextends: grandchild\n"), CHILD);
        assertThatThrownBy(() -> lib.framework("child")).hasMessage(yaml("grandchild", "framework.yaml")
                + ":2:10: frameworks extend each other in a cycle: child -> base -> grandchild -> child");
    }

    @Test
    void aProtocolTheBaseLeavesWithoutCostMustBeCosted() throws IOException {
        String noMul = CHILD.substring(0, CHILD.indexOf("protocols:")) + "remove_rules: [C.drl]\n";
        assertThat(childError(BASE, noMul)).isEqualTo(
                "CHILD: base declares protocol 'mul(n)' without a cost (at BASE:17:5): define its cost here, under "
                        + "protocols");
    }

    @Test
    void aProtocolTheBaseLeavesWithoutCostKeepsItsArguments() throws IOException {
        assertThat(childError(BASE, CHILD.replace("args: [n]", "args: [m]").replace("l * n", "l * m"))).isEqualTo(
                "CHILD:17:5: protocol 'mul' takes [m], but base declares it with [n] at BASE:17:5 (its rules and "
                        + "protocols call it so)");
    }

    @Test
    void aParameterTheBaseLeavesWithoutDefaultMustGetOne() throws IOException {
        assertThat(childError(BASE, CHILD.replace("  l: {default: 64}\n", ""))).isEqualTo(
                "CHILD: base declares parameter 'l' without a default (at BASE:9:5): give parameters.l.default here");
    }

    @Test
    void anOverriddenDefaultKeepsTheBasesRange() throws IOException {
        assertThat(childError(BASE, CHILD.replace("l: {default: 64}", "l: {default: 4}"))).isEqualTo(
                "CHILD:11:6: parameter 'l': default 4 is not allowed (allowed range: 8 .. 128)");
    }

    @Test
    void removingARuleFileTheBaseDoesNotHaveIsAnError() throws IOException {
        assertThat(childError(BASE, CHILD.replace("[C.drl]", "[C.drl, E.drl]"))).isEqualTo(
                "CHILD:21:23: remove_rules: 'E.drl' is not a rule file of base (its files: A.drl, B.drl, C.drl)");
        assertThat(childError(BASE, CHILD.replace("extends: base\n", "defaults: {weights: secret}\n"))).isEqualTo(
                "CHILD:21:16: remove_rules without extends: there are no inherited rule files to remove");
    }

    @Test
    void aFrameworkMissingAKeyItDoesNotInherit() throws IOException {
        assertThat(family(BASE, CHILD.replace("title: Child\n", "")).framework("child").spec().title())
                .isEqualTo("Base");
        String noModels = CHILD.substring(0, CHILD.indexOf("models:")) + CHILD.substring(CHILD.indexOf("parameters:"));
        assertThat(childError(BASE, noModels))
                .isEqualTo("CHILD: missing key 'models' (neither this file nor the ones it extends give it)");
    }
}
