package org.hawkeye.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.hawkeye.engine.ProfileOptions;
import org.hawkeye.engine.ProfileResult;
import org.hawkeye.engine.Profiler;
import org.hawkeye.engine.autograd.TrainingOptions;
import org.hawkeye.engine.cost.Cost;
import org.hawkeye.specs.SpecLibrary;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * HawkEye's training tables (Table 9: SEMI2K per phase; Table 4: SGD vs Adam) as reproductions: rows profile a
 * training step, columns read its phases, and any framework can stand in for the paper's.
 */
class TrainingReproductionsTest {
    private static Profiler profiler;
    private static Categories categories;

    @BeforeAll
    static void load() {
        profiler = new Profiler(SpecLibrary.load(List.of()));
        categories = MeasurementCatalog.load().categories();
    }

    @Test
    void aPhaseScopeReadsThatPhaseOfATrainingStep() throws Exception {
        java.nio.file.Path lenet = java.nio.file.Path.of(getClass().getResource("/models/zoo/lenet.onnx").toURI());
        ProfileResult r = profiler.profile(lenet, ProfileOptions.of("crypten").withTraining(TrainingOptions.DEFAULT));
        Scopes scopes = new Scopes(categories);
        Cost sum = Cost.ZERO;
        for (String phase : List.of("forward", "backward", "update")) {
            assertThat(scopes.cost(r, "phase:" + phase)).isEqualTo(r.training().phases().get(phase));
            sum = sum.plus(scopes.cost(r, "phase:" + phase));
        }
        assertThat(sum).isEqualTo(scopes.cost(r, "total"));
        assertThat(scopes.cost(r, "phase:optimizer")).isNull();
        assertThat(Scopes.isWellFormed("phase:backward", categories)).isTrue();
    }

    @Test
    void table9RendersUnderAnyFrameworkBesideHawkEyesSemi2kNumbers() {
        Reproductions all = Reproductions.load();
        Reproduction table9 = all.get("table9-semi2k-training");
        assertThat(table9.rows()).extracting(Reproduction.Row::label).containsExactly("VGG-16", "ResNet-50");
        assertThat(table9.rows()).allSatisfy(row -> assertThat(row.training().optimizer()).isEqualTo("sgd"));
        String table = all.render(table9, profiler, categories, "crypten");
        assertThat(table).contains("crypten (the paper's numbers are semi2k's)");
        // HawkEye's SEMI2K ResNet-50 backward, 152.29 GiB, stands beside hawkeye's crypten value
        assertThat(table).contains("152.29");
        // without an override it runs under the paper's framework
        String own = all.render(table9, profiler, categories);
        assertThat(own.lines().skip(1).findFirst().orElseThrow()).startsWith("semi2k, online bits in GiB");
    }

    @Test
    void table9sResNet50IsHawkEyesCifarNetworkThatKeeps32x32FeatureMaps() throws Exception {
        java.nio.file.Path model = java.nio.file.Path.of(getClass()
                .getResource("/models/hawkeye/resnet50_hawkeye_cifar.onnx").toURI());
        org.hawkeye.engine.graph.Graph g = org.hawkeye.engine.shapes.ShapeInference.infer(
                org.hawkeye.engine.onnx.OnnxImporter.read(model), "resnet50_hawkeye_cifar.onnx");
        // a 3x3 stride-1 stem and no max pooling: stage 1 runs at the input's 32x32 (torchvision's stem: 8x8)
        assertThat(g.nodes()).noneMatch(n -> n.opType().equals("MaxPool"));
        org.hawkeye.engine.graph.Node stem = g.nodes().stream().filter(n -> n.opType().equals("Conv")).findFirst()
                .orElseThrow();
        assertThat(g.value(stem.output(0)).shape()).isEqualTo(org.hawkeye.engine.graph.Shape.of(128, 64, 32, 32));
        // AvgPool2d(4, 4) over stage 4's 4x4 maps, then the 2048 -> 10 classifier
        assertThat(g.nodes()).anyMatch(n -> n.opType().equals("AveragePool"));
        Reproduction table9 = Reproductions.load().get("table9-semi2k-training");
        assertThat(table9.rows().get(1).model()).isEqualTo("models/hawkeye/resnet50_hawkeye_cifar.onnx");
    }

    @Test
    void table4ComparesSgdAndAdamOnTheSameModels() {
        Reproduction table4 = Reproductions.load().get("table4-aby3-optimizers");
        assertThat(table4.rows()).extracting(row -> row.training().optimizer())
                .containsExactly("sgd", "adam", "sgd", "adam", "sgd", "adam");
        assertThat(table4.rows()).allSatisfy(row -> assertThat(row.batch()).isEqualTo(128L));
        // HawkEye's ABY3 totals are the sum of the phases it lists (to the paper's rounding): LeNet Adam
        // 0.09 + 0.03 + 0.68 = 0.80 GiB
        Reproduction.Row lenetAdam = table4.rows().get(1);
        assertThat(lenetAdam.hawkeyeStatic().get(0).add(lenetAdam.hawkeyeStatic().get(1))
                .add(lenetAdam.hawkeyeStatic().get(2))).isEqualByComparingTo(lenetAdam.hawkeyeStatic().get(3));
    }

    @Test
    void parametersGivenForAReproductionReachEveryRowsProfile() {
        Reproductions all = Reproductions.load();
        Reproduction table9 = all.get("table9-semi2k-training");
        // crypten's gap_detaches is allowed to be 0 or 1 only: a 2 must fail in the first row's profile
        assertThatThrownBy(() -> all.render(table9, profiler, categories, "crypten", java.util.Map.of("gap_detaches",
                "2"))).hasMessageContaining("gap_detaches");
    }
}
