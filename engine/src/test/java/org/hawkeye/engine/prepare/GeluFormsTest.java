package org.hawkeye.engine.prepare;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.function.Supplier;
import org.hawkeye.engine.ProfileOptions;
import org.hawkeye.engine.ProfileResult;
import org.hawkeye.engine.autograd.TrainingOptions;
import org.hawkeye.engine.graph.Graph;
import org.hawkeye.engine.graph.Node;
import org.hawkeye.engine.shapes.ShapeInference;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/**
 * The forms of GELU exporters write become one Gelu op, and a Gelu op costs what its written-out ops cost: a form
 * whose erf (or tanh) has a second reader is not fused, so profiling it costs the written-out ops one by one.
 */
class GeluFormsTest {
    private static final double SQRT2 = Math.sqrt(2);

    /** x W, then (x W) * (erf(x W / sqrt 2) + 1) * 0.5 before a Neg; {@code spy}: the erf is also a graph output. */
    private static Sketch erfForm(boolean spy) {
        return erfForm(spy, SQRT2);
    }

    private static Sketch erfForm(boolean spy, double sqrt2) {
        Sketch s = new Sketch().input("in", 1, 4, 8).weight("W", 8, 8).scalar("sqrt2", sqrt2).scalar("one", 1.0)
                .scalar("half", 0.5)
                .node("/fc/MatMul", "MatMul", "x", "in", "W")
                .node("/act/Div", "Div", "u", "x", "sqrt2")
                .node("/act/Erf", "Erf", "e", "u")
                .node("/act/Add", "Add", "a", "e", "one")
                .node("/act/Mul", "Mul", "m", "x", "a")
                .node("/act/Mul_1", "Mul", "y", "m", "half")
                .node("/out/Neg", "Neg", "z", "y").output("z");
        return spy ? s.output("e") : s;
    }

    /** 0.5 x (1 + tanh(sqrt(2/pi) (x + 0.044715 x^3))) with x^3 as Pow (GPT-2's gelu_new) or as x * (x * x). */
    private static Sketch tanhForm(boolean pow, boolean spy) {
        Sketch s = new Sketch().input("in", 1, 4, 8).weight("W", 8, 8).scalar("three", 3.0).scalar("c1", 0.044715)
                .scalar("c2", Math.sqrt(2 / Math.PI)).scalar("one", 1.0).scalar("half", 0.5)
                .node("/fc/MatMul", "MatMul", "x", "in", "W");
        if (pow) {
            s.node("/act/Pow", "Pow", "cube", "x", "three");
        } else {
            s.node("/act/Mul", "Mul", "sq", "x", "x").node("/act/Mul_1", "Mul", "cube", "x", "sq");
        }
        s.node("/act/Mul_2", "Mul", "k", "c1", "cube")
                .node("/act/Add", "Add", "v", "x", "k")
                .node("/act/Mul_3", "Mul", "w", "c2", "v")
                .node("/act/Tanh", "Tanh", "t", "w")
                .node("/act/Add_1", "Add", "a", "one", "t")
                .node("/act/Mul_4", "Mul", "h", "x", "half")
                .node("/act/Mul_5", "Mul", "y", "h", "a")
                .node("/out/Neg", "Neg", "z", "y").output("z");
        return spy ? s.output("t") : s;
    }

    private static List<Node> fused(Sketch s) {
        Graph g = s.graph();
        ShapeInference.infer(g, "sketch");
        return GeluForms.fuse(g).nodes();
    }

    @Test
    void theErfFormBecomesOneGeluUnderItsModule() {
        assertThat(fused(erfForm(false))).extracting(Node::opType).containsExactly("MatMul", "Gelu", "Neg");
        Node gelu = fused(erfForm(false)).get(1);
        assertThat(gelu.name()).isEqualTo("/act/Gelu");
        assertThat(gelu.inputs()).containsExactly("x");
        assertThat(gelu.outputs()).containsExactly("y");
        assertThat(gelu.attributes().getString("approximate", "")).isEqualTo("none");
        // near miss: the erf is read outside the pattern
        assertThat(fused(erfForm(true))).extracting(Node::opType).contains("Erf");
    }

