package org.hawkeye.engine.prepare;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hawkeye.engine.prepare.TinyTransformers.profile;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.hawkeye.engine.ProfileOptions;
import org.hawkeye.engine.ProfileResult;
import org.hawkeye.engine.autograd.TrainingOptions;
import org.hawkeye.engine.cost.Cost;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every tiny transformer, exported by TorchScript and by dynamo (and at opset 17, where GELU is written out), costs
 * completely and the same under CrypTen, SEMI2K and ABY3 with default options; it trains completely and alike
 * under CrypTen and SEMI2K. The one difference is documented: CrypTen's GlobalAveragePool passes no gradient
 * back (gap_detaches = 1), and TorchScript writes ConvNeXt's pooling as GlobalAveragePool where dynamo writes a
 * ReduceMean; with gap_detaches = 0 they agree. And dynamo folds BERT's position-table lookup into the rows it
 * reads, so SGD updates fewer weights, which costs under SEMI2K (a truncation per weight) but not CrypTen.
 */
class ExportersAgreeTest {

    static Stream<Arguments> inference() {
        List<Arguments> out = new ArrayList<>();
        for (String model : TinyTransformers.MODELS) {
            for (String framework : List.of("crypten", "semi2k", "aby3")) {
                out.add(Arguments.of(model, framework));
            }
        }
        return out.stream();
    }

    static Stream<Arguments> training() {
        List<Arguments> out = new ArrayList<>();
        for (String model : TinyTransformers.MODELS) {
            for (String framework : List.of("crypten", "semi2k")) {
                out.add(Arguments.of(model, framework));
            }
        }
        return out.stream();
    }

    private static List<String> exports(String model) {
        List<String> files = new ArrayList<>(List.of(model + "_dynamo", model + "_torchscript"));
        if (TinyTransformers.OPSET17.contains(model)) {
            files.add(model + "_torchscript_opset17");
        }
        return files;
    }

    @ParameterizedTest(name = "{0} under {1}")
    @MethodSource("inference")
    void bothExportsCostCompletelyAndTheSame(String model, String framework) {
        ProfileOptions options = ProfileOptions.of(framework);
        ProfileResult dynamo = profile(model + "_dynamo", options);
        assertThat(dynamo.unsupported()).as("uncosted ops").isEmpty();
        assertThat(dynamo.total().onlineBits().signum()).isPositive();
        for (String other : exports(model).subList(1, exports(model).size())) {
            ProfileResult r = profile(other, options);
            assertThat(r.unsupported()).as(other + ": uncosted ops").isEmpty();
            assertThat(r.total()).as(other + " against the dynamo export").isEqualTo(dynamo.total());
        }
    }

    @ParameterizedTest(name = "{0} under {1}")
    @MethodSource("training")
    void bothExportsTrainCompletelyAndAlike(String model, String framework) {
        ProfileOptions options = ProfileOptions.of(framework).withTraining(TrainingOptions.DEFAULT);
        if (model.equals("convnext_tiny") && framework.equals("crypten")) {
            options = options.withParam("gap_detaches", "0");
        }
        ProfileResult dynamo = profile(model + "_dynamo", options);
        assertThat(dynamo.unsupported()).as("uncosted ops").isEmpty();
        assertThat(dynamo.training().phases().get("backward").onlineBits().signum()).isPositive();
        for (String other : exports(model).subList(1, exports(model).size())) {
            ProfileResult r = profile(other, options);
            assertThat(r.unsupported()).as(other + ": uncosted ops").isEmpty();
            if (model.equals("bert_tiny") && framework.equals("semi2k")) {
                // dynamo folds the lookup of the position table [64 x 64] by the position_ids buffer (0..7) into an
                // initializer of the 8 rows used, which trains as a parameter of 8 x 64; TorchScript keeps the table
                // and SGD updates all of it. SEMI2K truncates each lr * g product (2PC TruncAPr2: one 32-bit MulVVS,
                // 2 x 32 bits per element), so the other 56 rows cost 2 * 32 * 56 * 64 bits more, in the same rounds
                Cost extra = r.total().minus(dynamo.total());
                assertThat(extra.onlineBits()).isEqualTo(BigInteger.valueOf(2L * 32 * 56 * 64));
                assertThat(extra.onlineRounds()).isZero();
                continue;
            }
            assertThat(r.total()).as(other + " against the dynamo export").isEqualTo(dynamo.total());
        }
    }

    @org.junit.jupiter.api.Test
    void cryptenTrainsTheTwoConvNeXtExportsDifferentlyBecauseItsGlobalAveragePoolDetaches() {
        ProfileOptions options = ProfileOptions.of("crypten").withTraining(TrainingOptions.DEFAULT);
        ProfileResult dynamo = profile("convnext_tiny_dynamo", options);
        ProfileResult torchscript = profile("convnext_tiny_torchscript", options);
        // TorchScript's GlobalAveragePool stops the gradient: only the head's LayerNorm and classifier train
        assertThat(torchscript.training().phases().get("backward").onlineBits())
                .isLessThan(dynamo.training().phases().get("backward").onlineBits());
        assertThat(torchscript.training().phases().get("forward")).isEqualTo(dynamo.training().phases().get("forward"));
    }
}
