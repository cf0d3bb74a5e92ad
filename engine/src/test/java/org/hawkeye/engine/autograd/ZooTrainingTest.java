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
import org.hawkeye.engine.graph.DataType;
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
     * What a framework that trains cannot cost, per model: an embedding lookup by the data holder's secret token
     * ids (an INT64 data input), forward (Gather) and backward (its ScatterND). CrypTen raises "Cannot perform
     * Gather operation using encrypted indices"; SPU would run a secret-index gather as a loop of DynamicSlice,
     * not modelled. A deployment one-hot encodes the ids and multiplies by the table instead.
     */
    private static final List<String> SECRET_ID_LOOKUP = List.of("Gather", "ScatterND");

    /**
     * The frameworks that run HawkEye's MP-SPDZ programs. MP-SPDZ has no erf (mpc_math.py has none, and HawkEye's
     * GELU is a Hardtanh approximation or MPCFormer's quad, a different program from an exported Erf GELU), so
     * the forward Erf of BERT's and ViT's GELU is left uncosted: profile them with --rewrite gelu=quad.
     */
    private static final Set<String> MP_SPDZ_PROGRAMS = Set.of("aby", "aby3", "spdz2k", "falcon");

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
        boolean tokenIds = graph.inputs().stream().anyMatch(i -> graph.value(i).dataType() == DataType.INT64);
        ProfileResult r = profiler.profile(graph, file, options);
        Map<String, Cost> phases = r.training().phases();
        assertThat(phases.keySet()).containsExactly("forward", "backward", "update");
        Cost sum = phases.values().stream().reduce(Cost.ZERO, Cost::plus);
        assertThat(sum).isEqualTo(r.total());
        assertThat(phases.get("forward").isZero()).isFalse();
        assertThat(phases.get("backward").isZero()).isFalse();
        List<String> gaps = new ArrayList<>(tokenIds ? SECRET_ID_LOOKUP : List.of());
        if (MP_SPDZ_PROGRAMS.contains(framework) && graph.nodes().stream().anyMatch(n -> n.opType().equals("Erf"))) {
            gaps.add("Erf");
        }
        assertThat(r.unsupported()).extracting(UnsupportedOp::op).containsExactlyInAnyOrderElementsOf(gaps);
    }
}
