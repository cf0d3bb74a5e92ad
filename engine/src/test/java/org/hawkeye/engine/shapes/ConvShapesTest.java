package org.hawkeye.engine.shapes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hawkeye.engine.graph.DataType.FLOAT;
import static org.hawkeye.engine.shapes.GraphBuilder.longs;
import static org.hawkeye.engine.shapes.GraphBuilder.names;

import org.hawkeye.engine.graph.ModelException;
import org.hawkeye.engine.graph.Shape;
import org.junit.jupiter.api.Test;

class ConvShapesTest {

    @Test
    void resnetStemWithStrideAndPadding() {
        Shape y = new GraphBuilder().input("x", FLOAT, 1, 3, 224, 224).weight("w", FLOAT, 64, 3, 7, 7)
                .node("Conv", names("x", "w"), names("y"), "strides", longs(2, 2), "pads", longs(3, 3, 3, 3))
                .shapeOf("y");
        // (224 + 2*3 - 7) / 2 + 1 = 112
        assertThat(y).isEqualTo(Shape.of(1, 64, 112, 112));
    }

    @Test
    void kernelShapeDefaultsToTheWeightsSpatialDims() {
        Shape y = new GraphBuilder().input("x", FLOAT, 1, 1, 28, 28).weight("w", FLOAT, 6, 1, 5, 5)
                .node("Conv", names("x", "w"), names("y")).shapeOf("y");
        // 28 - 5 + 1 = 24
        assertThat(y).isEqualTo(Shape.of(1, 6, 24, 24));
    }

    @Test
    void dilationWidensTheEffectiveKernel() {
        Shape y = new GraphBuilder().input("x", FLOAT, 1, 8, 32, 32).weight("w", FLOAT, 8, 8, 3, 3)
                .node("Conv", names("x", "w"), names("y"), "dilations", longs(2, 2)).shapeOf("y");
        // effective kernel (3 - 1) * 2 + 1 = 5; 32 - 5 + 1 = 28
        assertThat(y).isEqualTo(Shape.of(1, 8, 28, 28));
    }

    @Test
    void depthwiseConvUsesOneInputChannelPerGroup() {
        Shape y = new GraphBuilder().input("x", FLOAT, 1, 32, 112, 112).weight("w", FLOAT, 32, 1, 3, 3)
                .node("Conv", names("x", "w"), names("y"), "group", 32, "strides", longs(2, 2), "pads", longs(1, 1, 1, 1))
                .shapeOf("y");
        // (112 + 2 - 3) / 2 + 1 = 56 (floor of 55.5)
        assertThat(y).isEqualTo(Shape.of(1, 32, 56, 56));
    }

    @Test
    void asymmetricPadsAddBeginAndEnd() {
        Shape y = new GraphBuilder().input("x", FLOAT, 1, 1, 10, 10).weight("w", FLOAT, 1, 1, 3, 3)
                .node("Conv", names("x", "w"), names("y"), "pads", longs(0, 1, 2, 0)).shapeOf("y");
        // height: 10 + 0 + 2 - 3 + 1 = 10; width: 10 + 1 + 0 - 3 + 1 = 9
        assertThat(y).isEqualTo(Shape.of(1, 1, 10, 9));
    }

    @Test
    void samePaddingGivesCeilOfInputOverStride() {
        for (String mode : new String[] {"SAME_UPPER", "SAME_LOWER"}) {
            Shape y = new GraphBuilder().input("x", FLOAT, 1, 3, 15, 15).weight("w", FLOAT, 4, 3, 3, 3)
                    .node("Conv", names("x", "w"), names("y"), "auto_pad", mode, "strides", longs(2, 2)).shapeOf("y");
            // ceil(15 / 2) = 8
            assertThat(y).as(mode).isEqualTo(Shape.of(1, 4, 8, 8));
        }
    }

    @Test
    void validPaddingIgnoresThePadsAttribute() {
        Shape y = new GraphBuilder().input("x", FLOAT, 1, 3, 15, 15).weight("w", FLOAT, 4, 3, 3, 3)
                .node("Conv", names("x", "w"), names("y"), "auto_pad", "VALID", "strides", longs(2, 2))
                .shapeOf("y");
        // (15 - 3) / 2 + 1 = 7
        assertThat(y).isEqualTo(Shape.of(1, 4, 7, 7));
    }

    @Test
    void conv1dAndConv3d() {
        assertThat(new GraphBuilder().input("x", FLOAT, 2, 4, 100).weight("w", FLOAT, 8, 4, 5)
                .node("Conv", names("x", "w"), names("y"), "strides", longs(5)).shapeOf("y"))
                // (100 - 5) / 5 + 1 = 20
                .isEqualTo(Shape.of(2, 8, 20));
        assertThat(new GraphBuilder().input("x", FLOAT, 1, 2, 8, 8, 8).weight("w", FLOAT, 4, 2, 3, 3, 3)
                .node("Conv", names("x", "w"), names("y")).shapeOf("y"))
                .isEqualTo(Shape.of(1, 4, 6, 6, 6));
    }

    @Test
    void convTransposeUpsamples() {
        Shape y = new GraphBuilder().input("x", FLOAT, 1, 16, 14, 14).weight("w", FLOAT, 16, 8, 4, 4)
                .node("ConvTranspose", names("x", "w"), names("y"), "strides", longs(2, 2), "pads", longs(1, 1, 1, 1))
                .shapeOf("y");
        // 2 * (14 - 1) + 4 - 2 = 28
        assertThat(y).isEqualTo(Shape.of(1, 8, 28, 28));
    }

    @Test
    void convTransposeComparesChannelCountsByValue() {
        // 2048 channels, past the range of cached boxed Longs: the channel check must compare numbers, not objects
        Shape y = new GraphBuilder().input("x", FLOAT, 2, 2048, 4, 4).weight("w", FLOAT, 2048, 512, 1, 1)
                .node("ConvTranspose", names("x", "w"), names("y")).shapeOf("y");
        // 1 * (4 - 1) + 1 = 4 per axis, 512 output channels
        assertThat(y).isEqualTo(Shape.of(2, 512, 4, 4));
    }

    @Test
    void channelMismatchIsReported() {
        GraphBuilder g = new GraphBuilder().input("x", FLOAT, 1, 3, 32, 32).weight("w", FLOAT, 16, 4, 3, 3)
                .node("Conv", names("x", "w"), names("y"));
        assertThatThrownBy(g::infer).isInstanceOf(ModelException.class).hasMessage(
                "test.onnx: node 'Conv_0' (Conv): input has 3 channels but the weight 16x4x3x3 expects 4 per group x 1 group(s)");
    }

    @Test
    void kernelLargerThanThePaddedInputIsReported() {
        GraphBuilder g = new GraphBuilder().input("x", FLOAT, 1, 1, 4, 4).weight("w", FLOAT, 1, 1, 5, 5)
                .node("Conv", names("x", "w"), names("y"));
        assertThatThrownBy(g::infer).hasMessageContaining("the kernel (5 wide with dilation) does not fit the padded input (4)");
    }
}
