package org.hawkeye.engine.shapes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hawkeye.engine.graph.DataType.FLOAT;
import static org.hawkeye.engine.graph.DataType.INT64;
import static org.hawkeye.engine.shapes.GraphBuilder.longs;
import static org.hawkeye.engine.shapes.GraphBuilder.names;

import org.hawkeye.engine.graph.Graph;
import org.hawkeye.engine.graph.Shape;
import org.junit.jupiter.api.Test;

class IndexingShapesTest {

    @Test
    void gatherReplacesTheAxisByTheIndicesShape() {
        // An embedding lookup: table 30522x768, ids 1x128
        assertThat(new GraphBuilder().weight("table", FLOAT, 30522, 768).input("ids", INT64, 1, 128)
                .node("Gather", names("table", "ids"), names("y")).shapeOf("y")).isEqualTo(Shape.of(1, 128, 768));
        // A scalar index removes the axis: dim 1 of a 2x3x4 tensor
        assertThat(new GraphBuilder().input("x", FLOAT, 2, 3, 4).scalar("i", 1)
                .node("Gather", names("x", "i"), names("y"), "axis", 1).shapeOf("y")).isEqualTo(Shape.of(2, 4));
    }

    @Test
    void gatherFoldsAndWrapsNegativeIndices() {
        Graph g = new GraphBuilder().ints("dims", 1, 128, 768).ints("idx", -1, 0)
                .node("Gather", names("dims", "idx"), names("y")).infer();
        assertThat(g.value("y").data().toLongs()).containsExactly(768, 1);
        assertThatThrownBy(() -> new GraphBuilder().ints("dims", 1, 2).scalar("i", 2)
                .node("Gather", names("dims", "i"), names("y")).infer())
                .hasMessageEndingWith("Gather index 2 is out of range for axis 0 of size 2");
    }

    @Test
    void gatherElementsHasTheIndicesShape() {
        assertThat(new GraphBuilder().input("x", FLOAT, 4, 5).input("i", INT64, 4, 1)
                .node("GatherElements", names("x", "i"), names("y"), "axis", 1).shapeOf("y")).isEqualTo(Shape.of(4, 1));
    }

    @Test
    void gatherNdKeepsTheIndexBatchAndTheUnaddressedTail() {
        // vgg16_cifar_dynamo's adaptive pool: index pairs 7x1x7x1x2 address the first two axes of the data
        assertThat(new GraphBuilder().input("x", FLOAT, 1, 1, 128, 512).input("i", INT64, 7, 1, 7, 1, 2)
                .node("GatherND", names("x", "i"), names("y")).shapeOf("y")).isEqualTo(Shape.of(7, 1, 7, 1, 128, 512));
        // batch_dims=1: indices.shape[:-1] + data.shape[1 + 1:]
        assertThat(new GraphBuilder().input("x", FLOAT, 2, 3, 4).input("i", INT64, 2, 1)
                .node("GatherND", names("x", "i"), names("y"), "batch_dims", 1).shapeOf("y")).isEqualTo(Shape.of(2, 4));
    }

    @Test
    void sliceClampsBoundsAndHonoursSteps() {
        GraphBuilder g = new GraphBuilder().input("x", FLOAT, 10, 20)
                .ints("s", 2, -5).ints("e", Long.MAX_VALUE, 1000).ints("a", 0, 1).ints("st", 3, 1)
                .ints("rs", -1).ints("re", Long.MIN_VALUE).ints("ra", 0).ints("rst", -1)
                .node("Slice", names("x", "s", "e", "a", "st"), names("y"))
                .node("Slice", names("x", "rs", "re", "ra", "rst"), names("r"));
        Graph graph = g.infer();
        // axis 0: 2, 5, 8 -> ceil((10 - 2) / 3) = 3; axis 1: from 20 - 5 = 15 to the end -> 5
        assertThat(graph.value("y").shape()).isEqualTo(Shape.of(3, 5));
        // a full reversal: from 9 down past 0 -> 10
        assertThat(graph.value("r").shape()).isEqualTo(Shape.of(10, 20));
    }

