package org.hawkeye.engine.autograd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hawkeye.engine.autograd.Net.find;
import static org.hawkeye.engine.autograd.Net.shapeOf;

import java.util.List;
import org.hawkeye.engine.ProfileOptions;
import org.hawkeye.engine.ProfileResult;
import org.hawkeye.engine.Profiler;
import org.hawkeye.engine.cost.Cost;
import org.hawkeye.engine.graph.Graph;
import org.hawkeye.engine.graph.Node;
import org.hawkeye.engine.graph.Shape;
import org.junit.jupiter.api.Test;

/**
 * LayerNormalization, the Erf of a GELU, powers, clipped activations and division by a secret: the ops the
 * transformer and MobileNet exports need. Shapes are checked by hand; costs under CrypTen, where each opening of e
 * elements is 2 parties x 64 bits (128e bits, 1 round) and a Beaver mul of two e-element tensors opens 2e.
 */
class NormalizationAndActivationGradientsTest {
    private static final TrainingOptions MSE = TrainingTests.MSE;
    private static final long OPEN = 2 * 64;
    private static final Profiler profiler = TrainingTests.PROFILER;

    private static ProfileResult crypten(Net net) {
        return profiler.profile(net.build(), "net", ProfileOptions.of("crypten").withTraining(MSE));
    }

    /** x [2, 3, 4] @ W [4, 8]: 2 samples of 3 tokens, hidden 8 (48 elements). */
    private static Net tokens() {
        return new Net().input("x", 2, 3, 4).weight("w", 4, 8).node("/fc/MatMul", "MatMul", List.of("x", "w"));
    }

    private static Net layerNorm() {
        return tokens().weight("gamma", 8).weight("beta", 8)
                .node("/ln/LayerNormalization", "LayerNormalization",
                        List.of(Net.out("/fc/MatMul"), "gamma", "beta"), "axis", -1L, "epsilon", 1e-5);
    }

    @Test
    void layerNormKeepsItsStatisticsAndDifferentiatesScaleBiasAndInput() {
        Graph t = layerNorm().train(MSE);
        Node ln = find(t, "/ln/forward/LayerNormalization");
        assertThat(ln.outputs()).hasSize(3);
        // mean and 1/std per token: [2, 3, 1]
        assertThat(shapeOf(t, ln.output(2))).isEqualTo(Shape.of(2, 3, 1));
        Node normalized = find(t, "/ln/forward/normalized");
        assertThat(normalized.attributes().getInt(TrainingAttributes.SAVED, 0)).isEqualTo(1);
        // summed over the 2 x 3 tokens, then back to the vectors' own shape [8]
        assertThat(shapeOf(t, find(t, "/ln/backward/scale_grad").output(0))).isEqualTo(Shape.of(1, 1, 8));
        assertThat(shapeOf(t, find(t, "/ln/backward/scale_grad_reshape").output(0))).isEqualTo(Shape.of(8));
        assertThat(shapeOf(t, find(t, "/ln/backward/bias_grad_reshape").output(0))).isEqualTo(Shape.of(8));
        assertThat(shapeOf(t, find(t, "/ln/backward/grad_sum").output(0))).isEqualTo(Shape.of(2, 3, 1));
        assertThat(shapeOf(t, find(t, "/ln/backward/input_grad").output(0))).isEqualTo(Shape.of(2, 3, 8));
        assertThat(find(t, "/ln/backward/input_grad").input(1)).isEqualTo(ln.output(2));
    }