    @ParameterizedTest(name = "sqrt 2 stored as {0}")
    @ValueSource(doubles = {1.4140625, 1.4142135623730951, 1.41421})
    void halfPrecisionConstantsAreRecognised(double sqrt2) {
        // 1.4140625 is sqrt 2 in float16 and in bfloat16 (a float16 export of nn.GELU)
        assertThat(fused(erfForm(false, sqrt2))).extracting(Node::opType).containsExactly("MatMul", "Gelu", "Neg");
    }

    @Test
    void aFormWithOtherConstantsIsNotAGelu() {
        // x * (erf(x / 2) + 1) * 0.5 is not GELU: 2 is 41% off sqrt 2
        assertThat(fused(erfForm(false, 2.0))).extracting(Node::opType).contains("Erf", "Div");
    }

    @ParameterizedTest(name = "x^3 as Pow: {0}")
    @ValueSource(booleans = {true, false})
    void theTanhFormsBecomeOneTanhGelu(boolean pow) {
        List<Node> nodes = fused(tanhForm(pow, false));
        assertThat(nodes).extracting(Node::opType).containsExactly("MatMul", "Gelu", "Neg");
        assertThat(nodes.get(1).attributes().getString("approximate", "")).isEqualTo("tanh");
        assertThat(fused(tanhForm(pow, true))).extracting(Node::opType).contains("Tanh");
    }

    private static ProfileResult profile(Graph g, ProfileOptions options) {
        return TinyTransformers.PROFILER.profile(g, "sketch", options);
    }

    private static Sketch geluOp(String approximate) {
        return new Sketch().input("in", 1, 4, 8).weight("W", 8, 8)
                .node("/fc/MatMul", "MatMul", "x", "in", "W")
                .node("/act/Gelu", "Gelu", java.util.Map.of("approximate", approximate), "y", "x")
                .node("/out/Neg", "Neg", "z", "y").output("z");
    }

    /** Profiles of a Gelu op and of its written-out form left unfused cost the same, under every framework here. */
    private static void assertSameCost(Supplier<Sketch> gelu, Supplier<Sketch> writtenOut, ProfileOptions options) {
        ProfileResult fusedOp = profile(gelu.get().graph(), options);
        ProfileResult ops = profile(writtenOut.get().graph(), options);
        assertThat(fusedOp.unsupported()).isEmpty();
        assertThat(ops.unsupported()).isEmpty();
        assertThat(fusedOp.total()).as(options.framework()).isEqualTo(ops.total());
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"crypten", "semi2k"})
    void aGeluCostsWhatItsErfFormCosts(String framework) {
        assertSameCost(() -> geluOp("none"), () -> erfForm(true), ProfileOptions.of(framework));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"crypten", "semi2k"})
    void aTanhGeluCostsWhatItsPowFormCosts(String framework) {
        assertSameCost(() -> geluOp("tanh"), () -> tanhForm(true, true), ProfileOptions.of(framework));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"none", "tanh"})
    void aGeluTrainsAsItsWrittenOutFormDoes(String approximate) {
        // the Gelu's backward is written as the product, erf (tanh), power and division rules differentiate the
        // written-out form, factor by factor
        ProfileOptions semi2k = ProfileOptions.of("semi2k")
                .withTraining(TrainingOptions.DEFAULT.withLoss(TrainingOptions.Loss.MSE));
        assertSameCost(() -> geluOp(approximate),
                () -> approximate.equals("none") ? erfForm(true) : tanhForm(true, true), semi2k);
    }

    @Test
    void underCryptenTheErfFormAlsoPaysForTheGradientOfItsHalf() {
        // CrypTen computes every operand's gradient (Setting input_gradients = all), the exported 0.5 too, whose
        // gradient sum(dY * x a) is one more Beaver mul of two 1 x 4 x 8 tensors; the Gelu has no such operand
        ProfileOptions crypten = ProfileOptions.of("crypten")
                .withTraining(TrainingOptions.DEFAULT.withLoss(TrainingOptions.Loss.MSE));
        ProfileResult fusedOp = profile(geluOp("none").graph(), crypten);
        ProfileResult ops = profile(erfForm(true).graph(), crypten);
        assertThat(ops.total().onlineBits().subtract(fusedOp.total().onlineBits()))
                .isEqualTo(java.math.BigInteger.valueOf(2L * 64 * (32 + 32)));
        assertThat(ops.total().onlineRounds().subtract(fusedOp.total().onlineRounds()))
                .isEqualTo(java.math.BigInteger.ONE);
    }
}
