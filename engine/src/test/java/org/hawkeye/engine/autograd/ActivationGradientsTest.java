package org.hawkeye.engine.autograd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hawkeye.engine.autograd.Net.find;
import static org.hawkeye.engine.autograd.Net.shapeOf;

import java.util.List;
import org.hawkeye.engine.graph.Graph;
import org.hawkeye.engine.graph.Node;
import org.hawkeye.engine.graph.Shape;
import org.junit.jupiter.api.Test;

/** Activations: products with what the forward pass already holds. */
class ActivationGradientsTest {
    private static final TrainingOptions MSE = TrainingOptions.DEFAULT.withLoss(TrainingOptions.Loss.MSE);

    private static Net linearThen(String op) {
        return new Net().input("x", 3, 4).weight("w", 4, 6).node("/fc/MatMul", "MatMul", List.of("x", "w"))
                .node("/act/" + op, op, List.of(Net.out("/fc/MatMul")));
    }

    @Test
    void reluSavesItsMaskInTheForwardPassAndMultipliesByItInTheBackward() {
        Graph t = linearThen("Relu").train(MSE);
        Node mask = find(t, "/act/forward/relu_mask");
        assertThat(mask.opType()).isEqualTo("Greater");
        assertThat(mask.attributes().getInt(TrainingAttributes.SAVED, 0)).isEqualTo(1);
        assertThat(mask.attributes().getString(TrainingAttributes.PHASE, "")).isEqualTo("forward");
        Node dx = find(t, "/act/backward/input_grad");
        assertThat(dx.opType()).isEqualTo("Mul");
        assertThat(dx.input(1)).isEqualTo(mask.output(0));
        // a 0/1 mask, not a fixed-point number: frameworks that truncate products do not truncate this one
        assertThat(t.value(mask.output(0)).dataType()).isEqualTo(org.hawkeye.engine.graph.DataType.BOOL);
        // one product of 3 x 6 = 18 elements
        assertThat(shapeOf(t, dx.output(0))).isEqualTo(Shape.of(3, 6));
    }

    @Test
    void aReluBeforeAnyWeightSavesNoMask() {
        // relu(x) W: nothing before the Relu is trained, so no gradient flows through it
        Graph t = new Net().input("x", 3, 4).weight("w", 4, 6).node("/act/Relu", "Relu", List.of("x"))
                .node("/fc/MatMul", "MatMul", List.of(Net.out("/act/Relu"), "w")).train(MSE);
        assertThat(t.nodes()).noneMatch(n -> n.name().startsWith("/act/forward/relu_mask"));
        assertThat(t.nodes()).noneMatch(n -> n.name().startsWith("/act/backward/"));
    }

    @Test
    void sigmoidAndTanhMultiplyByTheirDerivativeFromTheOutput() {
        Graph s = linearThen("Sigmoid").train(MSE);
        // g * y, then (1 - y) local, then the product
        assertThat(find(s, "/act/backward/grad_times_output").inputs()).contains("/act/Sigmoid_output_0");
        assertThat(find(s, "/act/backward/input_grad").opType()).isEqualTo("Mul");
        Graph t = linearThen("Tanh").train(MSE);
        // y^2 (a square), 1 - y^2 local, the product with g
        assertThat(find(t, "/act/backward/output_squared").opType()).isEqualTo("Pow");
        assertThat(shapeOf(t, find(t, "/act/backward/input_grad").output(0))).isEqualTo(Shape.of(3, 6));
    }

    @Test
    void softmaxInsideTheModelIsDifferentiatedAlongItsAxis() {
        Graph t = linearThen("Softmax").train(MSE);
        Node summed = find(t, "/act/backward/weighted_sum");
        assertThat(shapeOf(t, summed.output(0))).isEqualTo(Shape.of(3, 1));
        assertThat(shapeOf(t, find(t, "/act/backward/input_grad").output(0))).isEqualTo(Shape.of(3, 6));
    }
}
