package org.hawkeye.engine.onnx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hawkeye.engine.onnx.Protos.FLOAT;
import static org.hawkeye.engine.onnx.Protos.INT64;
import static org.hawkeye.engine.onnx.Protos.info;
import static org.hawkeye.engine.onnx.Protos.node;
import static org.hawkeye.engine.onnx.Protos.weight;

import java.util.List;

import org.hawkeye.engine.graph.Graph;
import org.hawkeye.engine.graph.ModelException;
import org.hawkeye.engine.onnx.proto.OnnxProto.ModelProto;
import org.hawkeye.engine.onnx.proto.OnnxProto.NodeProto;
import org.hawkeye.engine.onnx.proto.OnnxProto.OperatorSetIdProto;
import org.hawkeye.engine.onnx.proto.OnnxProto.TensorProto;
import org.junit.jupiter.api.Test;

/**
 * The check after import against the ONNX operator specification: each model here was once accepted (exit 0) or
 * crashed the importer although the specification says it is wrong; now each is one line naming the node.
 */
class OnnxCheckerTest {

    private static ModelProto conv(NodeProto node, TensorProto... initializers) {
        return Protos.model(List.of(info("x", FLOAT, 1, 3, 8, 8)), List.of(info("y", FLOAT)), List.of(node),
                initializers);
    }

    private static Graph read(ModelProto m) {
        return OnnxImporter.read("m.onnx", m.toByteArray());
    }

    private static void rejects(ModelProto m, String message) {
        assertThatThrownBy(() -> read(m)).isInstanceOf(ModelException.class).hasMessage(message);
    }

    private static ModelProto withOpset(ModelProto m, long opset) {
        return m.toBuilder().clearOpsetImport()
                .addOpsetImport(OperatorSetIdProto.newBuilder().setDomain("").setVersion(opset)).build();
    }

    @Test
    void aKernelShapeThatContradictsTheWeight() {
        rejects(conv(node("c", "Conv", List.of("x", "w"), List.of("y"), Protos.intsAttr("kernel_shape", 5, 5)),
                weight("w", FLOAT, 4, 3, 3, 3)), "m.onnx: node 'c' (Conv): kernel_shape [5, 5] contradicts the "
                + "weight 'w' of shape 4x3x3x3 (kernel [3, 3])");
    }

    @Test
    void aMisspeltAttributeIsNamed() {
        rejects(conv(node("c", "Conv", List.of("x", "w"), List.of("y"), Protos.intsAttr("padz", 1, 1, 1, 1)),
                weight("w", FLOAT, 4, 3, 3, 3)), "m.onnx: node 'c' (Conv): unknown attribute 'padz' (Conv at opset"
                + " 11 takes auto_pad, dilations, group, kernel_shape, pads, strides)");
    }

    @Test
    void stridesGivenAsOneIntInsteadOfAList() {
        rejects(conv(node("c", "Conv", List.of("x", "w"), List.of("y"), Protos.intAttr("strides", 2)),
                weight("w", FLOAT, 4, 3, 3, 3)),
                "m.onnx: node 'c' (Conv): attribute 'strides' is a single int, but Conv takes a list (ints)");
    }

    @Test
    void aConvTransposeWithAScalarWeight() {
        rejects(conv(node("t", "ConvTranspose", List.of("x", "w"), List.of("y")), weight("w", FLOAT)),
                "m.onnx: node 't' (ConvTranspose): the weight 'w' has shape scalar, but ConvTranspose needs a"
                        + " weight of rank 3 or more (channels x channels x kernel)");
    }

    @Test
    void sliceAxesOrStepsShorterThanStarts() {
        TensorProto starts = Protos.int64Tensor(0, 0).toBuilder().setName("s").build();
        TensorProto ends = Protos.int64Tensor(1, 1).toBuilder().setName("e").build();
        TensorProto axes = Protos.int64Tensor(0).toBuilder().setName("a").build();
        rejects(conv(node("s", "Slice", List.of("x", "s", "e", "a"), List.of("y")), starts, ends, axes),
                "m.onnx: node 's' (Slice): Slice's axes has 1 value(s), but starts, ends, axes and steps must all"
                        + " have the same length (2)");
        TensorProto axes2 = Protos.int64Tensor(0, 1).toBuilder().setName("a").build();
        TensorProto steps = Protos.int64Tensor(1).toBuilder().setName("t").build();
        rejects(conv(node("s", "Slice", List.of("x", "s", "e", "a", "t"), List.of("y")), starts, ends, axes2, steps),
                "m.onnx: node 's' (Slice): Slice's steps has 1 value(s), but starts, ends, axes and steps must all"
                        + " have the same length (2)");
    }

    @Test
    void aNodeWithoutOutputs() {
        ModelProto m = Protos.model(List.of(info("x", FLOAT, 2)), List.of(info("y", FLOAT, 2)), List.of(
                node("r", "Relu", List.of("x"), List.of("y")), node("lost", "Relu", List.of("y"), List.of())));
        rejects(m, "m.onnx: node 'lost' (Relu): has 0 output(s), but Relu (opset 14) gives 1");
    }

    @Test
    void aMissingRequiredAttribute() {
        ModelProto m = Protos.model(List.of(info("x", FLOAT, 2)), List.of(info("y", FLOAT, 2)),
                List.of(node("c", "Cast", List.of("x"), List.of("y"))));
        rejects(m, "m.onnx: node 'c' (Cast): misses the required attribute 'to' (a single int)");
    }

