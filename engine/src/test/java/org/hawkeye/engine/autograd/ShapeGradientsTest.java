package org.hawkeye.engine.autograd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hawkeye.engine.autograd.Net.find;
import static org.hawkeye.engine.autograd.Net.shapeOf;

import java.util.List;
import org.hawkeye.engine.graph.Graph;
import org.hawkeye.engine.graph.Node;
import org.hawkeye.engine.graph.Shape;
import org.junit.jupiter.api.Test;

/** Data movement and reductions: their gradients move the data back or spread it. */
class ShapeGradientsTest {
    private static final TrainingOptions MSE = TrainingOptions.DEFAULT.withLoss(TrainingOptions.Loss.MSE);

    /** x [2, 3, 4] -> MatMul W [4, 4] -> [2, 3, 4], so that what follows needs gradients. */
    private static Net linear() {
        return new Net().input("x", 2, 3, 4).weight("w", 4, 4).node("/fc/MatMul", "MatMul", List.of("x", "w"));
    }

    @Test
    void flattenIsUndoneByAReshape() {
        Graph t = linear().node("/flat/Flatten", "Flatten", List.of(Net.out("/fc/MatMul")), "axis", 1L).train(MSE);
        Node dx = find(t, "/flat/backward/input_grad");
        assertThat(dx.opType()).isEqualTo("Reshape");
        assertThat(shapeOf(t, dx.input(0))).isEqualTo(Shape.of(2, 12));
        assertThat(shapeOf(t, dx.output(0))).isEqualTo(Shape.of(2, 3, 4));
    }

    @Test
    void transposeIsUndoneByTheInversePermutation() {
        Graph t = linear().node("/t/Transpose", "Transpose", List.of(Net.out("/fc/MatMul")),
                "perm", new long[] {1, 2, 0}).train(MSE);
        Node dx = find(t, "/t/backward/input_grad");
        // y = x.permute(1, 2, 0) is [3, 4, 2]; the inverse permutation (2, 0, 1) restores [2, 3, 4]
        assertThat(dx.attributes().getInts("perm").orElseThrow()).containsExactly(2L, 0L, 1L);
        assertThat(shapeOf(t, dx.output(0))).isEqualTo(Shape.of(2, 3, 4));
    }

    @Test
    void aMeanSpreadsTheGradientOverTheReducedAxesAndDividesByTheirSize() {
        Graph t = linear().node("/m/ReduceMean", "ReduceMean", List.of(Net.out("/fc/MatMul")),
                "axes", new long[] {1}, "keepdims", 0L).train(MSE);
        // dY [2, 4] -> [2, 1, 4] -> expanded to [2, 3, 4], divided by the 3 averaged elements
        assertThat(shapeOf(t, find(t, "/m/backward/grad_keepdims").output(0))).isEqualTo(Shape.of(2, 1, 4));
        Node dx = find(t, "/m/backward/input_grad");
        assertThat(t.value(dx.input(1)).data().doubleAt(0)).isEqualTo(3.0);
        assertThat(shapeOf(t, dx.output(0))).isEqualTo(Shape.of(2, 3, 4));
    }

    @Test
    void aGatherWithPublicIndicesIsUndoneByAScatterAddIntoZeros() {
        // y = x[[0, 2], [1, 1]] over the first two axes: 2 rows of 4
        Graph t = linear().ints("idx", 0, 1, 2, 1).ints("idx_shape", 2, 2)
                .node("/g/Reshape", "Reshape", List.of("idx", "idx_shape"))
                .node("/g/GatherND", "GatherND", List.of(Net.out("/fc/MatMul"), Net.out("/g/Reshape"))).train(MSE);
        Node dx = find(t, "/g/backward/input_grad");
        assertThat(dx.opType()).isEqualTo("ScatterND");
        assertThat(dx.attributes().getString("reduction", "")).isEqualTo("add");
        assertThat(shapeOf(t, dx.input(2))).isEqualTo(Shape.of(2, 4));
        assertThat(shapeOf(t, dx.output(0))).isEqualTo(Shape.of(2, 3, 4));
    }

    @Test
    void concatGivesEachInputItsSliceOfTheGradient() {
        Graph t = linear().weight("w2", 4, 2).node("/fc2/MatMul", "MatMul", List.of("x", "w2"))
                .node("/cat/Concat", "Concat", List.of(Net.out("/fc/MatMul"), Net.out("/fc2/MatMul")), "axis", 2L)
                .train(MSE);
        // [2, 3, 4] and [2, 3, 2] concatenated to [2, 3, 6]: slices [0, 4) and [4, 6) of the last axis
        List<Node> slices = t.nodes().stream().filter(n -> n.name().startsWith("/cat/backward/input_grad")).toList();
        assertThat(slices).hasSize(2);
        assertThat(shapeOf(t, slices.get(0).output(0))).isEqualTo(Shape.of(2, 3, 4));
        assertThat(shapeOf(t, slices.get(1).output(0))).isEqualTo(Shape.of(2, 3, 2));
    }
}
