package org.hawkeye.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Measurement files are read strictly; each mistake is one message with file:line:col. */
class MeasurementCatalogTest {
    private static final String CASE = """
            description: "test"
            cases:
              - id: t.relu
                model: models/relu.onnx
                model_origin: "a test graph"
                framework: crypten
                phase: online
                metric: bits
                scope: total
                value: 464
                unit: bytes
                tolerance_pct: 0
                source: "hand-made"
            """;

    @TempDir
    Path dir;

    private MeasurementCatalog load(String yaml) throws IOException {
        Path measurements = dir.resolve("measurements");
        Files.createDirectories(measurements);
        Files.createDirectories(dir.resolve("models"));
        Files.write(dir.resolve("models/relu.onnx"), new byte[] {1});
        Files.copy(Path.of("src/main/resources/measurements/categories.yaml"), measurements.resolve("categories.yaml"));
        Files.writeString(measurements.resolve("t.yaml"), yaml);
        return MeasurementCatalog.load(measurements, "m");
    }

    @Test
    void aValidFileLoads() throws IOException {
        MeasurementCatalog c = load(CASE);
        assertThat(c.entries()).hasSize(1);
        assertThat(c.entries().get(0).location()).hasToString("m/t.yaml:3:5");
        assertThat(c.categories().of("Conv")).isEqualTo("conv2d");
        assertThat(c.categories().of("Relu")).isEqualTo(Categories.NONLINEAR);
    }

    @Test
    void aMissingFieldIsNamed() {
        assertThatThrownBy(() -> load(CASE.replace("    source: \"hand-made\"\n", "")))
                .hasMessageStartingWith("m/t.yaml:").hasMessageContaining("missing key 'source' in cases[0]");
    }

    @Test
    void anUnknownUnitIsAnError() {
        assertThatThrownBy(() -> load(CASE.replace("unit: bytes", "unit: megabits")))
                .hasMessageStartingWith("m/t.yaml:3:5: case 't.relu': unknown unit 'megabits' for bits (known: ");
    }

    @Test
    void aModelThatDoesNotExistIsAnError() {
        assertThatThrownBy(() -> load(CASE.replace("models/relu.onnx", "models/none.onnx")))
                .hasMessage("m/t.yaml:3:5: case 't.relu': model file 'models/none.onnx' does not exist "
                        + "(paths are relative to the folder holding measurements/)");
    }

    @Test
    void anUnknownKeyIsAnError() {
        assertThatThrownBy(() -> load(CASE.replace("    phase: online", "    phase: online\n    tolerance: 1")))
                .hasMessage("m/t.yaml:8:5: unknown key 'tolerance' in cases[0] (known: batch, framework, "
                        + "hawkeye_static, id, metric, mode, model, model_origin, note, params, party, phase, rewrite, scope, source, "
                        + "tolerance_pct, unit, value, weights)");
    }

    @Test
    void aRewriteTheCatalogueRejectsIsAnError() {
        assertThatThrownBy(() -> load(CASE.replace("    phase: online", "    rewrite: [gelu=cubic]\n    phase: online")))
                .hasMessageStartingWith("m/t.yaml:3:5: case 't.relu': rewrite: ")
                .hasMessageContaining("gelu can become quad");
    }

    @Test
    void aKnownRewriteLoads() throws IOException {
        MeasurementCatalog c = load(CASE.replace("    phase: online", "    rewrite: [gelu=quad, relu=quad@/layer4]\n"
                + "    phase: online"));
        assertThat(c.entries().get(0).measurement().rewrite()).containsExactly("gelu=quad", "relu=quad@/layer4");
    }

    @Test
    void aModuleScopeNeedsAName() {
        assertThatThrownBy(() -> load(CASE.replace("scope: total", "scope: \"module:\"")))
                .hasMessageStartingWith("m/t.yaml:3:5: case 't.relu': scope 'module:' is not total");
    }

    @Test
    void deviationsAreSignedPercentages() {
        // hawkeye 105 against 100 measured: +5%; 0 against 0: exact
        assertThat(Harness.deviation(new java.math.BigDecimal(105), new java.math.BigDecimal(100)))
                .isEqualByComparingTo("5");
        assertThat(Harness.deviation(java.math.BigDecimal.ZERO, java.math.BigDecimal.ZERO)).isEqualByComparingTo("0");
    }
}
