package org.hawkeye.engine.shapes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hawkeye.engine.graph.DataType.FLOAT;
import static org.hawkeye.engine.shapes.GraphBuilder.names;

import java.util.List;
import java.util.Map;

import org.hawkeye.engine.graph.Attributes;
import org.hawkeye.engine.graph.Graph;
import org.hawkeye.engine.graph.ModelException;
import org.hawkeye.engine.graph.Node;
import org.hawkeye.engine.graph.Shape;
import org.hawkeye.engine.graph.Value;
import org.hawkeye.engine.graph.ValueKind;
import org.hawkeye.engine.onnx.OnnxImporter;
import org.junit.jupiter.api.Test;

/** The driver: input shapes, reruns, fallback to declared shapes, and errors not tied to one op family. */
class ShapeInferenceTest {

    @Test
    void lenetWithBatchFour() {
        Graph g = TestModels.read("lenet.onnx");
        ShapeInference.infer(g, "lenet.onnx", Map.of("input", Shape.of(4, 1, 28, 28)));
        assertThat(g.value(g.outputs().get(0)).shape()).isEqualTo(Shape.of(4, 10));
        // 28 - 5 + 1 = 24, pooled to 12; 12 - 5 + 1 = 8, pooled to 4; 16 * 4 * 4 = 256 features
        Node flatten = g.nodes().stream().filter(n -> n.opType().equals("Flatten")).findFirst().orElseThrow();
        assertThat(g.value(flatten.output(0)).shape()).isEqualTo(Shape.of(4, 256));
    }

    @Test
    void inferenceCanRerunWithOtherShapes() {
        Graph g = TestModels.read("lenet.onnx");
        ShapeInference.infer(g, "lenet.onnx", Map.of("input", Shape.of(4, 1, 28, 28)));
        ShapeInference.infer(g, "lenet.onnx");
        assertThat(g.value(g.outputs().get(0)).shape()).isEqualTo(Shape.of(1, 10));
    }

    @Test
    void minionnShapes() {
        Graph g = ShapeInference.infer(TestModels.read("minionn.onnx"), "minionn.onnx");
        // 16 channels x 8 x 8 = 1024 features into the final Linear
        Node flatten = g.nodes().stream().filter(n -> n.opType().equals("Flatten")).findFirst().orElseThrow();
        assertThat(g.value(flatten.output(0)).shape()).isEqualTo(Shape.of(1, 1024));
        assertThat(g.value(g.outputs().get(0)).shape()).isEqualTo(Shape.of(1, 10));
    }

    @Test
    void anUnknownInputNameIsReported() {
        Graph g = TestModels.read("lenet.onnx");
        assertThatThrownBy(() -> ShapeInference.infer(g, "lenet.onnx", Map.of("image", Shape.of(4, 1, 28, 28))))
                .isInstanceOf(ModelException.class)
                .hasMessage("lenet.onnx: no data input named 'image' (the model's inputs: input)");
    }

    @Test
    void anOpWithoutARuleUsesItsDeclaredShape() {
        Graph g = new GraphBuilder().input("x", FLOAT, 1, 3, 8, 8)
                .node("SpaceToDepth", names("x"), names("y"), "blocksize", 2).declare("y", FLOAT, 1, 12, 4, 4)
                .node("Relu", names("y"), names("z"))
                .infer();
        assertThat(g.value("z").shape()).isEqualTo(Shape.of(1, 12, 4, 4));
    }

    @Test
    void anOpWithoutARuleOrDeclaredShapeIsReported() {
        GraphBuilder g = new GraphBuilder().input("x", FLOAT, 1, 3, 8, 8)
                .node("SpaceToDepth", names("x"), names("y"), "blocksize", 2);
        assertThatThrownBy(g::infer).hasMessage("test.onnx: node 'SpaceToDepth_0' (SpaceToDepth): "
                + "no shape inference for op type 'SpaceToDepth' and no declared shape");
    }

    @Test
    void opsOfOtherDomainsAreUnknownEvenWithAKnownName() {
        Value x = new Value("x", ValueKind.INPUT, null, null, null);
        x.declare(FLOAT, Shape.of(2, 2));
        Value y = new Value("y", ValueKind.ACTIVATION, null, null, null);
        Node custom = new Node("fused", "Relu", "com.example", List.of("x"), List.of("y"), Attributes.EMPTY);
        Graph g = new Graph("g", List.of(custom), Map.of("x", x, "y", y), List.of("x"), List.of("y"),
                Map.of(OnnxImporter.META_OPSET, "17"));
        assertThatThrownBy(() -> ShapeInference.infer(g, "custom.onnx")).hasMessage(
                "custom.onnx: node 'fused' (Relu): no shape inference for op type 'com.example.Relu' and no declared shape");
    }

    @Test
    void everyRequiredOpTypeHasARule() {
        // Every op in the zoo and the CrypTen op files (see the brief) plus the cheap family members.
        assertThat(ShapeInference.supportedOpTypes()).contains("Add", "And", "ArgMax", "AveragePool",
                "BatchNormalization", "Cast", "Clip", "Concat", "Constant", "ConstantOfShape", "Conv", "Div", "Equal",
                "Erf", "Exp", "Expand", "Flatten", "Gather", "GatherElements", "GatherND", "Gemm",
                "GlobalAveragePool", "GreaterOrEqual", "HardSigmoid", "HardSwish", "IsNaN", "LayerNormalization",
                "Less", "Log", "MatMul", "MaxPool", "Mul", "Pow", "Reciprocal", "ReduceMax", "ReduceMean", "Relu",
                "Reshape", "Shape", "Sigmoid", "Slice", "Softmax", "Split", "Sqrt", "Squeeze", "Tanh", "Transpose",
                "Trilu", "Unsqueeze", "Where", "Sub", "Neg", "Abs", "Sign", "Greater", "LessOrEqual", "Or", "Not",
                "Xor", "Min", "Max", "Sum", "Mean", "ReduceSum", "ReduceMin", "ReduceProd", "ArgMin", "Gelu",
                "LeakyRelu", "Elu", "Selu", "Softplus", "Dropout", "Identity", "GlobalMaxPool", "Tile", "Range",
                "Size");
    }
}
