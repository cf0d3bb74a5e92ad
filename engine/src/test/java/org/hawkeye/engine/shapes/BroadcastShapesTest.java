package org.hawkeye.engine.shapes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hawkeye.engine.graph.DataType.BOOL;
import static org.hawkeye.engine.graph.DataType.FLOAT;
import static org.hawkeye.engine.graph.DataType.INT64;
import static org.hawkeye.engine.shapes.GraphBuilder.names;

import org.hawkeye.engine.graph.Graph;
import org.hawkeye.engine.graph.Shape;
import org.junit.jupiter.api.Test;

class BroadcastShapesTest {

    private static Shape add(long[] a, long[] b) {
        return new GraphBuilder().input("a", FLOAT, a).input("b", FLOAT, b)
                .node("Add", names("a", "b"), names("y")).shapeOf("y");
    }

    @Test
    void numpyBroadcastingAlignsFromTheRight() {
        assertThat(add(new long[] {3, 4}, new long[] {4})).isEqualTo(Shape.of(3, 4));
        assertThat(add(new long[] {2, 1, 4}, new long[] {3, 1})).isEqualTo(Shape.of(2, 3, 4));
        assertThat(add(new long[] {1, 12, 128, 128}, new long[] {1, 1, 1, 128})).isEqualTo(Shape.of(1, 12, 128, 128));
        assertThat(add(new long[] {}, new long[] {5})).isEqualTo(Shape.of(5));
        // A 1 stretches to 0 too: an empty axis stays empty.
        assertThat(add(new long[] {0, 3}, new long[] {1, 3})).isEqualTo(Shape.of(0, 3));
    }

    @Test
    void incompatibleDimensionsAreReported() {
        assertThatThrownBy(() -> add(new long[] {3, 4}, new long[] {5}))
                .hasMessage("test.onnx: node 'Add_0' (Add): cannot broadcast 3x4 with 5 (dimension 4 vs 5)");
    }

    @Test
    void comparisonsAndLogicGiveBool() {
        Graph g = new GraphBuilder().input("a", FLOAT, 2, 3).input("b", FLOAT, 3)
                .node("Less", names("a", "b"), names("lt"))
                .node("GreaterOrEqual", names("a", "b"), names("ge"))
                .node("And", names("lt", "ge"), names("both"))
                .infer();
        for (String v : new String[] {"lt", "ge", "both"}) {
            assertThat(g.value(v).dataType()).isEqualTo(BOOL);
            assertThat(g.value(v).shape()).isEqualTo(Shape.of(2, 3));
        }
    }

    @Test
    void whereBroadcastsAllThreeOperandsAndTakesXsType() {
        Graph g = new GraphBuilder().input("c", BOOL, 1, 1, 128, 128).input("x", FLOAT, 1, 12, 128, 128)
                .input("y", FLOAT)
                .node("Where", names("c", "x", "y"), names("z")).infer();
        assertThat(g.value("z").shape()).isEqualTo(Shape.of(1, 12, 128, 128));
        assertThat(g.value("z").dataType()).isEqualTo(FLOAT);
    }

    @Test
    void variadicOpsBroadcastEveryInput() {
        assertThat(new GraphBuilder().input("a", FLOAT, 4, 1).input("b", FLOAT, 5).input("c", FLOAT, 1, 1)
                .node("Max", names("a", "b", "c"), names("y")).shapeOf("y")).isEqualTo(Shape.of(4, 5));
    }

    @Test
    void integerArithmeticIsFoldedExactly() {
        Graph g = new GraphBuilder().ints("a", 7, -7, 12).ints("b", 2)
                .node("Div", names("a", "b"), names("q"))
                .node("Mul", names("q", "b"), names("p"))
                .node("Sub", names("a", "p"), names("r"))
                .node("Equal", names("r", "b"), names("eq"))
                .infer();
        // Integer Div truncates toward zero: 7/2 = 3, -7/2 = -3, 12/2 = 6
        assertThat(g.value("q").data().toLongs()).containsExactly(3, -3, 6);
        assertThat(g.value("r").data().toLongs()).containsExactly(1, -1, 0);
        assertThat(g.value("eq").data().toLongs()).containsExactly(0, 0, 0);
        assertThat(g.value("q").dataType()).isEqualTo(INT64);
    }

    @Test
    void whereIsFoldedWhenAllOperandsAreKnown() {
        // GPT-2 style: Where(Equal(shape, -1), ones, shape) turns -1 into 1 before an Expand.
        Graph g = new GraphBuilder().ints("shape", 1, -1, 768).scalar("minus1", -1).scalar("one", 1)
                .node("Equal", names("shape", "minus1"), names("isMinus"))
                .node("Where", names("isMinus", "one", "shape"), names("fixed"))
                .infer();
        assertThat(g.value("fixed").data().toLongs()).containsExactly(1, 1, 768);
    }

    @Test
    void activationsAreNotFolded() {
        // A data input has no value, so nothing downstream of it has one either.
        Graph g = new GraphBuilder().input("x", FLOAT, 4).ints("k", 1, 2, 3, 4)
                .node("Mul", names("x", "k"), names("y")).infer();
        assertThat(g.value("y").hasData()).isFalse();
    }
}
