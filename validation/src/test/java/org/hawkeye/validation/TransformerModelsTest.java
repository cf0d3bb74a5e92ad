package org.hawkeye.validation;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.hawkeye.engine.ProfileOptions;
import org.hawkeye.engine.ProfileResult;
import org.hawkeye.engine.Profiler;
import org.hawkeye.engine.UnsupportedOp;
import org.hawkeye.engine.autograd.TrainingOptions;
import org.hawkeye.specs.SpecLibrary;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Today's transformers at their published sizes (src/test/resources/models/transformers, SOURCE.md there), both
 * PyTorch exporters: under CrypTen, SEMI2K and ABY3 with default options every op is costed and the two exports
 * cost the same; a training step is costed completely under CrypTen and SEMI2K. The frameworks built for private
 * transformers cost every op of the models their systems run, the same for both exports.
 */
class TransformerModelsTest {
    private static final Profiler PROFILER = new Profiler(SpecLibrary.load(List.of()));
    private static final List<String> MODELS = List.of("smollm2_135m", "qwen2_0.5b", "gpt2", "bert_base", "vit_b16",
            "swin_t", "convnext_t");

    static Path model(String stem) {
        try {
            return Path.of(TransformerModelsTest.class.getResource("/models/transformers/" + stem + ".onnx").toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static Stream<Arguments> training() {
        List<Arguments> out = new ArrayList<>();
        for (String m : MODELS) {
            for (String f : List.of("crypten", "semi2k")) {
                out.add(Arguments.of(m, f));
            }
        }
        return out.stream();
    }

    /**
     * Model, framework, and the op types left uncosted on purpose: every model under CrypTen, SEMI2K and ABY3; the
     * models each private-transformer system runs under its framework, where SIGMA's BERT stops at the last block
     * and its backend has no tanh for the pooler Hugging Face's BertModel adds.
     */
    static Stream<Arguments> inference() {
        List<Arguments> out = new ArrayList<>();
        for (String m : MODELS) {
            for (String f : List.of("crypten", "semi2k", "aby3")) {
                out.add(Arguments.of(m, f, List.of()));
            }
        }
        for (String m : List.of("smollm2_135m", "qwen2_0.5b", "gpt2")) {
            out.add(Arguments.of(m, "sigma", List.of()));
        }
        out.add(Arguments.of("bert_base", "sigma", List.of("Tanh")));
        for (String m : List.of("bert_base", "gpt2")) {
            out.add(Arguments.of(m, "bolt", List.of()));
        }
        for (String f : List.of("puma", "secformer", "shaft")) {
            for (String m : List.of("smollm2_135m", "qwen2_0.5b", "gpt2", "bert_base")) {
                out.add(Arguments.of(m, f, List.of()));
            }
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0} under {1}")
    @MethodSource("inference")
    void bothExportsCostEveryOpTheSystemRunsAndTheSame(String stem, String framework, List<String> uncosted) {
        ProfileResult dynamo = PROFILER.profile(model(stem + "_dynamo"), ProfileOptions.of(framework));
        ProfileResult torchscript = PROFILER.profile(model(stem + "_torchscript"), ProfileOptions.of(framework));
        assertThat(dynamo.unsupported()).as("dynamo export: uncosted op types").extracting(UnsupportedOp::op)
                .containsExactlyInAnyOrderElementsOf(uncosted);
        assertThat(torchscript.unsupported()).as("TorchScript export: uncosted op types").extracting(UnsupportedOp::op)
                .containsExactlyInAnyOrderElementsOf(uncosted);
        assertThat(torchscript.total()).isEqualTo(dynamo.total());
    }

    @ParameterizedTest(name = "{0} under {1}")
    @MethodSource("training")
    void aTrainingStepIsCostedCompletely(String stem, String framework) {
        ProfileResult r = PROFILER.profile(model(stem + "_dynamo"),
                ProfileOptions.of(framework).withTraining(TrainingOptions.DEFAULT));
        assertThat(r.unsupported()).as("uncosted ops").isEmpty();
        assertThat(r.training().phases().get("backward").onlineBits().signum()).isPositive();
    }
}
