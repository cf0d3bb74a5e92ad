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

class PoolShapesTest {

    private static Shape pool(String op, long size, Object... attributes) {
        return new GraphBuilder().input("x", FLOAT, 1, 4, size, size)
                .node(op, names("x"), names("y"), attributes).shapeOf("y");
    }

    @Test
    void resnetMaxPool() {
        // (112 + 2 - 3) / 2 + 1 = 56
        assertThat(pool("MaxPool", 112, "kernel_shape", longs(3, 3), "strides", longs(2, 2), "pads", longs(1, 1, 1, 1)))
                .isEqualTo(Shape.of(1, 4, 56, 56));
    }

    @Test
    void stridesDefaultToOne() {
        // 24 - 2 + 1 = 23
        assertThat(pool("AveragePool", 24, "kernel_shape", longs(2, 2))).isEqualTo(Shape.of(1, 4, 23, 23));
    }

    @Test
    void ceilModeRoundsTheWindowCountUp() {
        // floor: (5 - 2) / 2 + 1 = 2; ceil: ceil(3 / 2) + 1 = 3 (the last window starts at 4, inside the input)
        assertThat(pool("MaxPool", 5, "kernel_shape", longs(2, 2), "strides", longs(2, 2), "ceil_mode", 0))
                .isEqualTo(Shape.of(1, 4, 2, 2));
        assertThat(pool("MaxPool", 5, "kernel_shape", longs(2, 2), "strides", longs(2, 2), "ceil_mode", 1))
                .isEqualTo(Shape.of(1, 4, 3, 3));
    }

    @Test
    void ceilModeDropsAWindowStartingInTheEndPadding() {
        // ceil((6 + 1 - 2) / 3) + 1 = 3 windows, but the third starts at 2 * 3 = 6 >= 6 + 0 (input + begin pad):
        // PyTorch and the ONNX operator text ignore it, giving 2. (onnx 1.23's C++ shape inference says 3.)
        assertThat(pool("MaxPool", 6, "kernel_shape", longs(2, 2), "strides", longs(3, 3), "pads", longs(0, 0, 1, 1),
                "ceil_mode", 1)).isEqualTo(Shape.of(1, 4, 2, 2));
    }

    @Test
    void ceilModeWithPaddingKeepsWindowsStartingInTheInput() {
        // ceil((6 + 2 - 2) / 2) + 1 = 4; the last starts at 3 * 2 = 6 < 6 + 1
        assertThat(pool("AveragePool", 6, "kernel_shape", longs(2, 2), "strides", longs(2, 2), "pads", longs(1, 1, 1, 1),
                "ceil_mode", 1, "count_include_pad", 1)).isEqualTo(Shape.of(1, 4, 4, 4));
    }

    @Test
    void autoPadModes() {
        // SAME: ceil(7 / 2) = 4; VALID: (7 - 3) / 2 + 1 = 3
        assertThat(pool("MaxPool", 7, "kernel_shape", longs(3, 3), "strides", longs(2, 2), "auto_pad", "SAME_UPPER"))
                .isEqualTo(Shape.of(1, 4, 4, 4));
        assertThat(pool("MaxPool", 7, "kernel_shape", longs(3, 3), "strides", longs(2, 2), "auto_pad", "VALID",
                "pads", longs(5, 5, 5, 5))).isEqualTo(Shape.of(1, 4, 3, 3));
    }

    @Test
    void maxPoolDilation() {
        // effective kernel (3 - 1) * 2 + 1 = 5; 10 - 5 + 1 = 6
        assertThat(pool("MaxPool", 10, "kernel_shape", longs(3, 3), "dilations", longs(2, 2)))
                .isEqualTo(Shape.of(1, 4, 6, 6));
    }

    @Test
    void maxPoolIndicesAreInt64OfTheOutputShape() {
        Graph g = new GraphBuilder().input("x", FLOAT, 1, 4, 8, 8)
                .node("MaxPool", names("x"), names("y", "idx"), "kernel_shape", longs(2, 2), "strides", longs(2, 2))
                .infer();
        assertThat(g.value("idx").dataType()).isEqualTo(INT64);
        assertThat(g.value("idx").shape()).isEqualTo(Shape.of(1, 4, 4, 4));
    }

    @Test
    void globalPoolsKeepBatchAndChannels() {
        assertThat(pool("GlobalAveragePool", 7)).isEqualTo(Shape.of(1, 4, 1, 1));
        assertThat(pool("GlobalMaxPool", 7)).isEqualTo(Shape.of(1, 4, 1, 1));
    }

    @Test
    void unknownAutoPadAndMissingKernelAreReported() {
        assertThatThrownBy(() -> pool("MaxPool", 7, "kernel_shape", longs(3, 3), "auto_pad", "SAME"))
                .hasMessageEndingWith("auto_pad 'SAME' is not one of NOTSET, VALID, SAME_UPPER, SAME_LOWER");
        assertThatThrownBy(() -> pool("AveragePool", 7))
                .hasMessage("test.onnx: node 'AveragePool_0' (AveragePool): AveragePool needs the kernel_shape attribute");
        assertThatThrownBy(() -> pool("MaxPool", 7, "kernel_shape", longs(3)))
                .hasMessageEndingWith("kernel_shape [3] has 1 value(s) but the input 1x4x7x7 has 2 spatial dimension(s)");
    }

    @Test
    void maxUnpoolRestoresTheGivenOutputShapeOrTheSmallestThatFits() {
        GraphBuilder g = new GraphBuilder().input("x", FLOAT, 1, 4, 12, 12).input("i", INT64, 1, 4, 12, 12)
                .ints("shape", 1, 4, 25, 25);
        assertThat(g.node("MaxUnpool", names("x", "i", "shape"), names("y"), "kernel_shape", longs(2, 2),
                "strides", longs(2, 2)).shapeOf("y")).isEqualTo(Shape.of(1, 4, 25, 25));
        // without output_shape: (12 - 1) * 2 + 2 = 24
        assertThat(new GraphBuilder().input("x", FLOAT, 1, 4, 12, 12).input("i", INT64, 1, 4, 12, 12)
                .node("MaxUnpool", names("x", "i"), names("y"), "kernel_shape", longs(2, 2), "strides", longs(2, 2))
                .shapeOf("y")).isEqualTo(Shape.of(1, 4, 24, 24));
    }
}
