package org.hawkeye.engine.shapes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hawkeye.engine.graph.DataType.BOOL;
import static org.hawkeye.engine.graph.DataType.FLOAT;
import static org.hawkeye.engine.shapes.GraphBuilder.names;

import org.hawkeye.engine.graph.Graph;
import org.hawkeye.engine.graph.Shape;
import org.junit.jupiter.api.Test;

class NormalizationShapesTest {

    @Test
    void batchNormKeepsTheShapeAndChecksTheChannelVectors() {
        GraphBuilder g = new GraphBuilder().input("x", FLOAT, 1, 64, 56, 56);
        for (String p : new String[] {"s", "b", "m", "v"}) {
            g.weight(p, FLOAT, 64);
        }
        assertThat(g.node("BatchNormalization", names("x", "s", "b", "m", "v"), names("y")).shapeOf("y"))
                .isEqualTo(Shape.of(1, 64, 56, 56));
        GraphBuilder bad = new GraphBuilder().input("x", FLOAT, 1, 64, 56, 56).weight("s", FLOAT, 32)
                .weight("b", FLOAT, 64).weight("m", FLOAT, 64).weight("v", FLOAT, 64)
                .node("BatchNormalization", names("x", "s", "b", "m", "v"), names("y"));
        assertThatThrownBy(bad::infer)
                .hasMessageEndingWith("BatchNormalization scale 32 must be a vector of the input's 64 channels");
    }

    @Test
    void layerNormOutputsAndTheirReducedShapes() {
        Graph g = new GraphBuilder().input("x", FLOAT, 1, 128, 768).weight("g", FLOAT, 768).weight("b", FLOAT, 768)
                .node("LayerNormalization", names("x", "g", "b"), names("y", "mean", "inv"), "axis", -1).infer();
        assertThat(g.value("y").shape()).isEqualTo(Shape.of(1, 128, 768));
        assertThat(g.value("mean").shape()).isEqualTo(Shape.of(1, 128, 1));
        assertThat(g.value("inv").dataType()).isEqualTo(FLOAT);
        assertThatThrownBy(() -> new GraphBuilder().input("x", FLOAT, 1, 128, 768).weight("g", FLOAT, 512)
                .node("LayerNormalization", names("x", "g"), names("y")).infer())
                .hasMessageEndingWith("cannot broadcast 512 with 768 (dimension 512 vs 768)");
    }

    @Test
    void softmaxKeepsTheShapeAndValidatesTheAxis() {
        assertThat(new GraphBuilder().input("x", FLOAT, 1, 12, 128, 128)
                .node("Softmax", names("x"), names("y"), "axis", -1).shapeOf("y")).isEqualTo(Shape.of(1, 12, 128, 128));
        assertThatThrownBy(() -> new GraphBuilder().input("x", FLOAT, 1, 10)
                .node("Softmax", names("x"), names("y"), "axis", 2).infer())
                .hasMessageEndingWith("Softmax axis 2 is out of range for a tensor of rank 2");
    }

    @Test
    void dropoutMaskIsBool() {
        Graph g = new GraphBuilder().input("x", FLOAT, 4, 8).node("Dropout", names("x"), names("y", "mask")).infer();
        assertThat(g.value("y").shape()).isEqualTo(Shape.of(4, 8));
        assertThat(g.value("mask").dataType()).isEqualTo(BOOL);
    }
}
