package org.hawkeye.engine.autograd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.hawkeye.engine.ProfileOptions;
import org.hawkeye.engine.ProfileResult;
import org.hawkeye.engine.Profiler;
import org.hawkeye.engine.cost.Cost;
import org.hawkeye.engine.tree.TreeNode;
import org.hawkeye.grammar.Rational;
import org.hawkeye.specs.ProfilerException;
import org.junit.jupiter.api.Test;

/**
 * SEMI2K (SPU) costs the ops a training step adds with its own kernels: a conv's input gradient as the im2col
 * matmul of the convolution XLA writes for it, max pooling's gradient as MaxPoolScatter's product with the
 * one-hot argmax, the loss's log as log_minmax. Frameworks whose code only runs inference refuse training.
 */
class Semi2kTrainingTest {
    private static final TrainingOptions MSE = TrainingTests.MSE;
    private static final Profiler profiler = TrainingTests.PROFILER;

    private static ProfileResult semi2k(Net net, TrainingOptions step) {
        return profiler.profile(net.build(), "net", ProfileOptions.of("semi2k").withTraining(step));
    }

    /** The one protocol call under a tree node, with its arguments as longs. */
    private static Map<String, Rational> call(TreeNode op, String protocol) {
        assertThat(op.children()).hasSize(1);
        TreeNode c = op.children().get(0);
        assertThat(c.name()).isEqualTo(protocol);
        return c.args();
    }

    private static Map<String, Rational> args(Object... nameValue) {
        Map<String, Rational> m = new java.util.LinkedHashMap<>();
        for (int i = 0; i < nameValue.length; i += 2) {
            m.put((String) nameValue[i], Rational.of((Long) nameValue[i + 1]));
        }
        return m;
    }

    /** x [2, 3, 8, 8] -> conv1 3x3 pad 1 (4 channels) -> conv2 3x3 pad 1 (4 channels). */
    private static Net twoConvs() {
        return new Net().input("x", 2, 3, 8, 8).weight("w1", 4, 3, 3, 3).weight("w2", 4, 4, 3, 3)
                .node("/conv1/Conv", "Conv", List.of("x", "w1"), "pads", new long[] {1, 1, 1, 1})
                .node("/conv2/Conv", "Conv", List.of(Net.out("/conv1/Conv"), "w2"), "pads", new long[] {1, 1, 1, 1});
    }

    @Test
    void aConvsInputGradientIsTheIm2colMatmulOfTheTransposedConvolution() {
        ProfileResult r = semi2k(twoConvs(), MSE);
        // dX of conv2: 2 x 8 x 8 = 128 pixels of conv1's output, each a window of 4 channels x 3 x 3 = 36 values
        // of dY, times the 4 x 36 flipped kernel -> 4 channels
        assertThat(call(CryptenTrainingTest.at(r, "/conv2/backward/input_grad"), "fmmul"))
                .isEqualTo(args("m", 128L, "k", 36L, "n", 4L));
        // the data input's gradient is not computed (SPU differentiates only what jax.grad asks for)
        assertThat(r.tree().children().stream().map(TreeNode::name)).contains("conv1", "conv2");
        assertThat(r.complete()).isTrue();
    }

    @Test
    void maxPoolingsGradientMultipliesEachGradientByItsWindowsOneHot() {
        // conv [2, 4, 8, 8] -> 2x2 max pool stride 2 -> [2, 4, 4, 4]: 128 gradients, windows of 4
        Net pooled = twoConvs().node("/pool/MaxPool", "MaxPool", List.of(Net.out("/conv2/Conv")),
                "kernel_shape", new long[] {2, 2}, "strides", new long[] {2, 2});
        ProfileResult r = semi2k(pooled, MSE);
        assertThat(call(CryptenTrainingTest.at(r, "/pool/backward/input_grad"), "max_pool_scatter"))
                .isEqualTo(args("n", 128L, "w", 4L));
        // 128 x 4 products of the gradient with the one-hot, one opening each way of 64-bit shares (2 parties)
        assertThat(CryptenTrainingTest.at(r, "/pool/backward/input_grad").total())
                .isEqualTo(Cost.online(2L * 2 * (2 - 1) * 64 * 128 * 4, 1));
    }

    @Test
    void theCrossEntropyLossLogIsCosted() {
        // [2, 4] logits: softmax and log over 8 elements
        Net logits = new Net().input("x", 2, 5).weight("w", 5, 4).node("/fc/MatMul", "MatMul", List.of("x", "w"));
        ProfileResult r = semi2k(logits, TrainingOptions.DEFAULT);
        assertThat(call(CryptenTrainingTest.at(r, "/loss/forward/log"), "log")).isEqualTo(args("n", 8L));
        assertThat(r.complete()).isTrue();
    }

    @Test
    void frameworksThatOnlyRunInferenceRefuseTraining() {
        for (String fw : List.of("delphi", "cryptflow2", "cheetah")) {
            assertThatThrownBy(() -> profiler.profile(twoConvs().build(), "net.onnx",
                    ProfileOptions.of(fw).withTraining(MSE))).isInstanceOf(ProfilerException.class)
                    .hasMessageStartingWith("net.onnx: --mode training: " + fw + " cannot train: ")
                    .hasMessageContaining("inference");
        }
    }
}