    @Test
    void sliceFoldsShapeArithmetic() {
        // ViT/BERT: Shape(x)[-1:] as a 1-element vector
        Graph g = new GraphBuilder().input("x", FLOAT, 1, 12, 128, 64).ints("s", -1).ints("e", Long.MAX_VALUE)
                .node("Shape", names("x"), names("dims"))
                .node("Slice", names("dims", "s", "e"), names("last"))
                .infer();
        assertThat(g.value("last").data().toLongs()).containsExactly(64);
    }

    @Test
    void sliceTakesAttributesBeforeOpset10() {
        assertThat(new GraphBuilder(9).input("x", FLOAT, 10, 20)
                .node("Slice", names("x"), names("y"), "starts", longs(1), "ends", longs(4), "axes", longs(1))
                .shapeOf("y")).isEqualTo(Shape.of(10, 3));
    }

    @Test
    void splitBySizesEqualPartsOrNumOutputs() {
        Graph sizes = new GraphBuilder(13).input("x", FLOAT, 1, 128, 2304).ints("sizes", 768, 768, 768)
                .node("Split", names("x", "sizes"), names("q", "k", "v"), "axis", 2).infer();
        assertThat(sizes.value("v").shape()).isEqualTo(Shape.of(1, 128, 768));
        Graph equal = new GraphBuilder(13).input("x", FLOAT, 6, 4)
                .node("Split", names("x"), names("a", "b", "c")).infer();
        assertThat(equal.value("c").shape()).isEqualTo(Shape.of(2, 4));
        // opset 18 num_outputs: ceil(7 / 3) = 3 per part, the last gets 7 - 6 = 1
        Graph uneven = new GraphBuilder(18).input("x", FLOAT, 7)
                .node("Split", names("x"), names("a", "b", "c"), "num_outputs", 3).infer();
        assertThat(uneven.value("b").shape()).isEqualTo(Shape.of(3));
        assertThat(uneven.value("c").shape()).isEqualTo(Shape.of(1));
        Graph attribute = new GraphBuilder(11).input("x", FLOAT, 5)
                .node("Split", names("x"), names("a", "b"), "split", longs(2, 3)).infer();
        assertThat(attribute.value("b").shape()).isEqualTo(Shape.of(3));
    }

    @Test
    void badSplitsAreReported() {
        assertThatThrownBy(() -> new GraphBuilder(13).input("x", FLOAT, 7)
                .node("Split", names("x"), names("a", "b")).infer())
                .hasMessageEndingWith("cannot split axis 0 of 7 (size 7) into 2 equal parts");
        assertThatThrownBy(() -> new GraphBuilder(13).input("x", FLOAT, 7).ints("s", 3, 3)
                .node("Split", names("x", "s"), names("a", "b")).infer())
                .hasMessageEndingWith("split sizes [3,3] must be 2 values adding up to 7 (axis 0 of 7)");
    }

    @Test
    void concatAddsTheAxisAndFolds() {
        Graph g = new GraphBuilder().input("a", FLOAT, 1, 58, 28, 28).input("b", FLOAT, 1, 58, 28, 28)
                .ints("x", 1, 2).ints("y", 3)
                .node("Concat", names("a", "b"), names("ab"), "axis", 1)
                .node("Concat", names("x", "y"), names("xy"), "axis", 0)
                .infer();
        assertThat(g.value("ab").shape()).isEqualTo(Shape.of(1, 116, 28, 28));
        assertThat(g.value("xy").data().toLongs()).containsExactly(1, 2, 3);
        assertThatThrownBy(() -> new GraphBuilder().input("a", FLOAT, 2, 3).input("b", FLOAT, 3, 3)
                .node("Concat", names("a", "b"), names("y"), "axis", 1).infer())
                .hasMessageEndingWith("cannot concatenate 2x3 and 3x3 along axis 1");
    }

    @Test
    void padGrowsEachAxis() {
        assertThat(new GraphBuilder().input("x", FLOAT, 1, 3, 32, 32).ints("pads", 0, 0, 1, 2, 0, 0, 1, 2)
                .node("Pad", names("x", "pads"), names("y")).shapeOf("y")).isEqualTo(Shape.of(1, 3, 34, 36));
    }

    @Test
    void triluKeepsTheShape() {
        assertThat(new GraphBuilder().input("x", FLOAT, 128, 128).node("Trilu", names("x"), names("y"), "upper", 0)
                .shapeOf("y")).isEqualTo(Shape.of(128, 128));
    }
}
