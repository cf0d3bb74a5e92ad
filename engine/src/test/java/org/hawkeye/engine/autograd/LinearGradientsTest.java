package org.hawkeye.engine.autograd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hawkeye.engine.autograd.Net.find;
import static org.hawkeye.engine.autograd.Net.shapeOf;

import java.util.List;
import org.hawkeye.engine.graph.Graph;
import org.hawkeye.engine.graph.Node;
import org.hawkeye.engine.graph.Shape;
import org.junit.jupiter.api.Test;

/** Gemm and MatMul gradients: which products they are and the shapes they have, derived by hand. */
class LinearGradientsTest {
    private static final String DY = "/loss/backward/output_grad_output_0";

    @Test
    void gemmWeightGradientIsATransposedProductOfTheInputAndTheOutputGradient() {
        Graph t = new Net().input("x", 1, 784).weight("w", 784, 128).weight("b", 128)
                .node("/fc/Gemm", "Gemm", List.of("x", "w", "b")).train(TrainingOptions.DEFAULT);

        // dW = A^T dY: the 1x784 input transposed (transA = 1) times the 1x128 output gradient is 784x128
        Node dw = find(t, "/fc/backward/weight_grad");
        assertThat(dw.opType()).isEqualTo("Gemm");
        assertThat(dw.inputs()).containsExactly("x", DY);
        assertThat(shapeOf(t, "x")).isEqualTo(Shape.of(1, 784));
        assertThat(shapeOf(t, DY)).isEqualTo(Shape.of(1, 128));
        assertThat(dw.attributes().getInt("transA", 0)).isEqualTo(1);
        assertThat(shapeOf(t, dw.output(0))).isEqualTo(Shape.of(784, 128));
        assertThat(dw.attributes().getString(TrainingAttributes.ROLE, "")).isEqualTo("weight_grad");
        assertThat(dw.attributes().getString(TrainingAttributes.GRAD_OF, "")).isEqualTo("Gemm");
        assertThat(dw.attributes().has(TrainingAttributes.NEEDED)).isFalse();
    }

    @Test
    void theDataInputsGradientIsMarkedNotNeeded() {
        Graph t = new Net().input("x", 1, 784).weight("w", 784, 128)
                .node("/fc/Gemm", "Gemm", List.of("x", "w")).train(TrainingOptions.DEFAULT);

        // dA = dY B^T: 1x128 times the 784x128 weight transposed (transB = 1) is 1x784, x's shape
        Node dx = find(t, "/fc/backward/input_grad");
        assertThat(dx.inputs()).containsExactly(DY, "w");
        assertThat(dx.attributes().getInt("transB", 0)).isEqualTo(1);
        assertThat(shapeOf(t, dx.output(0))).isEqualTo(Shape.of(1, 784));
        assertThat(dx.attributes().getInt(TrainingAttributes.NEEDED, 1)).isZero();
    }

    @Test
    void aLinearLayerWithTransposedWeightGetsItsGradientsInTheWeightsLayout() {
        // torch.nn.Linear(256, 120) exports as Gemm(x [N, 256], W [120, 256], b [120], transB = 1)
        Graph t = new Net().input("x", 4, 256).weight("w", 120, 256).weight("b", 120)
                .node("/fc/Gemm", "Gemm", List.of("x", "w", "b"), "transB", 1L).train(TrainingOptions.DEFAULT);

        // dW = dY^T A: 4x120 transposed times 4x256 is 120x256, W's own layout
        Node dw = find(t, "/fc/backward/weight_grad");
        assertThat(dw.inputs()).containsExactly(DY, "x");
        assertThat(dw.attributes().getInt("transA", 0)).isEqualTo(1);
        assertThat(shapeOf(t, dw.output(0))).isEqualTo(Shape.of(120, 256));
        // db = dY summed over the 4 samples: 120
        Node db = find(t, "/fc/backward/bias_grad");
        assertThat(db.opType()).isEqualTo("ReduceSum");
        assertThat(shapeOf(t, find(t, "/fc/backward/bias_grad_reshape").output(0))).isEqualTo(Shape.of(120));
    }

    @Test
    void gemmAlsoEmitsTheGradientsOfAlphaAndBetaMarkedNotNeeded() {
        Graph t = new Net().input("x", 4, 256).weight("w", 120, 256).weight("b", 120)
                .node("/fc/Gemm", "Gemm", List.of("x", "w", "b"), "transB", 1L).train(TrainingOptions.DEFAULT);

        // alpha's gradient multiplies dY by the 4x120 product; beta's multiplies the 120 summed dY by the bias
        Node alpha = find(t, "/fc/backward/alpha_grad_mul");
        assertThat(shapeOf(t, alpha.input(1))).isEqualTo(Shape.of(4, 120));
        assertThat(alpha.attributes().getInt(TrainingAttributes.NEEDED, 1)).isZero();
        Node beta = find(t, "/fc/backward/beta_grad_mul");
        assertThat(beta.inputs().get(1)).isEqualTo("b");
        assertThat(shapeOf(t, beta.output(0))).isEqualTo(Shape.of(120));
        assertThat(beta.attributes().getInt(TrainingAttributes.NEEDED, 1)).isZero();
    }

    @Test
    void batchedMatMulSumsTheWeightGradientOverTheBatch() {
        // x [2, 5, 8] @ W [8, 3] = [2, 5, 3]
        Graph t = new Net().input("x", 2, 5, 8).weight("w", 8, 3)
                .node("/proj/MatMul", "MatMul", List.of("x", "w")).train(TrainingOptions.DEFAULT
                        .withLoss(TrainingOptions.Loss.MSE));

        // dW per sample = x^T dY: [2, 8, 5] @ [2, 5, 3] = [2, 8, 3], summed over the batch of 2 to [8, 3]
        Node dw = find(t, "/proj/backward/weight_grad");
        assertThat(dw.opType()).isEqualTo("MatMul");
        assertThat(shapeOf(t, dw.input(0))).isEqualTo(Shape.of(2, 8, 5));
        assertThat(shapeOf(t, dw.output(0))).isEqualTo(Shape.of(2, 8, 3));
        assertThat(shapeOf(t, find(t, "/proj/backward/weight_grad_sum").output(0))).isEqualTo(Shape.of(1, 8, 3));
        assertThat(shapeOf(t, find(t, "/proj/backward/weight_grad_sum_reshape").output(0)))
                .isEqualTo(Shape.of(8, 3));
        // dX = dY W^T: [2, 5, 3] @ [3, 8] = [2, 5, 8], x's shape
        assertThat(shapeOf(t, find(t, "/proj/backward/input_grad").output(0))).isEqualTo(Shape.of(2, 5, 8));
    }
}
