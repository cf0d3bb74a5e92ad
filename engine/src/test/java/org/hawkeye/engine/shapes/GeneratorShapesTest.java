package org.hawkeye.engine.shapes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hawkeye.engine.graph.DataType.FLOAT;
import static org.hawkeye.engine.graph.DataType.INT64;
import static org.hawkeye.engine.shapes.GraphBuilder.longs;
import static org.hawkeye.engine.shapes.GraphBuilder.names;

import org.hawkeye.engine.graph.Graph;
import org.hawkeye.engine.graph.Shape;
import org.hawkeye.engine.graph.TensorData;
import org.junit.jupiter.api.Test;

class GeneratorShapesTest {

    @Test
    void shapeAndSizeAreKnownWithoutData() {
        Graph g = new GraphBuilder(15).input("x", FLOAT, 2, 3, 4)
                .node("Shape", names("x"), names("all"))
                .node("Shape", names("x"), names("tail"), "start", 1)
                .node("Shape", names("x"), names("mid"), "start", -2, "end", -1)
                .node("Size", names("x"), names("n"))
                .infer();
        assertThat(g.value("all").data().toLongs()).containsExactly(2, 3, 4);
        assertThat(g.value("tail").data().toLongs()).containsExactly(3, 4);
        assertThat(g.value("mid").data().toLongs()).containsExactly(3);
        // 2 * 3 * 4 = 24, a scalar
        assertThat(g.value("n").data().toLongs()).containsExactly(24);
        assertThat(g.value("n").shape()).isEqualTo(Shape.SCALAR);
    }

    @Test
    void constantVariants() {
        TensorData t = TensorData.ofDoubles(FLOAT, Shape.of(2), 0.5, 1.5);
        Graph g = new GraphBuilder()
                .node("Constant", names(), names("a"), "value", t)
                .node("Constant", names(), names("b"), "value_float", 2.0)
                .node("Constant", names(), names("c"), "value_ints", longs(1, 2, 3))
                .node("Constant", names(), names("d"), "value_int", 7)
                .build();
        ShapeInference.infer(g, GraphBuilder.FILE);
        assertThat(g.value("a").data().toDoubles()).containsExactly(0.5, 1.5);
        assertThat(g.value("b").shape()).isEqualTo(Shape.SCALAR);
        assertThat(g.value("c").dataType()).isEqualTo(INT64);
        assertThat(g.value("c").data().toLongs()).containsExactly(1, 2, 3);
        assertThat(g.value("d").data().toLongs()).containsExactly(7);
    }

    @Test
    void constantOfShapeTakesTheValuesType() {
        TensorData one = TensorData.ofLongs(INT64, Shape.of(1), 1);
        Graph g = new GraphBuilder().ints("shape", 2, 3)
                .node("ConstantOfShape", names("shape"), names("ones"), "value", one)
                .node("ConstantOfShape", names("shape"), names("zeros"))
                .infer();
        assertThat(g.value("ones").dataType()).isEqualTo(INT64);
        assertThat(g.value("ones").data().toLongs()).containsExactly(1, 1, 1, 1, 1, 1);
        assertThat(g.value("zeros").dataType()).isEqualTo(FLOAT);
        assertThat(g.value("zeros").shape()).isEqualTo(Shape.of(2, 3));
    }

    @Test
    void rangeCountsCeilOfSpanOverDelta() {
        Graph g = new GraphBuilder().scalar("start", 0).scalar("limit", 10).scalar("delta", 3)
                .scalar("down", -2)
                .node("Range", names("start", "limit", "delta"), names("up"))
                .node("Range", names("limit", "start", "down"), names("dn"))
                .infer();
        // ceil((10 - 0) / 3) = 4: 0, 3, 6, 9
        assertThat(g.value("up").data().toLongs()).containsExactly(0, 3, 6, 9);
        // ceil((0 - 10) / -2) = 5: 10, 8, 6, 4, 2
        assertThat(g.value("dn").data().toLongs()).containsExactly(10, 8, 6, 4, 2);
    }

    @Test
    void rangeWithRunTimeBoundsIsReported() {
        assertThatThrownBy(() -> new GraphBuilder().input("n", INT64).scalar("zero", 0).scalar("one", 1)
                .node("Range", names("zero", "n", "one"), names("r")).infer())
                .hasMessageEndingWith("Range bounds are computed at run time and could not be folded to constants");
    }
}
