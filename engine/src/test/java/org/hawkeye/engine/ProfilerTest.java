package org.hawkeye.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.util.List;
import org.hawkeye.engine.tree.TreeNode;
import org.hawkeye.specs.SpecLibrary;
import org.hawkeye.specs.WeightsMode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The whole pipeline with the toy framework, whose costs are easy to derive by hand:
 * ltz(n) = 2*l*3n bits, ceil(log2 l)+1 rounds; mul(x,y) = 2*l*(x+y) bits, 1 round; relu(n) = ltz(n) + mul(n,n).
 * With l = 64: relu(n) = 384n + 256n = 640n bits and 7 + 1 = 8 rounds.
 */
class ProfilerTest {
    private static Profiler profiler;

    @BeforeAll
    static void load() {
        profiler = new Profiler(SpecLibrary.load(List.of(TestFiles.toySpecs())));
    }

    private static BigInteger big(long v) {
        return BigInteger.valueOf(v);
    }

    private static TreeNode child(TreeNode node, String name) {
        return node.children().stream().filter(c -> c.name().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no child " + name + " under " + node.name()));
    }

    @Test
    void lenetCostsItsFourRelusAndListsWhatToyCannotRun() {
        ProfileResult r = profiler.profile(TestFiles.lenet(), ProfileOptions.of("toy"));

        // ReLUs of LeNet: 6x24x24 = 3456, 16x8x8 = 1024, then 120 and 84 elements
        assertThat(r.total().onlineBits()).isEqualTo(big(640L * (3456 + 1024 + 120 + 84)));
        assertThat(r.total().onlineRounds()).isEqualTo(big(4 * 8));
        assertThat(r.total().offlineBits()).isEqualTo(BigInteger.ZERO);
        assertThat(r.unsupported()).extracting(UnsupportedOp::op, UnsupportedOp::count)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("Conv", 2),
                        org.assertj.core.groups.Tuple.tuple("MaxPool", 2),
                        org.assertj.core.groups.Tuple.tuple("Gemm", 3));
        assertThat(r.unsupported().get(0).example()).isEqualTo("/features/features.0/Conv");
        assertThat(r.unsupported().get(1).reason()).isEqualTo("toy has no maximum protocol");
        assertThat(r.complete()).isFalse();
    }

    @Test
    void theTreeFollowsModulePathsThenOpsThenCallChains() {
        TreeNode root = profiler.profile(TestFiles.lenet(), ProfileOptions.of("toy")).tree();
        assertThat(root.name()).isEqualTo("lenet");
        assertThat(root.children()).extracting(TreeNode::name).containsExactly("features", "flatten", "classifier");
        assertThat(child(root, "features").total().onlineBits()).isEqualTo(big(640L * (3456 + 1024)));
        assertThat(child(root, "classifier").total().onlineBits()).isEqualTo(big(640L * (120 + 84)));

        TreeNode relu = child(child(child(root, "features"), "features.1"), "Relu");
        assertThat(relu.kind()).isEqualTo(TreeNode.Kind.OP);
        assertThat(relu.note()).isEqualTo("rule: secret Relu lowers to relu");
        TreeNode call = child(relu, "relu");
        assertThat(call.children()).extracting(TreeNode::name).containsExactly("ltz", "mul");
        TreeNode ltz = child(call, "ltz");
        assertThat(ltz.args().get("n").toString()).isEqualTo("3456");
        assertThat(ltz.total().onlineBits()).isEqualTo(big(2 * 64 * 3 * 3456L));
        assertThat(ltz.total().onlineRounds()).isEqualTo(big(6 + 1));
    }

    @Test
    void parametersChangeTheFormulas() {
        ProfileResult r = profiler.profile(TestFiles.lenet(), ProfileOptions.of("toy").withParam("l", "32")
                .withParam("offline_factor", "1"));
        // l = 32: relu(n) = 2*32*3n + 2*32*2n = 320n bits, ceil(log2 32) + 1 + 1 = 7 rounds online
        assertThat(r.total().onlineBits()).isEqualTo(big(320L * 4684));
        assertThat(r.total().onlineRounds()).isEqualTo(big(4 * 7));
        // offline: the mul of each relu preprocesses as many bits as it sends online, in one round
        assertThat(r.total().offlineBits()).isEqualTo(big(2 * 32 * 2 * 4684L));
        assertThat(r.total().offlineRounds()).isEqualTo(big(4));
    }

    @Test
    void strictModeMakesAnUnsupportedOpFatal() {
        assertThatThrownBy(() -> profiler.profile(TestFiles.lenet(), ProfileOptions.of("toy").withStrict(true)))
                .hasMessage("lenet.onnx: node '/features/features.0/Conv': --strict: toy cannot cost op type Conv"
                        + " (no rule lowers op type Conv); 3 unsupported op type(s) in all");
    }

    @Test
    void secretWeightsAreMultipliedWithAProtocolAndPublicOnesLocally() {
        var model = TestFiles.resource("onnx/small/mul_weight.onnx");
        ProfileResult secret = profiler.profile(model, ProfileOptions.of("toy").withWeights(WeightsMode.SECRET));
        // mul(10, 10) = 2*64*20 bits in 1 round, then relu(10) = 640*10 bits in 8 rounds
        assertThat(secret.total().onlineBits()).isEqualTo(big(2 * 64 * 20 + 640 * 10));
        assertThat(secret.total().onlineRounds()).isEqualTo(big(1 + 8));
        assertThat(secret.complete()).isTrue();

        ProfileResult open = profiler.profile(model, ProfileOptions.of("toy").withWeights(WeightsMode.PUBLIC));
        // a product with a public weight has no rule in toy: it is listed, not silently free
        assertThat(open.unsupported()).extracting(UnsupportedOp::op).containsExactly("Mul");
        assertThat(open.total().onlineBits()).isEqualTo(big(640 * 10));
    }

    @Test
    void aDivisionByZeroInAFormulaNamesTheFormulaInItsFile() {
        var model = TestFiles.resource("onnx/small/sigmoid.onnx");
        assertThatThrownBy(() -> profiler.profile(model, ProfileOptions.of("toy")))
                .hasMessageMatching(".*specs/toy/framework.yaml:\\d+:\\d+: cost formula 'n / \\(n - n\\)': division by zero");
    }

    @Test
    void batchReinfersEveryShape() {
        ProfileResult r = profiler.profile(TestFiles.lenet(), ProfileOptions.of("toy").withBatch(4L));
        assertThat(r.total().onlineBits()).isEqualTo(big(640L * 4 * 4684));
    }
}
