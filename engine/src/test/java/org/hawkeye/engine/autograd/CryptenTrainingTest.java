package org.hawkeye.engine.autograd;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.util.List;
import org.hawkeye.engine.ProfileOptions;
import org.hawkeye.engine.ProfileResult;
import org.hawkeye.engine.Profiler;
import org.hawkeye.engine.UnsupportedOp;
import org.hawkeye.engine.cost.Cost;
import org.hawkeye.engine.tree.TreeNode;
import org.hawkeye.specs.SpecLibrary;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * CrypTen's cost of each backward op, derived by hand. Every CrypTen opening of e elements is both parties
 * sending their 64-bit shares: 2 * 64 * e = 128e bits in 1 round (framework.yaml). A Beaver mul or matmul opens
 * both operands (x + y elements), a conv opens the input and the kernel.
 */
class CryptenTrainingTest {
    private static final long OPEN = 2 * 64;
    private static Profiler profiler;

    @BeforeAll
    static void load() {
        profiler = new Profiler(SpecLibrary.load(List.of()));
    }

    private static ProfileResult train(Net net, TrainingOptions step) {
        return profiler.profile(net.build(), "net", ProfileOptions.of("crypten").withTraining(step));
    }

    private static ProfileResult train(Net net) {
        return train(net, TrainingOptions.DEFAULT);
    }

    /** The tree node at a node path like /fc/backward/weight_grad. */
    static TreeNode at(ProfileResult r, String path) {
        TreeNode node = r.tree();
        for (String segment : path.substring(1).split("/")) {
            TreeNode parent = node;
            node = parent.children().stream().filter(c -> c.name().equals(segment)).findFirst()
                    .orElseThrow(() -> new AssertionError("no " + segment + " under " + parent.name() + ": "
                            + parent.children().stream().map(TreeNode::name).toList()));
        }
        return node;
    }

    private static Cost online(long bits, long rounds) {
        return Cost.online(bits, rounds);
    }

    @Test
    void gemmBackwardIsTwoMatmulsPlusCryptensProductsForAlphaAndBeta() {
        // x [1, 784] @ W [784, 128] + b [128]
        ProfileResult r = train(new Net().input("x", 1, 784).weight("w", 784, 128).weight("b", 128)
                .node("/fc/Gemm", "Gemm", List.of("x", "w", "b")));
        // dW = A^T dY opens the 1x784 input and the 1x128 output gradient (z = 784 x 128 is offline only)
        assertThat(at(r, "/fc/backward/weight_grad").total()).isEqualTo(online(OPEN * (784 + 128), 1));
        // dX = dY W^T (x is the data, but CrypTen's AutogradMatMul returns both): 128 + 784 * 128
        assertThat(at(r, "/fc/backward/input_grad").total()).isEqualTo(online(OPEN * (128 + 784 * 128), 1));
        // nn.Gemm multiplies by alpha and beta as tensors: dY * (A W) and sum(dY) * b, 128 + 128 elements each
        assertThat(at(r, "/fc/backward/alpha_grad_mul").total()).isEqualTo(online(OPEN * (128 + 128), 1));
        assertThat(at(r, "/fc/backward/beta_grad_mul").total()).isEqualTo(online(OPEN * (128 + 128), 1));
        // the bias gradient is a sum over the batch: local
        assertThat(at(r, "/fc/backward/bias_grad").total()).isEqualTo(Cost.ZERO);
        assertThat(r.complete()).isTrue();
    }

    @Test
    void reluBackwardMultipliesByTheMaskItsForwardSaved() {
        // x [2, 5] @ W [5, 6] -> relu over 12 elements
        ProfileResult r = train(new Net().input("x", 2, 5).weight("w", 5, 6)
                .node("/fc/MatMul", "MatMul", List.of("x", "w")).node("/act/Relu", "Relu", List.of(Net.out("/fc/MatMul"))));
        // the forward relu is the inference one: ltz (27 openings per element, 8 rounds) + mul (2, 1)
        assertThat(at(r, "/act/forward/Relu").total()).isEqualTo(online(OPEN * 29 * 12, 9));
        assertThat(at(r, "/act/forward/relu_mask").total()).isEqualTo(Cost.ZERO);
        assertThat(at(r, "/act/backward/input_grad").total()).isEqualTo(online(OPEN * (12 + 12), 1));
    }

