package org.hawkeye.engine.autograd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hawkeye.engine.autograd.Net.find;
import static org.hawkeye.engine.autograd.Net.shapeOf;

import java.util.List;
import org.hawkeye.engine.graph.Graph;
import org.hawkeye.engine.graph.Node;
import org.hawkeye.engine.graph.Shape;
import org.junit.jupiter.api.Test;

/** Conv gradients with stride, padding, groups and one spatial axis; every shape derived by hand. */
class ConvGradientsTest {
    private static final TrainingOptions MSE = TrainingOptions.DEFAULT.withLoss(TrainingOptions.Loss.MSE);

    private static List<Long> ints(Node n, String attr) {
        return n.attributes().getInts(attr).orElseThrow();
    }

    /** x [2, 3, 8, 8] * W [4, 3, 3, 3], stride 2, pad 1: out = floor((8 + 2 - 3) / 2) + 1 = 4 per axis. */
    private static Graph stridedConv() {
        return new Net().input("x", 2, 3, 8, 8).weight("w", 4, 3, 3, 3).weight("b", 4)
                .node("/conv/Conv", "Conv", List.of("x", "w", "b"), "strides", new long[] {2, 2},
                        "pads", new long[] {1, 1, 1, 1})
                .train(MSE);
    }

    @Test
    void theInputGradientIsATransposedConvPaddedBackToTheInputsShape() {
        Graph t = stridedConv();
        Node dx = find(t, "/conv/backward/input_grad");
        assertThat(dx.opType()).isEqualTo("ConvTranspose");
        assertThat(dx.input(1)).isEqualTo("w");
        assertThat(shapeOf(t, dx.input(0))).isEqualTo(Shape.of(2, 4, 4, 4));
        // ConvTranspose grows 4 to 2 * (4 - 1) + (3 - 1) + 1 - 2 = 7; the forward floor dropped one row: padding 1
        assertThat(ints(dx, "output_padding")).containsExactly(1L, 1L);
        assertThat(ints(dx, "strides")).containsExactly(2L, 2L);
        assertThat(shapeOf(t, dx.output(0))).isEqualTo(Shape.of(2, 3, 8, 8));
    }

    @Test
    void theWeightGradientIsAConvWithTheRolesSwappedNarrowedToTheKernel() {
        Graph t = stridedConv();
        Node dw = find(t, "/conv/backward/weight_grad");
        assertThat(dw.opType()).isEqualTo("Conv");
        // X^T [3, 2, 8, 8]: the 3 input channels become the batch, the 2 samples the channels
        assertThat(shapeOf(t, dw.input(0))).isEqualTo(Shape.of(3, 2, 8, 8));
        // dY^T [4, 2, 4, 4] is the kernel: 4 output channels, 2 samples
        assertThat(shapeOf(t, dw.input(1))).isEqualTo(Shape.of(4, 2, 4, 4));
        // stride and dilation trade places: the forward stride 2 spaces the kernel's taps
        assertThat(ints(dw, "strides")).containsExactly(1L, 1L);
        assertThat(ints(dw, "dilations")).containsExactly(2L, 2L);
        // k' = 8 + 2 - ((4 - 1) * 2 + 1) + 1 = 4 >= 3: [3, 4, 4, 4], transposed to [4, 3, 4, 4], narrowed to W
        assertThat(shapeOf(t, dw.output(0))).isEqualTo(Shape.of(3, 4, 4, 4));
        Node narrow = find(t, "/conv/backward/weight_grad_narrow");
        assertThat(narrow.opType()).isEqualTo("Slice");
        assertThat(shapeOf(t, narrow.output(0))).isEqualTo(Shape.of(4, 3, 3, 3));
        // the bias gradient sums dY over the batch and both spatial axes: 4 channels
        assertThat(shapeOf(t, find(t, "/conv/backward/bias_grad").output(0))).isEqualTo(Shape.of(4));
    }

    @Test
    void aDepthwiseConvGroupsTheSamplesPerChannel() {
        // x [1, 4, 6, 6], W [4, 1, 3, 3], group 4, pad 1: y [1, 4, 6, 6]
        Graph t = new Net().input("x", 1, 4, 6, 6).weight("w", 4, 1, 3, 3)
                .node("/dw/Conv", "Conv", List.of("x", "w"), "group", 4L, "pads", new long[] {1, 1, 1, 1})
                .train(MSE);
        Node dw = find(t, "/dw/backward/weight_grad");
        // X regrouped to [C/g = 1, g * N = 4, 6, 6]; dY^T [4, 1, 6, 6]; group 4 pairs channel c with sample c
        assertThat(shapeOf(t, dw.input(0))).isEqualTo(Shape.of(1, 4, 6, 6));
        assertThat(shapeOf(t, dw.input(1))).isEqualTo(Shape.of(4, 1, 6, 6));
        assertThat(dw.attributes().getInt("group", 1)).isEqualTo(4);
        // k' = 6 + 2 - (6 - 1) = 3: no narrowing; [1, 4, 3, 3] transposed to W's [4, 1, 3, 3]
        assertThat(shapeOf(t, find(t, "/dw/backward/weight_grad_transposed").output(0)))
                .isEqualTo(Shape.of(4, 1, 3, 3));
        assertThat(find(t, "/dw/backward/input_grad").attributes().getInt("group", 1)).isEqualTo(4);
    }

    @Test
    void aGroupedConvRegroupsTheInputChannelsPerGroup() {
        // x [3, 4, 5, 5], W [6, 2, 1, 1], group 2: each group maps 2 input channels to 3 output channels
        Graph t = new Net().input("x", 3, 4, 5, 5).weight("w", 6, 2, 1, 1)
                .node("/g/Conv", "Conv", List.of("x", "w"), "group", 2L).train(MSE);
        // X [3, 4, 5, 5] -> [3, 2, 2, 5, 5] (N, g, C/g) -> [2, 2, 3, 5, 5] (C/g, g, N) -> [2, 6, 5, 5]
        assertThat(shapeOf(t, find(t, "/g/backward/input_grouped").output(0))).isEqualTo(Shape.of(3, 2, 2, 5, 5));
        assertThat(shapeOf(t, find(t, "/g/backward/input_transposed").output(0))).isEqualTo(Shape.of(2, 2, 3, 5, 5));
        Node dw = find(t, "/g/backward/weight_grad");
        assertThat(shapeOf(t, dw.input(0))).isEqualTo(Shape.of(2, 6, 5, 5));
        // the kernel dY^T [6, 3, 5, 5] has 3 (= N) channels per group of 2: 6 input channels in all
        assertThat(shapeOf(t, dw.input(1))).isEqualTo(Shape.of(6, 3, 5, 5));
        assertThat(shapeOf(t, find(t, "/g/backward/weight_grad_transposed").output(0)))
                .isEqualTo(Shape.of(6, 2, 1, 1));
    }

    @Test
    void aOneDimensionalConvHasOneSpatialAxisThroughout() {
        // x [2, 3, 10] * W [5, 3, 3]: y [2, 5, 8]
        Graph t = new Net().input("x", 2, 3, 10).weight("w", 5, 3, 3)
                .node("/c1/Conv", "Conv", List.of("x", "w")).train(MSE);
        assertThat(shapeOf(t, find(t, "/c1/backward/input_grad").output(0))).isEqualTo(Shape.of(2, 3, 10));
        // k' = 10 - (8 - 1) = 3
        assertThat(shapeOf(t, find(t, "/c1/backward/weight_grad_transposed").output(0))).isEqualTo(Shape.of(5, 3, 3));
    }
}
