package org.hawkeye.engine.autograd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.hawkeye.engine.ProfileOptions;
import org.hawkeye.engine.ProfileResult;
import org.hawkeye.engine.Profiler;
import org.hawkeye.engine.UnsupportedOp;
import org.hawkeye.engine.cost.Cost;
import org.hawkeye.engine.graph.Graph;
import org.hawkeye.engine.onnx.OnnxImporter;
import org.hawkeye.specs.ProfilerException;
import org.hawkeye.specs.SpecLibrary;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * One training step (cross-entropy, SGD) of every model of the shared zoo under every built-in framework: the
 * frameworks that train cost it with the phases adding up to the total and leave exactly the documented ops
 * uncosted; the frameworks whose code only runs inference refuse it in one line.
 */
class ZooTrainingTest {
    /** Built-in frameworks whose code has no backward pass (framework.yaml models.inference_only). */
    private static final Set<String> INFERENCE_ONLY = Set.of("delphi", "cryptflow2", "cheetah", "sigma", "bolt");

    /**
     * Every zoo model trains completely under every framework that trains: BERT's and GPT-2's token ids are one-hot
     * encoded by the data holder (the default embedding policy, so the lookup and its gradient are products), and
     * their GELUs are one op the MP-SPDZ programs cost with MP-SPDZ's Gelu layer.
     */
    private static Profiler profiler;

    @BeforeAll
    static void load() {
        profiler = new Profiler(SpecLibrary.load(List.of()));
    }

    static Stream<Arguments> cases() throws IOException {
        String shared = System.getProperty("hawkeye.shared.dir");
        Path dir = shared == null ? null : Path.of(shared, "models");
        Assumptions.assumeTrue(dir != null && Files.isDirectory(dir), "shared model folder not available");
        List<Arguments> cases = new ArrayList<>();
        List<String> frameworks = SpecLibrary.load(List.of()).names();
        try (Stream<Path> s = Files.list(dir)) {
            s.filter(p -> p.toString().endsWith(".onnx")).sorted()
                    .forEach(p -> frameworks.forEach(f -> cases.add(Arguments.of(p.getFileName().toString(), f))));
        }
        return cases.stream();
    }

    @Test
    void theFrameworksThatRefuseTrainingAreTheInferenceOnlyOnes() {
        SpecLibrary specs = SpecLibrary.load(List.of());
        for (String name : specs.names()) {
            assertThat(specs.framework(name).spec().models().inferenceOnly() != null).as(name)
                    .isEqualTo(INFERENCE_ONLY.contains(name));
        }
    }

    @ParameterizedTest(name = "{0} under {1}")
    @MethodSource("cases")
    void aTrainingStepIsCostedWithItsPhasesAddingUpOrRefused(String file, String framework) {
        Path model = Path.of(System.getProperty("hawkeye.shared.dir"), "models", file);
        Graph graph = OnnxImporter.read(model);
        ProfileOptions options = ProfileOptions.of(framework).withTraining(TrainingOptions.DEFAULT);
        if (INFERENCE_ONLY.contains(framework)) {
            assertThatThrownBy(() -> profiler.profile(graph, file, options)).isInstanceOf(ProfilerException.class)
                    .hasMessageStartingWith(file + ": --mode training: " + framework + " cannot train: ");
            return;
        }
        ProfileResult r = profiler.profile(graph, file, options);
        Map<String, Cost> phases = r.training().phases();
        assertThat(phases.keySet()).containsExactly("forward", "backward", "update");
        Cost sum = phases.values().stream().reduce(Cost.ZERO, Cost::plus);
        assertThat(sum).isEqualTo(r.total());
        assertThat(phases.get("forward").isZero()).isFalse();
        assertThat(phases.get("backward").isZero()).isFalse();
        assertThat(r.unsupported()).extracting(UnsupportedOp::op).isEmpty();
    }
}