    @Test
    void convWeightGradientOpensTheOutputGradientRepeatedPerInputChannel() {
        // x [2, 3, 8, 8] * W [4, 3, 3, 3], stride 2, pad 1 -> dY [2, 4, 4, 4]
        Net net = new Net().input("x", 2, 3, 8, 8).weight("w", 4, 3, 3, 3)
                .node("/conv/Conv", "Conv", List.of("x", "w"), "strides", new long[] {2, 2},
                        "pads", new long[] {1, 1, 1, 1});
        ProfileResult r = train(net, TrainingOptions.DEFAULT.withLoss(TrainingOptions.Loss.MSE));
        // input 2*3*8*8 = 384 elements; kernel = dY (2*4*4*4 = 128) repeated C = 3 times = 384
        assertThat(at(r, "/conv/backward/weight_grad").total()).isEqualTo(online(OPEN * (384 + 384), 1));
        // input gradient: ConvTranspose of dY (128) with W (4*3*3*3 = 108)
        assertThat(at(r, "/conv/backward/input_grad").total()).isEqualTo(online(OPEN * (128 + 108), 1));

        // with a trusted third party, party 0 fetches c: z = [3, 4, 4, 4] (192) per sample, 2 samples = 384
        ProfileResult ttp = profiler.profile(net.build(), "net", ProfileOptions.of("crypten")
                .withParam("provider_ttp", "1").withTraining(TrainingOptions.DEFAULT.withLoss(TrainingOptions.Loss.MSE)));
        assertThat(at(ttp, "/conv/backward/weight_grad").total().offlineBits()).isEqualTo(BigInteger.valueOf(64 * 384));
    }

    @Test
    void aGroupedConvThatIsNotDepthwiseCannotBeTrainedInCrypten() {
        ProfileResult grouped = train(new Net().input("x", 3, 4, 5, 5).weight("w", 6, 2, 1, 1)
                .node("/g/Conv", "Conv", List.of("x", "w"), "group", 2L), TrainingOptions.DEFAULT
                .withLoss(TrainingOptions.Loss.MSE));
        assertThat(grouped.unsupported()).extracting(UnsupportedOp::op).containsExactly("ConvTranspose", "Conv");
        assertThat(grouped.unsupported().get(1).reason()).contains("groups > 1 and in_channels > groups");

        // depthwise (C = groups = 4): one channel per group, so no repeat: w = dY's 1*4*6*6 = 144 elements
        ProfileResult depthwise = train(new Net().input("x", 1, 4, 6, 6).weight("w", 4, 1, 3, 3)
                .node("/dw/Conv", "Conv", List.of("x", "w"), "group", 4L, "pads", new long[] {1, 1, 1, 1}),
                TrainingOptions.DEFAULT.withLoss(TrainingOptions.Loss.MSE));
        assertThat(depthwise.complete()).isTrue();
        assertThat(at(depthwise, "/dw/backward/weight_grad").total()).isEqualTo(online(OPEN * (144 + 144), 1));
    }

    @Test
    void maxPoolBackwardMultipliesTheGradientByTheOneHotArgmaxOfEachWindow() {
        // conv 1x1 to [1, 3, 8, 8], 2x2 max pool to [1, 3, 4, 4]: 48 windows of 4
        ProfileResult r = train(new Net().input("x", 1, 2, 8, 8).weight("w", 3, 2, 1, 1)
                .node("/conv/Conv", "Conv", List.of("x", "w"))
                .node("/pool/MaxPool", "MaxPool", List.of(Net.out("/conv/Conv")), "kernel_shape", new long[] {2, 2},
                        "strides", new long[] {2, 2}), TrainingOptions.DEFAULT.withLoss(TrainingOptions.Loss.MSE));
        // pooling.py _max_pool2d_backward: dY [48] viewed [48, 1, 1] times the one-hot [48, 2, 2]
        assertThat(at(r, "/pool/backward/input_grad").total()).isEqualTo(online(OPEN * (48 + 48 * 4), 1));
    }

