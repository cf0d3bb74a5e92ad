package org.hawkeye.engine.onnx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hawkeye.engine.onnx.Protos.FLOAT;
import static org.hawkeye.engine.onnx.Protos.INT64;
import static org.hawkeye.engine.onnx.Protos.info;
import static org.hawkeye.engine.onnx.Protos.node;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.hawkeye.engine.graph.DataType;
import org.hawkeye.engine.graph.Graph;
import org.hawkeye.engine.graph.Node;
import org.hawkeye.engine.graph.Shape;
import org.hawkeye.engine.graph.Value;
import org.hawkeye.engine.graph.ValueKind;
import org.hawkeye.engine.onnx.proto.OnnxProto.ModelProto;
import org.hawkeye.engine.onnx.proto.OnnxProto.StringStringEntryProto;
import org.hawkeye.engine.onnx.proto.OnnxProto.TensorProto;
import org.hawkeye.engine.shapes.ShapeInference;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** Importing well-formed files: value kinds, names, order, attributes, metadata. Errors are in OnnxImportErrorsTest. */
class OnnxImporterTest {

    static Path resource(String name) {
        try {
            return Path.of(OnnxImporterTest.class.getResource("/onnx/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void lenetValuesByKind() {
        Graph g = OnnxImporter.read(resource("lenet.onnx"));
        assertThat(g.inputs()).containsExactly("input");
        assertThat(g.outputs()).hasSize(1);
        assertThat(g.nodes()).hasSize(12);
        Value input = g.value("input");
        assertThat(input.kind()).isEqualTo(ValueKind.INPUT);
        assertThat(input.declaredShape()).isEqualTo(Shape.of(1, 1, 28, 28));
        // Stripped: the 6x1x5x5 conv weight has a header but no payload.
        Value w = g.values().values().stream().filter(v -> v.kind() == ValueKind.WEIGHT
                && v.shape().equals(Shape.of(6, 1, 5, 5))).findFirst().orElseThrow();
        assertThat(w.dataType()).isEqualTo(DataType.FLOAT);
        assertThat(w.hasData()).isFalse();
        // Kept: initializers of at most 64 elements (the 6 conv biases) carry their values.
        Value bias = g.values().values().stream().filter(v -> v.kind() == ValueKind.WEIGHT
                && v.shape().equals(Shape.of(6))).findFirst().orElseThrow();
        assertThat(bias.data().size()).isEqualTo(6);
        assertThat(g.values().values().stream().filter(v -> v.kind() == ValueKind.WEIGHT)).hasSize(10);
        assertThat(g.values().values().stream().filter(v -> v.kind() == ValueKind.ACTIVATION)).hasSize(12);
    }

    @Test
    void metadataRecordsProducerOpsetAndIrVersion() {
        Graph g = OnnxImporter.read(resource("lenet.onnx"));
        assertThat(g.metadata()).containsEntry(OnnxImporter.META_PRODUCER, "pytorch")
                .containsEntry(OnnxImporter.META_OPSET, "17")
                .containsEntry(OnnxImporter.META_IR_VERSION, "8");
    }

    @Test
    void exporterNodeNamesAreKeptAndNodesAreInTopologicalOrder() {
        Graph g = OnnxImporter.read(resource("lenet.onnx"));
        assertThat(g.nodes().get(0).name()).isEqualTo("/features/features.0/Conv");
        assertThat(g.nodes().get(0).opType()).isEqualTo("Conv");
        java.util.Set<String> seen = new java.util.HashSet<>(g.inputs());
        g.values().values().stream().filter(v -> v.kind() == ValueKind.WEIGHT).forEach(v -> seen.add(v.name()));
        for (Node n : g.nodes()) {
            assertThat(seen).as(n.name()).containsAll(n.inputs());
            seen.addAll(n.outputs());
        }
    }

    @Test
    void nodesWrittenOutOfOrderAreSortedStably() {
        // b reads a's output but comes first in the file; c and d are independent and keep file order.
        ModelProto m = Protos.model(List.of(info("x", FLOAT, 2)), List.of(info("z", FLOAT, 2)), List.of(
                node("b", "Relu", List.of("t"), List.of("u")),
                node("a", "Relu", List.of("x"), List.of("t")),
                node("c", "Neg", List.of("x"), List.of("p")),
                node("d", "Add", List.of("u", "p"), List.of("z"))));
        Graph g = OnnxImporter.read("m.onnx", m.toByteArray());
        assertThat(g.nodes()).extracting(Node::name).containsExactly("a", "b", "c", "d");
    }

    @Test
    void unnamedNodesAndRepeatedNamesBecomeUnique() {
        ModelProto m = Protos.model(List.of(info("x", FLOAT, 2)), List.of(info("y", FLOAT, 2)), List.of(
                node("", "Relu", List.of("x"), List.of("a")),
                node("act", "Relu", List.of("a"), List.of("b")),
                node("act", "Relu", List.of("b"), List.of("c")),
                node("", "Neg", List.of("c"), List.of("d")),
                node("Relu_0", "Relu", List.of("d"), List.of("y"))));
        Graph g = OnnxImporter.read("m.onnx", m.toByteArray());
        // Names from the file win: the unnamed Relu at index 0 yields "Relu_0" to the node named so.
        assertThat(g.nodes()).extracting(Node::name).containsExactly("Relu_0_1", "act", "act_1", "Neg_3", "Relu_0");
    }

    @Test
    void attributesAreTypedAsAttributesDocuments() {
        // an op of a domain of its own, whose attributes no schema constrains
        ModelProto m = Protos.model(List.of(info("x", FLOAT, 1, 1, 4, 4)), List.of(info("y", FLOAT, 1, 1, 2, 2)),
                List.of(node("pool", "MaxPool", List.of("x"), List.of("y"), Protos.intsAttr("kernel_shape", 2, 2),
                        Protos.intAttr("ceil_mode", 0), Protos.floatAttr("alpha", 0.5f),
                        Protos.stringAttr("auto_pad", "NOTSET"),
                        Protos.tensorAttr("value", Protos.int64Tensor(3, 4))).toBuilder().setDomain("org.example")
                        .build()));
        Map<String, Object> a = OnnxImporter.read("m.onnx", m.toByteArray()).nodes().get(0).attributes().asMap();
        assertThat(a.get("kernel_shape")).isEqualTo(List.of(2L, 2L));
        assertThat(a.get("ceil_mode")).isEqualTo(0L);
        assertThat(a.get("alpha")).isEqualTo(0.5);
        assertThat(a.get("auto_pad")).isEqualTo("NOTSET");
        assertThat(((org.hawkeye.engine.graph.TensorData) a.get("value")).toLongs()).containsExactly(3, 4);
    }

    @Test
    void constantOutputsAreConstantsWithTheirValue() {
        ModelProto m = Protos.model(List.of(info("x", FLOAT, 2, 6)), List.of(info("y", FLOAT, 3, 4)), List.of(
                node("c", "Constant", List.of(), List.of("shape"), Protos.tensorAttr("value", Protos.int64Tensor(3, 4))),
                node("r", "Reshape", List.of("x", "shape"), List.of("y"))));
        Graph g = OnnxImporter.read("m.onnx", m.toByteArray());
        assertThat(g.value("shape").kind()).isEqualTo(ValueKind.CONSTANT);
        assertThat(g.value("shape").data().toLongs()).containsExactly(3, 4);
        assertThat(g.value("y").kind()).isEqualTo(ValueKind.ACTIVATION);
        assertThat(ShapeInference.infer(g, "m.onnx").value("y").shape()).isEqualTo(Shape.of(3, 4));
    }

    @Test
    void initializersListedAsInputsStayWeights() {
        // Before IR version 4 every initializer was also a graph input.
        ModelProto m = Protos.model(List.of(info("x", FLOAT, 1, 3), info("w", FLOAT, 3, 2)),
                List.of(info("y", FLOAT, 1, 2)), List.of(node("mm", "MatMul", List.of("x", "w"), List.of("y"))),
                Protos.weight("w", FLOAT, 3, 2));
        Graph g = OnnxImporter.read("m.onnx", m.toByteArray());
        assertThat(g.inputs()).containsExactly("x");
        assertThat(g.value("w").kind()).isEqualTo(ValueKind.WEIGHT);
    }

    @Test
    void externalInitializersLoadWithoutTheirDataFile() {
        TensorProto external = Protos.weight("w", FLOAT, 3, 2).toBuilder()
                .setDataLocation(TensorProto.DataLocation.EXTERNAL)
                .addExternalData(StringStringEntryProto.newBuilder().setKey("location").setValue("gone.onnx.data"))
                .addExternalData(StringStringEntryProto.newBuilder().setKey("length").setValue("24")).build();
        ModelProto m = Protos.model(List.of(info("x", FLOAT, 1, 3)), List.of(info("y", FLOAT, 1, 2)),
                List.of(node("mm", "MatMul", List.of("x", "w"), List.of("y"))), external);
        Graph g = OnnxImporter.read("m.onnx", m.toByteArray());
        assertThat(g.value("w").shape()).isEqualTo(Shape.of(3, 2));
        assertThat(g.value("w").hasData()).isFalse();
    }

    @Test
    void theDynamoResnetLoadsWithoutItsDataFile() {
        String shared = System.getProperty("hawkeye.shared.dir");
        Path file = shared == null ? null : Path.of(shared, "models", "resnet50_dynamo.onnx");
        Assumptions.assumeTrue(file != null && Files.exists(file), "resnet50_dynamo.onnx not available");
        assertThat(Path.of(file + ".data")).doesNotExist();
        Graph g = ShapeInference.infer(OnnxImporter.read(file), "resnet50_dynamo.onnx");
        assertThat(g.metadata()).containsEntry(OnnxImporter.META_OPSET, "18").containsEntry(OnnxImporter.META_IR_VERSION, "10");
        // 110 initializers: 108 parameters (the folded conv biases among them) and 2 int64 shape tensors, public
        assertThat(g.values().values().stream().filter(v -> v.kind() == ValueKind.WEIGHT)).hasSize(108);
        assertThat(g.value(g.outputs().get(0)).shape()).isEqualTo(Shape.of(1, 1000));
    }

    @Test
    void aSymbolicBatchReadsAsOneAndOtherSymbolicDimsAsUnknown() {
        ModelProto m = Protos.model(List.of(info("ids", INT64, "batch", 128), info("mask", INT64, "batch", "seq")),
                List.of(info("y", INT64, "batch", 128)), List.of(node("add", "Add", List.of("ids", "mask"), List.of("y"))));
        Graph g = OnnxImporter.read("m.onnx", m.toByteArray());
        assertThat(g.value("ids").declaredShape()).isEqualTo(Shape.of(1, 128));
        assertThat(g.value("mask").declaredShape()).isNull();
    }

    @Test
    void opsOfOtherDomainsAreKept() {
        ModelProto m = Protos.model(List.of(info("x", FLOAT, 2)), List.of(info("y", FLOAT, 2)), List.of(
                node("g", "FastGelu", List.of("x"), List.of("y")).toBuilder().setDomain("com.microsoft").build()));
        Node n = OnnxImporter.read("m.onnx", m.toByteArray()).nodes().get(0);
        assertThat(n.domain()).isEqualTo("com.microsoft");
        assertThat(n.opType()).isEqualTo("FastGelu");
    }

    @Test
    void everyCryptenOpFileImports() throws IOException {
        try (var files = Files.list(resource("lenet.onnx").getParent())) {
            for (Path p : files.filter(f -> f.getFileName().toString().startsWith("op_")).toList()) {
                Graph g = OnnxImporter.read(p);
                assertThat(g.nodes()).as(p.toString()).isNotEmpty();
                assertThat(g.inputs()).as(p.toString()).isNotEmpty();
            }
        }
    }
}
