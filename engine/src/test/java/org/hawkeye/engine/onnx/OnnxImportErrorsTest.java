package org.hawkeye.engine.onnx;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hawkeye.engine.onnx.Protos.FLOAT;
import static org.hawkeye.engine.onnx.Protos.info;
import static org.hawkeye.engine.onnx.Protos.node;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import org.hawkeye.engine.graph.ModelException;
import org.hawkeye.engine.onnx.proto.OnnxProto.AttributeProto;
import org.hawkeye.engine.onnx.proto.OnnxProto.AttributeProto.AttributeType;
import org.hawkeye.engine.onnx.proto.OnnxProto.GraphProto;
import org.hawkeye.engine.onnx.proto.OnnxProto.ModelProto;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Files that are not valid models: each gives one ModelException line naming the file (and node). */
class OnnxImportErrorsTest {

    @Test
    void missingFile(@TempDir Path dir) {
        Path missing = dir.resolve("nope.onnx");
        assertThatThrownBy(() -> OnnxImporter.read(missing)).isInstanceOf(ModelException.class)
                .hasMessage(missing + ": no such file");
    }

    @Test
    void truncatedFile() throws IOException {
        byte[] lenet = Files.readAllBytes(OnnxImporterTest.resource("lenet.onnx"));
        byte[] cut = Arrays.copyOf(lenet, lenet.length / 2);
        assertThatThrownBy(() -> OnnxImporter.read("lenet.onnx", cut)).isInstanceOf(ModelException.class)
                .hasMessage("lenet.onnx: not an ONNX model (the file is truncated or not protobuf)");
    }

    @Test
    void randomBytes() {
        byte[] noise = new byte[2048];
        new Random(42).nextBytes(noise);
        assertThatThrownBy(() -> OnnxImporter.read("noise.onnx", noise)).isInstanceOf(ModelException.class)
                .hasMessageStartingWith("noise.onnx: not an ONNX model (");
    }

    @Test
    void textIsNotAModel() {
        byte[] text = "graph { node { op_type: \"Relu\" } }\n".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        assertThatThrownBy(() -> OnnxImporter.read("model.txt", text))
                .hasMessageStartingWith("model.txt: not an ONNX model (");
    }

    @Test
    void aProtobufWithoutAGraph() {
        byte[] noGraph = ModelProto.newBuilder().setIrVersion(8).setProducerName("x").build().toByteArray();
        assertThatThrownBy(() -> OnnxImporter.read("empty.onnx", noGraph))
                .hasMessage("empty.onnx: not an ONNX model (no graph)");
        assertThatThrownBy(() -> OnnxImporter.read("zero.onnx", new byte[0]))
                .hasMessage("zero.onnx: not an ONNX model (no graph)");
    }

    @Test
    void danglingInput() {
        ModelProto m = Protos.model(List.of(info("x", FLOAT, 2)), List.of(info("y", FLOAT, 2)),
                List.of(node("X", "Add", List.of("x", "foo"), List.of("y"))));
        assertThatThrownBy(() -> OnnxImporter.read("m.onnx", m.toByteArray())).hasMessage(
                "m.onnx: node 'X' (Add): input 'foo' is produced by no node, graph input or initializer");
    }

    @Test
    void cycle() {
        // a feeds b feeds a; c and d hang below the cycle and must not be blamed. Walking producers back from
        // c (the first node left over) goes c <- d <- b <- a <- b, so b is the node named.
        ModelProto m = Protos.model(List.of(info("x", FLOAT, 2)), List.of(info("y", FLOAT, 2)), List.of(
                node("c", "Relu", List.of("v"), List.of("y")),
                node("a", "Add", List.of("x", "u"), List.of("t")),
                node("b", "Relu", List.of("t"), List.of("u")),
                node("d", "Neg", List.of("u"), List.of("v"))));
        assertThatThrownBy(() -> OnnxImporter.read("m.onnx", m.toByteArray()))
                .hasMessage("m.onnx: node 'b' (Relu): the graph has a cycle through this node");
    }

    @Test
    void aNodeReadingItsOwnOutput() {
        ModelProto m = Protos.model(List.of(info("x", FLOAT, 2)), List.of(info("y", FLOAT, 2)),
                List.of(node("X", "Relu", List.of("y"), List.of("y"))));
        assertThatThrownBy(() -> OnnxImporter.read("m.onnx", m.toByteArray()))
                .hasMessage("m.onnx: node 'X' (Relu): the graph has a cycle through this node");
    }

    @Test
    void twoProducersOfOneValue() {
        ModelProto m = Protos.model(List.of(info("x", FLOAT, 2)), List.of(info("y", FLOAT, 2)), List.of(
                node("a", "Relu", List.of("x"), List.of("y")),
                node("b", "Neg", List.of("x"), List.of("y"))));
        assertThatThrownBy(() -> OnnxImporter.read("m.onnx", m.toByteArray())).hasMessage(
                "m.onnx: node 'b' (Neg): output 'y' is also produced by node 'a' (ONNX values have exactly one producer)");
    }

    @Test
    void aGraphOutputNobodyProduces() {
        ModelProto m = Protos.model(List.of(info("x", FLOAT, 2)), List.of(info("z", FLOAT, 2)),
                List.of(node("a", "Relu", List.of("x"), List.of("y"))));
        assertThatThrownBy(() -> OnnxImporter.read("m.onnx", m.toByteArray()))
                .hasMessage("m.onnx: graph output 'z' is produced by no node, graph input or initializer");
    }

    @Test
    void subgraphsAreRejectedNamingTheNode() {
        AttributeProto branch = AttributeProto.newBuilder().setName("then_branch").setType(AttributeType.GRAPH)
                .setG(GraphProto.newBuilder().setName("then")).build();
        ModelProto m = Protos.model(List.of(info("c", 9)), List.of(info("y", FLOAT, 2)),
                List.of(node("", "If", List.of("c"), List.of("y"), branch)));
        assertThatThrownBy(() -> OnnxImporter.read("m.onnx", m.toByteArray())).hasMessage("m.onnx: node 'If_0' (If): "
                + "attribute 'then_branch' is a subgraph (control flow such as If/Loop/Scan), which hawkeye does not support");
    }

    @Test
    void rawDataOfTheWrongLength() {
        var w = Protos.weight("w", FLOAT, 2, 2).toBuilder()
                .setRawData(com.google.protobuf.ByteString.copyFrom(new byte[12])).build();
        ModelProto m = Protos.model(List.of(info("x", FLOAT, 1, 2)), List.of(info("y", FLOAT, 1, 2)),
                List.of(node("mm", "MatMul", List.of("x", "w"), List.of("y"))), w);
        assertThatThrownBy(() -> OnnxImporter.read("m.onnx", m.toByteArray()))
                .hasMessage("m.onnx: initializer 'w' of shape 2x2 has 12 bytes of raw data, expected 4 x 4");
    }
}
