package org.hawkeye.engine.shapes;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.hawkeye.engine.graph.DataType;
import org.hawkeye.engine.graph.Graph;
import org.hawkeye.engine.graph.Value;
import org.hawkeye.engine.onnx.OnnxImporter;
import org.hawkeye.engine.onnx.proto.OnnxProto.GraphProto;
import org.hawkeye.engine.onnx.proto.OnnxProto.ModelProto;
import org.hawkeye.engine.onnx.proto.OnnxProto.TensorShapeProto;
import org.hawkeye.engine.onnx.proto.OnnxProto.TypeProto;
import org.hawkeye.engine.onnx.proto.OnnxProto.ValueInfoProto;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Our inference must agree with onnx's own shape inference, whose results the zoo files carry as value_info
 * (and graph outputs), on every value of every model: same element type, same dimensions. Inference ignores
 * value_info for the ops it knows, so this compares two independent computations.
 */
class ZooAgreementTest {

    static Stream<Path> models() throws IOException {
        String shared = System.getProperty("hawkeye.shared.dir");
        Path dir = shared == null ? null : Path.of(shared, "models");
        Assumptions.assumeTrue(dir != null && Files.isDirectory(dir), "shared model folder not available");
        List<Path> files = new ArrayList<>();
        try (Stream<Path> s = Files.list(dir)) {
            s.filter(p -> p.toString().endsWith(".onnx")).sorted().forEach(files::add);
        }
        return files.stream();
    }

    static Stream<Path> cryptenOps() throws IOException {
        List<Path> files = new ArrayList<>();
        try (Stream<Path> s = Files.list(TestModels.resourceDir())) {
            s.filter(p -> p.getFileName().toString().startsWith("op_")).sorted().forEach(files::add);
        }
        return files.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("models")
    void inferredTypesMatchTheZoosValueInfo(Path model) throws IOException {
        assertAgreement(model);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cryptenOps")
    void inferredTypesMatchTheCryptenOpFiles(Path model) throws IOException {
        assertAgreement(model);
    }

    private static void assertAgreement(Path model) throws IOException {
        Graph graph = ShapeInference.infer(OnnxImporter.read(model), model.getFileName().toString());
        // A node without a rule would copy its declared type and agree trivially.
        assertThat(graph.nodes()).allSatisfy(n -> assertThat(ShapeInference.supportedOpTypes()).contains(n.opType()));
        Map<String, TypeProto.Tensor> declared = declaredTypes(model);
        List<String> disagreements = new ArrayList<>();
        int compared = 0;
        for (Value v : graph.values().values()) {
            assertThat(v.shape()).as("shape of %s", v.name()).isNotNull();
            TypeProto.Tensor d = declared.get(v.name());
            if (d != null) {
                compared++;
                if (!agrees(v, d)) {
                    disagreements.add(v.name() + ": inferred " + v.dataType() + " " + v.shape() + ", declared "
                            + DataType.fromOnnx(d.getElemType()) + " " + d.getShape().getDimList().stream()
                            .map(x -> x.hasDimValue() ? Long.toString(x.getDimValue()) : x.getDimParam()).toList());
                }
            }
        }
        assertThat(disagreements).as(model.getFileName().toString()).isEmpty();
        // Every file declares at least its outputs, so something must have been compared.
        assertThat(compared).isPositive();
    }

    /**
     * Same element type, same rank, and the same size wherever onnx knew it: onnx leaves a symbolic dimension
     * (unk__0) where it did not fold a value, as in BERT's Expand of its position ids; ours must be concrete.
     */
    private static boolean agrees(Value v, TypeProto.Tensor declared) {
        if (v.dataType() != DataType.fromOnnx(declared.getElemType())) {
            return false;
        }
        if (!declared.hasShape()) {
            return true;
        }
        List<TensorShapeProto.Dimension> dims = declared.getShape().getDimList();
        if (dims.size() != v.shape().rank()) {
            return false;
        }
        for (int i = 0; i < dims.size(); i++) {
            if (dims.get(i).hasDimValue() && dims.get(i).getDimValue() != v.shape().dims().get(i)) {
                return false;
            }
        }
        return true;
    }

    /** value_info and graph outputs as the file stores them, read independently of the importer. */
    private static Map<String, TypeProto.Tensor> declaredTypes(Path model) throws IOException {
        GraphProto g = ModelProto.parseFrom(Files.readAllBytes(model)).getGraph();
        Map<String, TypeProto.Tensor> declared = new HashMap<>();
        for (List<ValueInfoProto> list : List.of(g.getValueInfoList(), g.getOutputList())) {
            for (ValueInfoProto v : list) {
                if (v.getType().hasTensorType()) {
                    declared.put(v.getName(), v.getType().getTensorType());
                }
            }
        }
        return declared;
    }
}
