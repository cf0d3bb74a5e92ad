package org.hawkeye.engine.autograd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hawkeye.engine.autograd.Net.find;
import static org.hawkeye.engine.autograd.Net.shapeOf;

import java.util.List;
import org.hawkeye.engine.graph.Graph;
import org.hawkeye.engine.graph.Node;
import org.hawkeye.engine.graph.Shape;
import org.junit.jupiter.api.Test;

/** Broadcasting arithmetic: gradients at the output's shape, summed back over the broadcast axes. */
class ElementwiseGradientsTest {
    private static final TrainingOptions MSE = TrainingOptions.DEFAULT.withLoss(TrainingOptions.Loss.MSE);

    @Test
    void aBroadcastAddendsGradientIsSummedOverTheAxesItWasBroadcastAlong() {
        // x [4, 3, 5] + b [3, 1]: b is broadcast along the batch (leading) axis and the last axis
        Graph t = new Net().input("x", 4, 3, 5).weight("b", 3, 1).node("/add/Add", "Add", List.of("x", "b"))
                .train(MSE);
        Node sum = find(t, "/add/backward/other_grad");
        assertThat(sum.opType()).isEqualTo("ReduceSum");
        // axes 0 (missing in b) and 2 (size 1 in b): [4, 3, 5] -> [1, 3, 1] -> reshaped to [3, 1]
        assertThat(t.value(sum.input(1)).data().toLongs()).containsExactly(0L, 2L);
        assertThat(shapeOf(t, find(t, "/add/backward/other_grad_reshape").output(0))).isEqualTo(Shape.of(3, 1));
    }

    @Test
    void aProductsGradientsMultiplyByTheOtherOperand() {
        // x [2, 6] * w [6]: dw = sum over the batch of dY * x; dx = dY * w (not needed: x is the data)
        Graph t = new Net().input("x", 2, 6).weight("w", 6).node("/scale/Mul", "Mul", List.of("x", "w"))
                .train(MSE);
        Node dw = find(t, "/scale/backward/other_grad");
        assertThat(dw.inputs()).contains("x");
        assertThat(shapeOf(t, dw.output(0))).isEqualTo(Shape.of(2, 6));
        assertThat(shapeOf(t, find(t, "/scale/backward/other_grad_sum_reshape").output(0))).isEqualTo(Shape.of(6));
        Node dx = find(t, "/scale/backward/input_grad");
        assertThat(dx.inputs()).contains("w");
        assertThat(dx.attributes().getInt(TrainingAttributes.NEEDED, 1)).isZero();
    }

    @Test
    void aValueReadTwiceGetsTheSumOfBothGradients() {
        // a residual: h = relu(x W); y = h + h W2 (h is read by the Add and by the MatMul)
        Graph t = new Net().input("x", 2, 4).weight("w", 4, 4).weight("w2", 4, 4)
                .node("/fc/MatMul", "MatMul", List.of("x", "w"))
                .node("/act/Relu", "Relu", List.of(Net.out("/fc/MatMul")))
                .node("/fc2/MatMul", "MatMul", List.of(Net.out("/act/Relu"), "w2"))
                .node("/res/Add", "Add", List.of(Net.out("/act/Relu"), Net.out("/fc2/MatMul"))).train(MSE);
        Node sum = find(t, "/act/backward/grad_sum");
        assertThat(sum.opType()).isEqualTo("Add");
        assertThat(shapeOf(t, sum.output(0))).isEqualTo(Shape.of(2, 4));
        assertThat(find(t, "/act/backward/input_grad").input(0)).isEqualTo(sum.output(0));
    }
}
