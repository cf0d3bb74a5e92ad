package org.hawkeye.engine.autograd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hawkeye.engine.autograd.Net.find;
import static org.hawkeye.engine.autograd.Net.shapeOf;

import java.util.List;
import org.hawkeye.engine.graph.Graph;
import org.hawkeye.engine.graph.Node;
import org.hawkeye.engine.graph.Shape;
import org.junit.jupiter.api.Test;

/** Pooling gradients: routing by the saved argmax, spreading by a public kernel, expanding a global mean. */
class PoolGradientsTest {
    private static final TrainingOptions MSE = TrainingOptions.DEFAULT.withLoss(TrainingOptions.Loss.MSE);

    /** A conv first, so that the pool's input needs a gradient: x [1, 2, 8, 8] -> conv 1x1 -> [1, 3, 8, 8]. */
    private static Net convThen() {
        return new Net().input("x", 1, 2, 8, 8).weight("w", 3, 2, 1, 1)
                .node("/conv/Conv", "Conv", List.of("x", "w"));
    }

    @Test
    void maxPoolKeepsItsArgmaxAndRoutesTheGradientThroughIt() {
        Graph t = convThen().node("/pool/MaxPool", "MaxPool", List.of(Net.out("/conv/Conv")),
                "kernel_shape", new long[] {2, 2}, "strides", new long[] {2, 2}).train(MSE);
        // the forward MaxPool now also outputs its Indices, [1, 3, 4, 4] like the pooled values
        Node pool = find(t, "/pool/forward/MaxPool");
        assertThat(pool.outputs()).hasSize(2);
        assertThat(shapeOf(t, pool.output(1))).isEqualTo(Shape.of(1, 3, 4, 4));
        // MaxUnpool(dY [1, 3, 4, 4], indices, output_shape) puts each gradient back at its window's maximum
        Node dx = find(t, "/pool/backward/input_grad");
        assertThat(dx.opType()).isEqualTo("MaxUnpool");
        assertThat(dx.input(1)).isEqualTo(pool.output(1));
        assertThat(dx.attributes().getInts("kernel_shape").orElseThrow()).containsExactly(2L, 2L);
        assertThat(shapeOf(t, dx.output(0))).isEqualTo(Shape.of(1, 3, 8, 8));
    }

    @Test
    void averagePoolSpreadsTheGradientWithAPublicKernelPerChannel() {
        Graph t = convThen().node("/pool/AveragePool", "AveragePool", List.of(Net.out("/conv/Conv")),
                "kernel_shape", new long[] {2, 2}, "strides", new long[] {2, 2}).train(MSE);
        Node dx = find(t, "/pool/backward/input_grad");
        assertThat(dx.opType()).isEqualTo("ConvTranspose");
        // kernel [C = 3, 1, 2, 2], one group per channel, a public constant (no party's secret)
        assertThat(shapeOf(t, dx.input(1))).isEqualTo(Shape.of(3, 1, 2, 2));
        assertThat(t.value(dx.input(1)).kind()).isEqualTo(org.hawkeye.engine.graph.ValueKind.CONSTANT);
        assertThat(dx.attributes().getInt("group", 1)).isEqualTo(3);
        assertThat(shapeOf(t, dx.output(0))).isEqualTo(Shape.of(1, 3, 8, 8));
    }

    @Test
    void globalAveragePoolExpandsAndDividesByTheWindow() {
        Graph t = convThen().node("/gap/GlobalAveragePool", "GlobalAveragePool", List.of(Net.out("/conv/Conv")))
                .train(MSE);
        Node expand = find(t, "/gap/backward/grad_expanded");
        assertThat(expand.opType()).isEqualTo("Expand");
        assertThat(shapeOf(t, expand.input(0))).isEqualTo(Shape.of(1, 3, 1, 1));
        Node dx = find(t, "/gap/backward/input_grad");
        assertThat(dx.opType()).isEqualTo("Div");
        // the window is the whole 8 x 8 map
        assertThat(t.value(dx.input(1)).data().doubleAt(0)).isEqualTo(64.0);
        assertThat(shapeOf(t, dx.output(0))).isEqualTo(Shape.of(1, 3, 8, 8));
    }
}