    @Test
    void averagePoolingsGradientsAreLocal() {
        ProfileResult r = train(new Net().input("x", 1, 2, 8, 8).weight("w", 3, 2, 1, 1)
                .node("/conv/Conv", "Conv", List.of("x", "w"))
                .node("/pool/AveragePool", "AveragePool", List.of(Net.out("/conv/Conv")),
                        "kernel_shape", new long[] {2, 2}, "strides", new long[] {2, 2})
                .node("/gap/GlobalAveragePool", "GlobalAveragePool", List.of(Net.out("/pool/AveragePool"))),
                TrainingOptions.DEFAULT.withLoss(TrainingOptions.Loss.MSE));
        assertThat(at(r, "/pool/backward").total()).isEqualTo(Cost.ZERO);
        assertThat(at(r, "/gap/backward").total()).isEqualTo(Cost.ZERO);
        assertThat(r.complete()).isTrue();
    }

    @Test
    void batchNormInTrainingUsesBatchStatisticsAndSevenProductsBackward() {
        // conv 1x1 to [4, 5, 3, 3]: n = 180 elements, c = 5 channels
        ProfileResult r = train(new Net().input("x", 4, 2, 3, 3).weight("w", 5, 2, 1, 1).weight("scale", 5)
                .weight("bias", 5).weight("mean", 5).weight("var", 5)
                .node("/conv/Conv", "Conv", List.of("x", "w"))
                .node("/bn/BatchNormalization", "BatchNormalization",
                        List.of(Net.out("/conv/Conv"), "scale", "bias", "mean", "var")),
                TrainingOptions.DEFAULT.withLoss(TrainingOptions.Loss.MSE));
        // forward: square of the centred input (180), inv_sqrt of 5 variances (23 openings and 17 rounds each),
        // (x - mean) * inv_std and * scale (180 + 5 each)
        assertThat(at(r, "/bn/forward").total()).isEqualTo(online(OPEN * (180 + 23 * 5 + 2 * (180 + 5)), 1 + 17 + 2));
        // backward (AutogradBatchNorm.backward): dY * x_norm and x_norm * g (180 + 180 each), dY * scale,
        // g * inv_std, x_norm * sum and (.) * factor (180 + 5 each), sum(g) * factor (5 + 5)
        assertThat(at(r, "/bn/backward").total()).isEqualTo(online(OPEN * (2 * 360 + 4 * 185 + 10), 7));
    }

    @Test
    void crossEntropyIsSoftmaxLogAndTwoProductsWithTheSecretTargetAndSeed() {
        // x [4, 6] @ W [6, 3]: logits [4, 3], 12 elements
        ProfileResult r = train(new Net().input("x", 4, 6).weight("w", 6, 3)
                .node("/fc/MatMul", "MatMul", List.of("x", "w")));
        // log of 12 probabilities (46 openings and 32 rounds each); their product with the one-hot target
        assertThat(at(r, "/loss/forward/log").total()).isEqualTo(online(OPEN * 46 * 12, 32));
        assertThat(at(r, "/loss/forward/target_mul").total()).isEqualTo(online(OPEN * (12 + 12), 1));
        // (softmax - target) / 4 times the encrypted seed: 12 elements by 1
        assertThat(at(r, "/loss/backward").total()).isEqualTo(online(OPEN * (12 + 1), 1));
    }

    @Test
    void meanSquaredErrorSquaresForwardAndMultipliesBySecretsBackward() {
        ProfileResult r = train(new Net().input("x", 4, 6).weight("w", 6, 3)
                .node("/fc/MatMul", "MatMul", List.of("x", "w")), TrainingOptions.DEFAULT
                .withLoss(TrainingOptions.Loss.MSE));
        // (y - t)^2 over 12 elements; the gradient's seed is encrypted, so seed/12 * 2(y - t) is a Beaver mul
        assertThat(at(r, "/loss/forward").total()).isEqualTo(online(OPEN * 12, 1));
        assertThat(at(r, "/loss/backward").total()).isEqualTo(online(OPEN * (12 + 12), 1));
    }

