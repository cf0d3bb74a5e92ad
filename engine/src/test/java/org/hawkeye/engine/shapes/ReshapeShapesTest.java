package org.hawkeye.engine.shapes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hawkeye.engine.graph.DataType.FLOAT;
import static org.hawkeye.engine.shapes.GraphBuilder.longs;
import static org.hawkeye.engine.shapes.GraphBuilder.names;

import org.hawkeye.engine.graph.Graph;
import org.hawkeye.engine.graph.Shape;
import org.junit.jupiter.api.Test;

class ReshapeShapesTest {

    private static Shape reshape(long[] in, long[] target, Object... attributes) {
        return new GraphBuilder().input("x", FLOAT, in).ints("shape", target)
                .node("Reshape", names("x", "shape"), names("y"), attributes).shapeOf("y");
    }

    @Test
    void zeroCopiesTheInputDimensionAndMinusOneTakesTheRest() {
        // BERT's head split: [1,128,768] to [0,0,12,64]
        assertThat(reshape(new long[] {1, 128, 768}, new long[] {0, 0, 12, 64})).isEqualTo(Shape.of(1, 128, 12, 64));
        // 1*128*768 / (1*12*64) = 128
        assertThat(reshape(new long[] {1, 128, 768}, new long[] {1, -1, 12, 64})).isEqualTo(Shape.of(1, 128, 12, 64));
        assertThat(reshape(new long[] {2, 3, 4}, new long[] {0, -1})).isEqualTo(Shape.of(2, 12));
    }

    @Test
    void allowZeroMakesZeroLiteral() {
        assertThat(reshape(new long[] {0, 4}, new long[] {0, 4}, "allowzero", 1)).isEqualTo(Shape.of(0, 4));
    }

    @Test
    void targetsThatDoNotFitAreReported() {
        assertThatThrownBy(() -> reshape(new long[] {3, 4}, new long[] {7, -1}))
                .hasMessage("test.onnx: node 'Reshape_0' (Reshape): Reshape to [7,-1] does not fit 12 elements");
        assertThatThrownBy(() -> reshape(new long[] {3, 4}, new long[] {5, 2}))
                .hasMessageEndingWith("Reshape to [5,2] does not fit 12 elements");
        assertThatThrownBy(() -> reshape(new long[] {3, 4}, new long[] {-1, -1}))
                .hasMessageEndingWith("Reshape to [-1,-1] has more than one -1");
        assertThatThrownBy(() -> reshape(new long[] {12}, new long[] {3, 0}))
                .hasMessageEndingWith("0 at position 1 copies an input dimension, but the input 12 has rank 1");
    }

    @Test
    void aTargetComputedAtRunTimeIsReported() {
        GraphBuilder g = new GraphBuilder().input("x", FLOAT, 3, 4).input("s", org.hawkeye.engine.graph.DataType.INT64, 2)
                .node("Reshape", names("x", "s"), names("y"));
        assertThatThrownBy(g::infer).hasMessageEndingWith(
                "the target shape (input 's') is computed at run time and could not be folded to a constant");
    }

    @Test
    void flattenSplitsAtTheAxis() {
        assertThat(new GraphBuilder().input("x", FLOAT, 1, 16, 4, 4).node("Flatten", names("x"), names("y"))
                .shapeOf("y")).isEqualTo(Shape.of(1, 256));
        assertThat(new GraphBuilder().input("x", FLOAT, 2, 3, 4).node("Flatten", names("x"), names("y"), "axis", 0)
                .shapeOf("y")).isEqualTo(Shape.of(1, 24));
        assertThat(new GraphBuilder().input("x", FLOAT, 2, 3, 4).node("Flatten", names("x"), names("y"), "axis", -1)
                .shapeOf("y")).isEqualTo(Shape.of(6, 4));
    }