    @Test
    void opsetsOutsideWhatTheSpecificationDefines() {
        ModelProto relu = Protos.reluChain(1);
        rejects(withOpset(relu, 99), "m.onnx: node 'r0' (Relu): the model imports opset 99, newer than the newest"
                + " hawkeye knows (" + OperatorSchemas.NEWEST_OPSET + "), where Relu may be defined differently;"
                + " export the model with opset " + OperatorSchemas.NEWEST_OPSET + " or lower");
        assertThatThrownBy(() -> read(withOpset(relu, 1L << 62))).hasMessageContaining("imports opset "
                + (1L << 62) + ", newer than");
        rejects(withOpset(relu, 0), "m.onnx: imports opset 0 of the default domain (ONNX opsets start at 1)");
        // an op newer than the model's opset does not exist there
        ModelProto gelu = Protos.model(List.of(info("x", FLOAT, 2)), List.of(info("y", FLOAT, 2)),
                List.of(node("g", "Gelu", List.of("x"), List.of("y"))));
        rejects(gelu, "m.onnx: node 'g' (Gelu): Gelu exists from opset 20 on, but the model imports opset 17");
    }

    @Test
    void twoInitializersOfOneName() {
        ModelProto m = Protos.model(List.of(info("x", FLOAT, 1, 3)), List.of(info("y", FLOAT, 1, 3)),
                List.of(node("a", "Add", List.of("x", "w"), List.of("y"))), weight("w", FLOAT, 1), weight("w", FLOAT, 3));
        rejects(m, "m.onnx: initializer 'w' is given twice (names are unique)");
    }

    @Test
    void anInitializerOfAnUnknownDataType() {
        ModelProto m = Protos.model(List.of(info("x", FLOAT, 1, 3)), List.of(info("y", FLOAT, 1, 3)),
                List.of(node("a", "Add", List.of("x", "w"), List.of("y"))), weight("w", 1234, 1));
        rejects(m, "m.onnx: initializer 'w' has data type 1234, which is not an ONNX element type (1 to 28)");
    }

    @Test
    void anInitializerWithMoreElementsThanTheLimit() {
        ModelProto m = Protos.model(List.of(info("x", FLOAT, 1, 1)), List.of(info("y", FLOAT)),
                List.of(node("a", "Add", List.of("x", "w"), List.of("y"))), weight("w", FLOAT, 1L << 40, 1L << 40));
        rejects(m, "m.onnx: initializer 'w': a tensor of shape 1099511627776x1099511627776 has more than 2^53"
                + " elements, hawkeye's limit");
    }

    @Test
    void negativeDeclaredDimensions() {
        for (long[] dims : new long[][] {{-5, 3}, {1, -3}}) {
            ModelProto m = Protos.model(List.of(info("x", FLOAT, dims[0], dims[1])), List.of(info("y", FLOAT)),
                    List.of(node("r", "Relu", List.of("x"), List.of("y"))));
            rejects(m, "m.onnx: value 'x' declares the dimension " + Math.min(dims[0], dims[1])
                    + " (dimensions are 0 or more; a dynamic one is named, e.g. 'batch')");
        }
    }

    @Test
    void aStringInputWhereTheOpTakesNumbers() {
        ModelProto m = Protos.model(List.of(info("x", 8, 1, 3)), List.of(info("y", FLOAT)),
                List.of(node("r", "Relu", List.of("x"), List.of("y"))));
        assertThatThrownBy(() -> read(m)).hasMessageStartingWith(
                "m.onnx: node 'r' (Relu): input 'x' is string, but Relu's input 'X' takes float, ");
    }

    @Test
    void inputsSharingATypeParameterMustAgree() {
        ModelProto m = Protos.model(List.of(info("x", FLOAT, 1, 3)), List.of(info("y", FLOAT)),
                List.of(node("a", "Add", List.of("x", "w"), List.of("y"))), weight("w", INT64, 3));
        rejects(m, "m.onnx: node 'a' (Add): inputs 'x' (float) and 'w' (int64) must have the same element type"
                + " (Add's type parameter T)");
    }

    @Test
    void namesWithTerminalEscapesArePrintedEscaped() {
        ModelProto m = Protos.model(List.of(info("x\u001b[2J", FLOAT, 2)), List.of(info("y", FLOAT, 2)),
                List.of(node("/a\u001b[31m/b\u0007\\/Relu", "Relu", List.of("x\u001b[2J"), List.of("y"))));
        Graph g = read(m);
        assertThat(g.nodes().get(0).name()).isEqualTo("/a\\x1b[31m/b\\x07\\\\/Relu");
        assertThat(g.inputs()).containsExactly("x\\x1b[2J");
        ModelProto bad = Protos.model(List.of(info("x", FLOAT, 2)), List.of(info("y", FLOAT, 2)),
                List.of(node("n\u001b]0;title\u0007", "Relu", List.of("x"), List.of("y"), Protos.intAttr("k\n", 1))));
        rejects(bad, "m.onnx: node 'n\\x1b]0;title\\x07' (Relu): unknown attribute 'k\\x0a' (Relu at opset 14 takes"
                + " none)");
    }

    @Test
    void opsOfOtherDomainsAndUnknownOpsAreLeftToTheLowering() {
        NodeProto custom = node("c", "FancyOp", List.of("x"), List.of("y"), Protos.intAttr("anything", 1));
        ModelProto m = Protos.model(List.of(info("x", FLOAT, 2)), List.of(info("y", FLOAT, 2)), List.of(custom));
        assertThat(read(m).nodes()).hasSize(1);
        ModelProto other = Protos.model(List.of(info("x", FLOAT, 2)), List.of(info("y", FLOAT, 2)), List.of(
                node("c", "Relu", List.of("x"), List.of("y"), Protos.intAttr("alpha", 1)).toBuilder()
                        .setDomain("com.microsoft").build()));
        assertThat(read(other).nodes()).hasSize(1);
    }
}
