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

class ReductionShapesTest {

    @Test
    void axesAttributeBeforeOpset18() {
        // resnet50_dynamo is opset 18; TorchScript files (17) keep axes as an attribute
        assertThat(new GraphBuilder(17).input("x", FLOAT, 1, 2048, 7, 7)
                .node("ReduceMean", names("x"), names("y"), "axes", longs(2, 3), "keepdims", 1).shapeOf("y"))
                .isEqualTo(Shape.of(1, 2048, 1, 1));
        assertThat(new GraphBuilder(17).input("x", FLOAT, 1, 10)
                .node("ReduceMax", names("x"), names("y"), "axes", longs(-1), "keepdims", 0).shapeOf("y"))
                .isEqualTo(Shape.of(1));
    }

    @Test
    void axesInputFromOpset18() {
        assertThat(new GraphBuilder(18).input("x", FLOAT, 1, 2048, 7, 7).ints("axes", -1, -2)
                .node("ReduceMean", names("x", "axes"), names("y"), "keepdims", 0).shapeOf("y"))
                .isEqualTo(Shape.of(1, 2048));
    }

    @Test
    void noAxesReducesEverythingUnlessNoopIsRequested() {
        assertThat(new GraphBuilder().input("x", FLOAT, 3, 4)
                .node("ReduceSum", names("x"), names("y"), "keepdims", 0).shapeOf("y")).isEqualTo(Shape.SCALAR);
        assertThat(new GraphBuilder().input("x", FLOAT, 3, 4)
                .node("ReduceSum", names("x"), names("y")).shapeOf("y")).isEqualTo(Shape.of(1, 1));
        assertThat(new GraphBuilder(18).input("x", FLOAT, 3, 4)
                .node("ReduceMean", names("x"), names("y"), "noop_with_empty_axes", 1).shapeOf("y"))
                .isEqualTo(Shape.of(3, 4));
    }

    @Test
    void reduceProdIsFolded() {
        // The element count of a 2x3x4 tensor, as exporters compute it: 2 * 3 * 4 = 24
        Graph g = new GraphBuilder().input("x", FLOAT, 2, 3, 4)
                .node("Shape", names("x"), names("dims"))
                .node("ReduceProd", names("dims"), names("n"), "keepdims", 0)
                .infer();
        assertThat(g.value("n").data().toLongs()).containsExactly(24);
        assertThat(g.value("n").dataType()).isEqualTo(INT64);
    }

    @Test
    void argMaxGivesInt64AndHonoursKeepdims() {
        Graph g = new GraphBuilder().input("x", FLOAT, 1, 10)
                .node("ArgMax", names("x"), names("a"), "axis", 1, "keepdims", 0)
                .node("ArgMin", names("x"), names("b"), "axis", -1)
                .infer();
        assertThat(g.value("a").shape()).isEqualTo(Shape.of(1));
        assertThat(g.value("a").dataType()).isEqualTo(INT64);
        assertThat(g.value("b").shape()).isEqualTo(Shape.of(1, 1));
    }

    @Test
    void badAxesAreReported() {
        assertThatThrownBy(() -> new GraphBuilder().input("x", FLOAT, 3, 4)
                .node("ReduceMean", names("x"), names("y"), "axes", longs(2)).infer())
                .hasMessage("test.onnx: node 'ReduceMean_0' (ReduceMean): ReduceMean axis 2 is out of range for a tensor of rank 2");
        assertThatThrownBy(() -> new GraphBuilder().input("x", FLOAT, 3, 4)
                .node("ReduceMean", names("x"), names("y"), "axes", longs(1, -1)).infer())
                .hasMessageEndingWith("ReduceMean axes [1,-1] repeat axis 1");
    }
}