    @Test
    void squeezeAndUnsqueezeTakeAxesAsInputFromOpset13() {
        Graph g = new GraphBuilder(13).input("x", FLOAT, 1, 3, 1, 5).ints("axes", 0, -2).ints("at", 0, 3)
                .node("Squeeze", names("x", "axes"), names("s"))
                .node("Unsqueeze", names("s", "at"), names("u"))
                .infer();
        assertThat(g.value("s").shape()).isEqualTo(Shape.of(3, 5));
        // output rank 2 + 2 = 4, ones at 0 and 3
        assertThat(g.value("u").shape()).isEqualTo(Shape.of(1, 3, 5, 1));
    }

    @Test
    void squeezeAndUnsqueezeTakeAxesAsAttributeBeforeOpset13() {
        Graph g = new GraphBuilder(11).input("x", FLOAT, 1, 3, 1, 5)
                .node("Squeeze", names("x"), names("s"), "axes", longs(2))
                .node("Unsqueeze", names("s"), names("u"), "axes", longs(-1))
                .infer();
        assertThat(g.value("s").shape()).isEqualTo(Shape.of(1, 3, 5));
        assertThat(g.value("u").shape()).isEqualTo(Shape.of(1, 3, 5, 1));
    }

    @Test
    void squeezeWithoutAxesDropsEveryOne() {
        assertThat(new GraphBuilder().input("x", FLOAT, 1, 3, 1, 5).node("Squeeze", names("x"), names("y"))
                .shapeOf("y")).isEqualTo(Shape.of(3, 5));
    }

    @Test
    void squeezingASizeOtherThanOneIsReported() {
        assertThatThrownBy(() -> new GraphBuilder().input("x", FLOAT, 3, 4).ints("axes", 1)
                .node("Squeeze", names("x", "axes"), names("y")).infer())
                .hasMessageEndingWith("cannot squeeze axis 1 of 3x4 (size 4, not 1)");
    }

    @Test
    void transposeFollowsPermAndDefaultsToReversal() {
        assertThat(new GraphBuilder().input("x", FLOAT, 1, 128, 12, 64)
                .node("Transpose", names("x"), names("y"), "perm", longs(0, 2, 1, 3)).shapeOf("y"))
                .isEqualTo(Shape.of(1, 12, 128, 64));
        assertThat(new GraphBuilder().input("x", FLOAT, 2, 3, 4).node("Transpose", names("x"), names("y"))
                .shapeOf("y")).isEqualTo(Shape.of(4, 3, 2));
        assertThatThrownBy(() -> new GraphBuilder().input("x", FLOAT, 2, 3)
                .node("Transpose", names("x"), names("y"), "perm", longs(0, 0)).infer())
                .hasMessageEndingWith("perm [0,0] is not a permutation of the 2 axes of 2x3");
    }

    @Test
    void transposeIsFoldedOnKnownValues() {
        // [[1,2,3],[4,5,6]] transposed is [[1,4],[2,5],[3,6]]
        Graph g = new GraphBuilder().ints("flat", 1, 2, 3, 4, 5, 6).ints("shape", 2, 3)
                .node("Reshape", names("flat", "shape"), names("m"))
                .node("Transpose", names("m"), names("t"))
                .infer();
        assertThat(g.value("t").data().toLongs()).containsExactly(1, 4, 2, 5, 3, 6);
    }

    @Test
    void expandBroadcastsBothWays() {
        // A target 1 keeps the input's 3; the input's 1 grows to 4.
        assertThat(new GraphBuilder().input("x", FLOAT, 3, 1).ints("shape", 2, 1, 4)
                .node("Expand", names("x", "shape"), names("y")).shapeOf("y")).isEqualTo(Shape.of(2, 3, 4));
        assertThatThrownBy(() -> new GraphBuilder().input("x", FLOAT, 3).ints("shape", 4)
                .node("Expand", names("x", "shape"), names("y")).infer())
                .hasMessageEndingWith("cannot broadcast 3 with 4 (dimension 3 vs 4)");
    }

    @Test
    void tileMultipliesEachAxisAndFolds() {
        Graph g = new GraphBuilder().ints("x", 1, 2).ints("reps", 3)
                .node("Tile", names("x", "reps"), names("y")).infer();
        assertThat(g.value("y").shape()).isEqualTo(Shape.of(6));
        assertThat(g.value("y").data().toLongs()).containsExactly(1, 2, 1, 2, 1, 2);
    }
}
