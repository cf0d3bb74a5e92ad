package org.hawkeye.engine.autograd;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.hawkeye.engine.ProfileOptions;
import org.hawkeye.engine.ProfileResult;
import org.hawkeye.engine.Profiler;
import org.hawkeye.engine.UnsupportedOp;
import org.hawkeye.engine.cost.Cost;
import org.hawkeye.engine.tree.TreeNode;
import org.hawkeye.grammar.Rational;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The frameworks that run HawkEye's MP-SPDZ programs (aby, aby3, spdz2k, falcon) cost the ops a training step adds
 * with the same rules: the loss's log as mpc_math.log_fx, max pooling's backward as the product of the gradient
 * with the saved one-hot, powers by their exponent, square roots, clamps. What each call costs per protocol is
 * checked by hand in validation's SecurityModelsTest.
 */
class MpSpdzTrainingTest {
    private static final TrainingOptions MSE = TrainingTests.MSE;
    private static final Profiler profiler = TrainingTests.PROFILER;

    /** The protocol calls directly under a tree node, by name, with their arguments. */
    private static List<String> calls(TreeNode op) {
        return op.children().stream().map(TreeNode::name).toList();
    }

    private static Map<String, Rational> args(TreeNode op, int i) {
        return op.children().get(i).args();
    }

    private static Rational n(long v) {
        return Rational.of(v);
    }

    @ParameterizedTest
    @ValueSource(strings = {"aby", "aby3", "spdz2k", "falcon"})
    void theCrossEntropyLossLogIsMpSpdzsLogFx(String framework) {
        // [2, 4] logits: softmax, then the log of its 8 probabilities
        Net logits = new Net().input("x", 2, 5).weight("w", 5, 4).node("/fc/MatMul", "MatMul", List.of("x", "w"));
        ProfileResult r = profiler.profile(logits.build(), "net", ProfileOptions.of(framework)
                .withTraining(TrainingOptions.DEFAULT));
        TreeNode log = CryptenTrainingTest.at(r, "/loss/forward/log");
        assertThat(calls(log)).containsExactly("log");
        assertThat(args(log, 0)).isEqualTo(Map.of("n", n(8)));
        assertThat(r.complete()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"aby", "aby3", "spdz2k", "falcon"})
    void maxPoolingsGradientIsOneProductPerWindowElement(String framework) {
        // x [2, 3, 8, 8] -> conv 3x3 pad 1 (4 channels) -> 2x2 max pool stride 2 -> [2, 4, 4, 4]: 128 gradients,
        // each multiplied by the 4 bits of its window's one-hot
        Net pooled = new Net().input("x", 2, 3, 8, 8).weight("w", 4, 3, 3, 3)
                .node("/conv/Conv", "Conv", List.of("x", "w"), "pads", new long[] {1, 1, 1, 1})
                .node("/pool/MaxPool", "MaxPool", List.of(Net.out("/conv/Conv")),
                        "kernel_shape", new long[] {2, 2}, "strides", new long[] {2, 2});
        ProfileResult r = profiler.profile(pooled.build(), "net", ProfileOptions.of(framework).withTraining(MSE));
        TreeNode unpool = CryptenTrainingTest.at(r, "/pool/backward/input_grad");
        assertThat(calls(unpool)).containsExactly("maxpool_backward");
        assertThat(args(unpool, 0)).isEqualTo(Map.of("n", n(128 * 4)));
        if (framework.equals("aby3")) {
            // 512 products of a secret bit by a gradient, 3l bits each (ABY3 muls), in one round, no truncation
            assertThat(unpool.total()).isEqualTo(Cost.online(3L * 64 * 512, 1));
        }
        assertThat(r.complete()).isTrue();
    }

    /** x [2, 5] -> Pow(x, e) under aby3, inference. */
    private static ProfileResult pow(double exponent) {
        Net net = new Net().input("x", 2, 5).scalar("e", exponent).node("/p/Pow", "Pow", List.of("x", "e"));
        return profiler.profile(net.build(), "net", ProfileOptions.of("aby3"));
    }

    @Test
    void integerPowersAreSquareAndMultiply() {
        // x^2: one squaring; x^3 = 11b: a squaring and a multiplication; x^5 = 101b: two squarings, one
        // multiplication; x^8 = 1000b: three squarings
        long[][] cases = {{2, 1}, {3, 2}, {5, 3}, {8, 3}};
        for (long[] c : cases) {
            TreeNode op = CryptenTrainingTest.at(pow(c[0]), "/p/Pow");
            assertThat(calls(op)).as("x^" + c[0]).containsExactly("pow_int");
            assertThat(args(op, 0)).as("x^" + c[0]).isEqualTo(Map.of("n", n(10), "products", n(c[1])));
        }
        // x^-2: the square, then 1 / x^2 by FPDiv
        TreeNode inverseSquare = CryptenTrainingTest.at(pow(-2), "/p/Pow");
        assertThat(calls(inverseSquare)).containsExactly("pow_int", "fpdiv");
        // x^-1 is only the division
        assertThat(calls(CryptenTrainingTest.at(pow(-1), "/p/Pow"))).containsExactly("fpdiv");
    }

    @Test
    void squareRootPowersAreSqrtAndInvertSqrt() {
        assertThat(calls(CryptenTrainingTest.at(pow(0.5), "/p/Pow"))).containsExactly("sqrt");
        assertThat(calls(CryptenTrainingTest.at(pow(-0.5), "/p/Pow"))).containsExactly("invsqrt");
        assertThat(CryptenTrainingTest.at(pow(1), "/p/Pow").total()).isEqualTo(Cost.ZERO);
    }

    @Test
    void otherFractionalPowersAreNotCosted() {
        ProfileResult r = pow(0.3);
        assertThat(r.unsupported()).extracting(UnsupportedOp::op).containsExactly("Pow");
        assertThat(r.complete()).isFalse();
    }

    @Test
    void clampsAndHardActivationsLowerToTheirRelu6Forms() {
        Net net = new Net().input("x", 2, 5).scalar("lo", 0).scalar("hi", 6)
                .node("/a/Clip", "Clip", List.of("x", "lo", "hi"))
                .node("/b/Clip", "Clip", List.of(Net.out("/a/Clip"), "lo"))
                .node("/c/HardSigmoid", "HardSigmoid", List.of(Net.out("/b/Clip")))
                .node("/d/HardSwish", "HardSwish", List.of(Net.out("/c/HardSigmoid")))
                .node("/e/Sqrt", "Sqrt", List.of(Net.out("/d/HardSwish")));
        ProfileResult r = profiler.profile(net.build(), "net", ProfileOptions.of("falcon"));
        assertThat(calls(CryptenTrainingTest.at(r, "/a/Clip"))).containsExactly("clamp");
        // one bound: max(x, 0), one comparison and one selection
        assertThat(calls(CryptenTrainingTest.at(r, "/b/Clip"))).containsExactly("max_step");
        assertThat(calls(CryptenTrainingTest.at(r, "/c/HardSigmoid"))).containsExactly("hardsigmoid");
        assertThat(calls(CryptenTrainingTest.at(r, "/d/HardSwish"))).containsExactly("hardswish");
        assertThat(calls(CryptenTrainingTest.at(r, "/e/Sqrt"))).containsExactly("sqrt");
        assertThat(r.complete()).isTrue();
    }
}
