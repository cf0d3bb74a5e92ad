package org.hawkeye.engine.autograd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hawkeye.engine.autograd.Net.find;
import static org.hawkeye.engine.autograd.Net.shapeOf;

import java.util.List;
import org.hawkeye.engine.graph.Graph;
import org.hawkeye.engine.graph.Node;
import org.hawkeye.engine.graph.Shape;
import org.junit.jupiter.api.Test;

/** BatchNormalization with batch statistics: its forward written out, and its backward term by term. */
class BatchNormGradientsTest {

    /** x [4, 2, 3, 3] -> conv 1x1 to 5 channels -> BatchNormalization: n = 4*5*3*3 = 180 elements, c = 5. */
    private static Graph bn() {
        return new Net().input("x", 4, 2, 3, 3).weight("w", 5, 2, 1, 1).weight("scale", 5).weight("bias", 5)
                .weight("mean", 5).weight("var", 5)
                .node("/conv/Conv", "Conv", List.of("x", "w"))
                .node("/bn/BatchNormalization", "BatchNormalization",
                        List.of(Net.out("/conv/Conv"), "scale", "bias", "mean", "var"))
                .train(TrainingOptions.DEFAULT.withLoss(TrainingOptions.Loss.MSE));
    }

    @Test
    void theForwardUsesTheBatchsStatisticsNotTheRunningOnes() {
        Graph t = bn();
        assertThat(t.nodes()).noneMatch(n -> n.opType().equals("BatchNormalization"));
        // variance from the squared centred input (all 180 elements), 1/sqrt(var + eps) per channel as x^-0.5
        Node squared = find(t, "/bn/forward/centred_squared");
        assertThat(squared.opType()).isEqualTo("Pow");
        assertThat(shapeOf(t, squared.output(0))).isEqualTo(Shape.of(4, 5, 3, 3));
        Node invStd = find(t, "/bn/forward/inv_std");
        assertThat(t.value(invStd.input(1)).data().doubleAt(0)).isEqualTo(-0.5);
        assertThat(shapeOf(t, invStd.output(0))).isEqualTo(Shape.of(1, 5, 1, 1));
        // the running statistics are read by nothing: BatchNormalization's inputs 3 and 4 are buffers
        assertThat(t.nodes()).noneMatch(n -> n.inputs().contains("mean") || n.inputs().contains("var"));
        assertThat(TrainingGraph.trainableWeights(new Net().input("x", 4, 2, 3, 3).weight("w", 5, 2, 1, 1)
                .weight("scale", 5).weight("bias", 5).weight("mean", 5).weight("var", 5)
                .node("/conv/Conv", "Conv", List.of("x", "w"))
                .node("/bn/BatchNormalization", "BatchNormalization",
                        List.of(Net.out("/conv/Conv"), "scale", "bias", "mean", "var")).build()))
                .containsExactly("w", "scale", "bias");
    }

    @Test
    void theBackwardHasSevenProductsOfTheShapesCryptenUses() {
        Graph t = bn();
        // per element (180): dY * x_norm, dY * scale, (.) * inv_std, x_norm * g, x_norm * sum, (.) * factor
        // per channel (5): sum(g) * factor
        List<String> perElement = List.of("scale_grad_mul", "grad_scaled", "direct_term", "std_mul", "std_spread",
                "std_term");
        for (String role : perElement) {
            Node n = find(t, "/bn/backward/" + role);
            assertThat(n.opType()).as(role).isEqualTo("Mul");
            assertThat(shapeOf(t, n.output(0))).as(role).isEqualTo(Shape.of(4, 5, 3, 3));
        }
        Node meanTerm = find(t, "/bn/backward/mean_term");
        assertThat(shapeOf(t, meanTerm.input(0))).isEqualTo(Shape.of(1, 5, 1, 1));
        assertThat(shapeOf(t, meanTerm.input(1))).isEqualTo(Shape.of(1, 5, 1, 1));
        assertThat(t.nodes().stream().filter(n -> n.name().startsWith("/bn/backward/") && n.opType().equals("Mul")))
                .hasSize(7);
        assertThat(shapeOf(t, find(t, "/bn/backward/input_grad").output(0))).isEqualTo(Shape.of(4, 5, 3, 3));
        assertThat(shapeOf(t, find(t, "/bn/backward/scale_grad").output(0))).isEqualTo(Shape.of(5));
        assertThat(shapeOf(t, find(t, "/bn/backward/bias_grad").output(0))).isEqualTo(Shape.of(5));
    }
}