    @Test
    void layerNormBackwardCostsItsProductsUnderCrypten() {
        ProfileResult r = crypten(layerNorm());
        // the statistics and x^ come with the forward op
        assertThat(CryptenTrainingTest.at(r, "/ln/forward/normalized").total()).isEqualTo(Cost.ZERO);
        // dScale: dY * x^, 48 x 48 elements opened
        assertThat(CryptenTrainingTest.at(r, "/ln/backward/scale_grad_mul").total())
                .isEqualTo(Cost.online(OPEN * (48 + 48), 1));
        // g = dY * gamma: a Beaver mul opens both operands at their own sizes, 48 + 8 elements
        assertThat(CryptenTrainingTest.at(r, "/ln/backward/grad_scaled").total())
                .isEqualTo(Cost.online(OPEN * (48 + 8), 1));
        // dX = inner * (1/std): 48 + 6 elements
        assertThat(CryptenTrainingTest.at(r, "/ln/backward/input_grad").total())
                .isEqualTo(Cost.online(OPEN * (48 + 6), 1));
        assertThat(r.complete()).isTrue();
    }

    @Test
    void theGeluAroundAnErfIsDifferentiatedOpByOp() {
        // GELU(y) = y * 0.5 * (1 + erf(y / sqrt 2)), as the exporter writes it
        Net gelu = tokens().scalar("sqrt2", Math.sqrt(2)).scalar("one", 1).scalar("half", 0.5)
                .node("/act/Div", "Div", List.of(Net.out("/fc/MatMul"), "sqrt2"))
                .node("/act/Erf", "Erf", List.of(Net.out("/act/Div")))
                .node("/act/Add", "Add", List.of(Net.out("/act/Erf"), "one"))
                .node("/act/Mul", "Mul", List.of(Net.out("/fc/MatMul"), Net.out("/act/Add")))
                .node("/act/Mul_1", "Mul", List.of(Net.out("/act/Mul"), "half"));
        Graph t = gelu.train(MSE);
        // erf'(u) = 2/sqrt(pi) exp(-u^2): a square of the Erf's input, its negation, an exponential
        Node square = find(t, "/act/backward/input_squared");
        assertThat(square.inputs()).containsExactly(Net.out("/act/Div"), Net.out("/act/Div"));
        assertThat(find(t, "/act/backward/gaussian").opType()).isEqualTo("Exp");
        // the input y is read twice (the product and the division), so its gradient is the sum of both
        assertThat(find(t, "/fc/backward/grad_sum").opType()).isEqualTo("Add");
        assertThat(shapeOf(t, find(t, "/fc/backward/weight_grad_sum_reshape").output(0))).isEqualTo(Shape.of(4, 8));
        assertThat(crypten(gelu).complete()).isTrue();
    }

    @Test
    void powerMultipliesByTheExponentTimesTheNextLowerPower() {
        Graph cube = tokens().scalar("three", 3).node("/act/Pow", "Pow", List.of(Net.out("/fc/MatMul"), "three"))
                .train(MSE);
        Node lower = find(cube, "/act/backward/lower_power");
        assertThat(cube.value(lower.input(1)).data().doubleAt(0)).isEqualTo(2.0);
        assertThat(shapeOf(cube, find(cube, "/act/backward/input_grad").output(0))).isEqualTo(Shape.of(2, 3, 8));
        // x^2: the derivative is 2x, a public product, with no power
        Graph square = tokens().scalar("two", 2).node("/act/Pow", "Pow", List.of(Net.out("/fc/MatMul"), "two"))
                .train(MSE);
        assertThat(square.nodes()).noneMatch(n -> n.name().equals("/act/backward/lower_power"));
        assertThat(find(square, "/act/backward/derivative").opType()).isEqualTo("Mul");
    }

    @Test
    void sqrtDividesByTwiceItsOutput() {
        Graph t = tokens().node("/act/Sqrt", "Sqrt", List.of(Net.out("/fc/MatMul"))).train(MSE);
        Node dx = find(t, "/act/backward/input_grad");
        assertThat(dx.opType()).isEqualTo("Div");
        assertThat(dx.input(1)).isEqualTo(find(t, "/act/backward/twice_output").output(0));
    }

