package org.hawkeye.engine.shapes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hawkeye.engine.graph.DataType.BOOL;
import static org.hawkeye.engine.graph.DataType.FLOAT;
import static org.hawkeye.engine.graph.DataType.INT64;
import static org.hawkeye.engine.shapes.GraphBuilder.names;

import org.hawkeye.engine.graph.DataType;
import org.hawkeye.engine.graph.Graph;
import org.hawkeye.engine.graph.Shape;
import org.junit.jupiter.api.Test;

class UnaryShapesTest {

    @Test
    void activationsKeepTypeAndShape() {
        for (String op : new String[] {"Relu", "Sigmoid", "Tanh", "Erf", "HardSwish", "HardSigmoid", "Exp", "Log",
                "Reciprocal", "Sqrt", "Gelu", "LeakyRelu", "Identity", "Neg"}) {
            Graph g = new GraphBuilder().input("x", FLOAT, 1, 3, 8).node(op, names("x"), names("y")).infer();
            assertThat(g.value("y").shape()).as(op).isEqualTo(Shape.of(1, 3, 8));
            assertThat(g.value("y").dataType()).as(op).isEqualTo(FLOAT);
        }
    }

    @Test
    void predicatesGiveBool() {
        Graph g = new GraphBuilder().input("x", FLOAT, 1, 12, 128, 128)
                .node("IsNaN", names("x"), names("nan"))
                .node("Not", names("nan"), names("ok"))
                .infer();
        assertThat(g.value("nan").dataType()).isEqualTo(BOOL);
        assertThat(g.value("ok").shape()).isEqualTo(Shape.of(1, 12, 128, 128));
    }

    @Test
    void clipBoundsMustBeScalars() {
        assertThat(new GraphBuilder().input("x", FLOAT, 1, 32, 112, 112).input("lo", FLOAT).input("hi", FLOAT)
                .node("Clip", names("x", "lo", "hi"), names("y")).shapeOf("y")).isEqualTo(Shape.of(1, 32, 112, 112));
        assertThatThrownBy(() -> new GraphBuilder().input("x", FLOAT, 4).input("lo", FLOAT, 2)
                .node("Clip", names("x", "lo"), names("y")).infer())
                .hasMessageEndingWith("Clip min must be a scalar, got 2");
    }

    @Test
    void castWithoutATargetTypeIsReported() {
        assertThatThrownBy(() -> new GraphBuilder().input("x", FLOAT, 4).node("Cast", names("x"), names("y")).infer())
                .hasMessageEndingWith("Cast has no valid 'to' type (0)");
    }

    @Test
    void castConvertsFoldedValues() {
        Graph g = new GraphBuilder().ints("dims", 64)
                .node("Cast", names("dims"), names("f"), "to", DataType.FLOAT.onnxCode())
                .node("Sqrt", names("f"), names("s"))
                .node("Cast", names("s"), names("i"), "to", DataType.INT64.onnxCode())
                .infer();
        // BERT's attention scale: sqrt(64) = 8
        assertThat(g.value("s").data().toDoubles()).containsExactly(8.0);
        assertThat(g.value("i").data().toLongs()).containsExactly(8);
        assertThat(g.value("f").dataType()).isEqualTo(FLOAT);
    }
}