    @Test
    void sgdAndMomentumUpdatesAreLocalAndAdamPaysForItsSquareRootAndDivision() {
        Net net = new Net().input("x", 4, 6).weight("w", 6, 3).node("/fc/MatMul", "MatMul", List.of("x", "w"));
        // products with the public learning rate and momentum: local in 2PC CrypTen (sgd.py)
        assertThat(train(net).training().phases().get("update")).isEqualTo(Cost.ZERO);
        assertThat(train(net, TrainingOptions.DEFAULT.withOptimizer(TrainingOptions.Optimizer.MOMENTUM)).training()
                .phases().get("update")).isEqualTo(Cost.ZERO);
        // Adam on the 18 weights: square (1 opening, 1 round), sqrt (25, 18), div = reciprocal (69, 38) + mul (2, 1)
        ProfileResult adam = train(net, TrainingOptions.DEFAULT.withOptimizer(TrainingOptions.Optimizer.ADAM));
        assertThat(adam.training().phases().get("update")).isEqualTo(online(OPEN * (1 + 25 + 69 + 2) * 18,
                1 + 18 + 38 + 1));
    }

    @Test
    void thePhasesAddUpToTheTotal() {
        // x [2, 3, 6, 6] -> conv to [2, 4, 4, 4] -> relu -> flatten [2, 64] -> Gemm to [2, 3]
        ProfileResult r = train(new Net().input("x", 2, 3, 6, 6).weight("w", 4, 3, 3, 3).weight("fc", 64, 3)
                .node("/conv/Conv", "Conv", List.of("x", "w"))
                .node("/act/Relu", "Relu", List.of(Net.out("/conv/Conv")))
                .node("/flat/Flatten", "Flatten", List.of(Net.out("/act/Relu")), "axis", 1L)
                .node("/fc/Gemm", "Gemm", List.of(Net.out("/flat/Flatten"), "fc")),
                TrainingOptions.DEFAULT.withOptimizer(TrainingOptions.Optimizer.ADAM));
        Cost sum = r.training().phases().values().stream().reduce(Cost.ZERO, Cost::plus);
        assertThat(sum).isEqualTo(r.total());
        assertThat(r.training().phases().keySet()).containsExactly("forward", "backward", "update");
        assertThat(r.training().phases().values()).allSatisfy(c -> assertThat(c.onlineBits()).isPositive());
        // the tree separates them per module too: conv's forward and backward sum to conv
        assertThat(at(r, "/conv/forward").total().plus(at(r, "/conv/backward").total()))
                .isEqualTo(at(r, "/conv").total());
    }

    @Test
    void lenetsBackwardPassAddsUpLayerByLayer() {
        ProfileResult r = profiler.profile(org.hawkeye.engine.TestFiles.lenet(), ProfileOptions.of("crypten")
                .withTraining(TrainingOptions.DEFAULT));
        // opened elements per backward op, batch 1 (Y = layer output; dY has Y's shape):
        long conv1 = (3456 + 150) + (784 + 3456 * 1);   // ConvTranspose(dY, W) + conv(X, dY repeated C_in = 1)
        long relu1 = 3456 + 3456;                       // dY * mask
        long pool1 = 864 + 864 * 4;                     // dY [1, 6, 12, 12] * one-hot of 2x2 windows
        long conv2 = (1024 + 2400) + (864 + 1024 * 6);  // W [16, 6, 5, 5]; dY [1, 16, 8, 8] repeated 6 times
        long relu2 = 1024 + 1024;
        long pool2 = 256 + 256 * 4;
        long fc0 = (120 + 120 * 256) + (120 + 256) + 2 * (120 + 120);  // dA, dB, alpha, beta
        long fc2 = (84 + 84 * 120) + (84 + 120) + 2 * (84 + 84);
        long fc4 = (10 + 10 * 84) + (10 + 84) + 2 * (10 + 10);
        long relus = (120 + 120) + (84 + 84);
        long loss = 10 + 1;                             // (softmax - target) / N times the encrypted seed
        long opened = conv1 + relu1 + pool1 + conv2 + relu2 + pool2 + fc0 + fc2 + fc4 + relus + loss;
        // rounds: 2 per conv, 4 per Gemm, 1 per relu, pool and the loss
        assertThat(r.training().phases().get("backward")).isEqualTo(online(OPEN * opened, 2 * 2 + 3 * 4 + 4 + 2 + 1));

        // the forward phase is LeNet's inference plus the loss's forward: no op changes in a training step
        ProfileResult inference = profiler.profile(org.hawkeye.engine.TestFiles.lenet(), ProfileOptions.of("crypten"));
        assertThat(r.training().phases().get("forward")).isEqualTo(inference.total()
                .plus(at(r, "/loss/forward").total()));
    }
}