    @Test
    void divisionByASecretUsesTheReciprocalItsForwardKept() {
        // a / c with both computed: [2, 3, 8] / [2, 3, 1]
        Net div = tokens().weight("v", 4, 1).node("/den/MatMul", "MatMul", List.of("x", "v"))
                .node("/q/Div", "Div", List.of(Net.out("/fc/MatMul"), Net.out("/den/MatMul")));
        Graph t = div.train(MSE);
        Node reciprocal = find(t, "/q/forward/divisor_reciprocal");
        assertThat(reciprocal.opType()).isEqualTo("Reciprocal");
        assertThat(reciprocal.attributes().getInt(TrainingAttributes.SAVED, 0)).isEqualTo(1);
        assertThat(find(t, "/q/backward/input_grad").inputs()).contains(reciprocal.output(0));
        // dC = -(1/c)^2 a dY, summed back over the 8 columns c was broadcast along
        assertThat(shapeOf(t, find(t, "/q/backward/other_grad_sum").output(0))).isEqualTo(Shape.of(2, 3, 1));
        ProfileResult r = crypten(div);
        assertThat(CryptenTrainingTest.at(r, "/q/forward/divisor_reciprocal").total()).isEqualTo(Cost.ZERO);
        // (1/c) * dY: 6 + 48 elements opened
        assertThat(CryptenTrainingTest.at(r, "/q/backward/input_grad").total())
                .isEqualTo(Cost.online(OPEN * (6 + 48), 1));
    }

    @Test
    void clipMultipliesByTheMaskOfItsLinearRegion() {
        // ReLU6 on 48 elements
        Net relu6 = tokens().scalar("zero", 0).scalar("six", 6)
                .node("/act/Clip", "Clip", List.of(Net.out("/fc/MatMul"), "zero", "six"));
        Graph t = relu6.train(MSE);
        Node region = find(t, "/act/forward/linear_region");
        assertThat(region.opType()).isEqualTo("And");
        assertThat(find(t, "/act/forward/above_min").attributes().getInt(TrainingAttributes.SAVED, 0)).isEqualTo(1);
        assertThat(find(t, "/act/backward/input_grad").inputs()).contains(region.output(0));
        ProfileResult r = crypten(relu6);
        assertThat(CryptenTrainingTest.at(r, "/act/forward/linear_region").total()).isEqualTo(Cost.ZERO);
        // dY * mask: a Beaver mul of 48 by 48 elements
        assertThat(CryptenTrainingTest.at(r, "/act/backward/input_grad").total())
                .isEqualTo(Cost.online(OPEN * (48 + 48), 1));
    }

    @Test
    void hardSwishIsDifferentiatedAsTheProductOfItsInputAndItsHardSigmoid() {
        Graph t = tokens().node("/act/HardSwish", "HardSwish", List.of(Net.out("/fc/MatMul"))).train(MSE);
        Node hsig = find(t, "/act/forward/hard_sigmoid");
        assertThat(hsig.attributes().getFloat("alpha", 0)).isEqualTo(1.0 / 6.0);
        // linear on (-3, 3)
        Node above = find(t, "/act/forward/above_min");
        assertThat(t.value(above.input(1)).data().doubleAt(0)).isEqualTo(-3.0);
        assertThat(find(t, "/act/backward/grad_times_hard_sigmoid").inputs()).contains(hsig.output(0));
        assertThat(find(t, "/act/backward/input_grad").opType()).isEqualTo("Add");
        Graph s = tokens().node("/act/HardSigmoid", "HardSigmoid", List.of(Net.out("/fc/MatMul"))).train(MSE);
        // default alpha 0.2, beta 0.5: linear on (-2.5, 2.5), slope 0.2
        assertThat(s.value(find(s, "/act/forward/below_max").input(1)).data().doubleAt(0)).isEqualTo(2.5);
        assertThat(s.value(find(s, "/act/backward/input_grad").input(1)).data().doubleAt(0)).isEqualTo(0.2);
    }
}
