package org.hawkeye.engine.onnx;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.google.protobuf.InvalidProtocolBufferException;

import org.hawkeye.engine.graph.Attributes;
import org.hawkeye.engine.graph.DataType;
import org.hawkeye.engine.graph.Graph;
import org.hawkeye.engine.graph.ModelException;
import org.hawkeye.engine.graph.Node;
import org.hawkeye.engine.graph.Printable;
import org.hawkeye.engine.graph.Shape;
import org.hawkeye.engine.graph.TensorData;
import org.hawkeye.engine.graph.Value;
import org.hawkeye.engine.graph.ValueKind;
import org.hawkeye.engine.onnx.proto.OnnxProto.AttributeProto;
import org.hawkeye.engine.onnx.proto.OnnxProto.GraphProto;
import org.hawkeye.engine.onnx.proto.OnnxProto.ModelProto;
import org.hawkeye.engine.onnx.proto.OnnxProto.NodeProto;
import org.hawkeye.engine.onnx.proto.OnnxProto.OperatorSetIdProto;
import org.hawkeye.engine.onnx.proto.OnnxProto.StringStringEntryProto;
import org.hawkeye.engine.onnx.proto.OnnxProto.TensorProto;
import org.hawkeye.engine.onnx.proto.OnnxProto.ValueInfoProto;
import org.hawkeye.specs.InputFiles;
import org.hawkeye.specs.ProfilerException;

/**
 * Reads a {@code .onnx} file into hawkeye's {@link Graph}: typed attributes, unique node names, topological
 * order, and each value's origin (data input, weight, constant, activation). Declared types from the file are
 * recorded with {@link Value#declare} for shape inference to fall back on; weights are never needed, so
 * stripped and external initializers load with their header only.
 */
public final class OnnxImporter {

    /** Metadata key: the exporter, e.g. {@code pytorch}. */
    public static final String META_PRODUCER = "producer_name";
    /** Metadata key: the exporter's version. */
    public static final String META_PRODUCER_VERSION = "producer_version";
    /** Metadata key: the ONNX IR version of the file. */
    public static final String META_IR_VERSION = "ir_version";
    /** Metadata key: the version of the default operator set ("" or "ai.onnx"), which op semantics depend on. */
    public static final String META_OPSET = "opset";
    /** Metadata key prefix for other imported operator sets: {@code opset.com.microsoft}. */
    public static final String META_OPSET_PREFIX = "opset.";
    /** Metadata key prefix for the model's own metadata_props: {@code metadata.zoo.source}. */
    public static final String META_PROPS_PREFIX = "metadata.";

    private OnnxImporter() {
    }

    public static Graph read(Path file) {
        String display = file.toString();
        byte[] bytes;
        try {
            bytes = InputFiles.readBytes(file, InputFiles.MAX_MODEL_BYTES, "model");
        } catch (ProfilerException e) {
            throw new ModelException(e.location(), e.reason());
        }
        return read(display, bytes);
    }

    /** Reads a model held in memory; {@code displayName} is how errors name the file. */
    public static Graph read(String displayName, byte[] bytes) {
        ModelProto model;
        try {
            model = ModelProto.parseFrom(bytes);
        } catch (InvalidProtocolBufferException e) {
            throw new ModelException(displayName, "not an ONNX model (" + protobufProblem(e) + ")", e);
        }
        if (!model.hasGraph()) {
            throw new ModelException(displayName, "not an ONNX model (no graph)");
        }
        if (model.getGraph().getNodeCount() == 0 && model.getGraph().getOutputCount() == 0) {
            throw new ModelException(displayName, "not an ONNX model (the graph has no nodes and no outputs)");
        }
        try {
            return new OnnxImporter.Builder(displayName, model).build();
        } catch (IllegalArgumentException e) {
            // Malformed headers (negative dims, raw_data of the wrong length) found while decoding.
            throw new ModelException(displayName, e.getMessage(), e);
        }
    }

    private static String protobufProblem(InvalidProtocolBufferException e) {
        String m = String.valueOf(e.getMessage());
        if (m.contains("ended unexpectedly") || m.contains("truncated")) {
            return "the file is truncated or not protobuf";
        }
        return "not a protobuf message: " + m.replaceAll("\\s+", " ");
    }

    /** One import: the proto, and the values gathered so far. */
    private static final class Builder {
        private final String file;
        private final ModelProto model;
        private final GraphProto g;
        private final Map<String, Value> values = new LinkedHashMap<>();
        private final Map<String, ValueInfoProto> declared = new HashMap<>();
        private final Map<String, NodeProto> protos = new HashMap<>();
        private final ExporterMetadata exporter;

        Builder(String file, ModelProto model) {
            this.file = file;
            this.model = model;
            this.g = model.getGraph();
            this.exporter = new ExporterMetadata(g.getValueInfoList(), g.getInitializerList());
        }

        Graph build() {
            long opset = ImportChecks.opset(file, model);
            ImportChecks.declarations(file, g);
            // Later declarations of the same name (output after value_info) are the more specific ones.
            for (List<ValueInfoProto> list : List.of(g.getValueInfoList(), g.getInputList(), g.getOutputList())) {
                list.forEach(v -> declared.put(p(v.getName()), v));
            }
            Set<String> available = new HashSet<>();
            for (TensorProto t : g.getInitializerList()) {
                addInitializer(t);
                available.add(p(t.getName()));
            }
            List<String> inputs = new ArrayList<>();
            for (ValueInfoProto in : g.getInputList()) {
                // Before IR version 4 initializers were also listed as graph inputs; they stay weights.
                String name = p(in.getName());
                if (!available.contains(name)) {
                    inputs.add(name);
                    put(new Value(name, ValueKind.INPUT, null, null, null));
                    available.add(name);
                }
            }
            List<Node> inFileOrder = nodes();
            List<Node> ordered = TopologicalOrder.sort(file, inFileOrder, available);
            for (Node node : ordered) {
                addNodeOutputs(node);
            }
            List<String> outputs = new ArrayList<>();
            for (ValueInfoProto out : g.getOutputList()) {
                String name = p(out.getName());
                if (!values.containsKey(name)) {
                    throw new ModelException(file, "graph output '" + name
                            + "' is produced by no node, graph input or initializer");
                }
                outputs.add(name);
            }
            Map<Node, NodeProto> checked = new LinkedHashMap<>();
            inFileOrder.forEach(n -> checked.put(n, protos.get(n.name())));
            OnnxChecker.check(file, opset, checked, values);
            String name = g.getName().isEmpty() ? file : p(g.getName());
            return new Graph(name, ordered, values, inputs, outputs, metadata());
        }

        /** A name of the file as it can be printed: control characters escaped (see {@link Printable}). */
        private static String p(String name) {
            return Printable.escape(name);
        }

        private static List<String> p(List<String> names) {
            return names.stream().map(Printable::escape).toList();
        }

        private void addInitializer(TensorProto t) {
            String what = "initializer '" + p(t.getName()) + "'";
            Shape shape = TensorDecoder.shape(t, what);
            DataType type = TensorDecoder.dataType(t);
            TensorData data = TensorDecoder.decode(t, what, TensorDecoder.SMALL_TENSOR_ELEMENTS);
            // a folded constant, a config-derived buffer or an index tensor is public; a parameter is the model's
            ValueKind kind = exporter.isParameter(t) ? ValueKind.WEIGHT : ValueKind.CONSTANT;
            put(new Value(p(t.getName()), kind, type, shape, data));
        }

        private List<Node> nodes() {
            List<String> fileNames = new ArrayList<>();
            List<String> opTypes = new ArrayList<>();
            for (NodeProto n : g.getNodeList()) {
                // the dynamo exporter keeps the module path in metadata; the tree reads it from the name
                String path = n.getName().startsWith("/") ? "" : ExporterMetadata.modulePath(n);
                String own = n.getName().isEmpty() ? n.getOpType() + "_" + fileNames.size() : n.getName();
                fileNames.add(p(path.isEmpty() ? n.getName() : path + "/" + own));
                opTypes.add(p(n.getOpType()));
            }
            List<String> names = NodeNames.assign(fileNames, opTypes);
            List<Node> nodes = new ArrayList<>();
            for (int i = 0; i < g.getNodeCount(); i++) {
                NodeProto n = g.getNode(i);
                Node bare = new Node(names.get(i), p(n.getOpType()), p(n.getDomain()), p(n.getInputList()),
                        p(n.getOutputList()), Attributes.EMPTY);
                try {
                    nodes.add(new Node(bare.name(), bare.opType(), bare.domain(), bare.inputs(), bare.outputs(),
                            AttributeDecoder.decode(n.getAttributeList())));
                } catch (AttributeDecoder.UnsupportedAttribute | IllegalArgumentException e) {
                    throw ModelException.atNode(file, bare, e.getMessage());
                }
                protos.put(bare.name(), n);
            }
            return nodes;
        }

        private void addNodeOutputs(Node node) {
            boolean constant = node.opType().equals("Constant") && isDefaultDomain(node.domain());
            for (String out : node.outputs()) {
                if (!out.isEmpty()) {
                    put(constant ? constantValue(node, out) : new Value(out, ValueKind.ACTIVATION, null, null, null));
                }
            }
        }

        /** A Constant's output is public and known: its type and, when small, its value come from the node. */
        private Value constantValue(Node node, String out) {
            TensorData data = node.attributes().getTensor("value").orElse(null);
            if (data != null) {
                return new Value(out, ValueKind.CONSTANT, data.dataType(), data.shape(), data);
            }
            for (AttributeProto a : protos.get(node.name()).getAttributeList()) {
                if (a.getName().equals("value") && a.hasT()) {
                    // Too big to keep, or without payload: the tensor's header still gives the type.
                    TensorProto t = a.getT();
                    return new Value(out, ValueKind.CONSTANT, TensorDecoder.dataType(t),
                            TensorDecoder.shape(t, "attribute 'value'"), null);
                }
            }
            // value_float, value_ints, ...: shape inference turns these into data.
            return new Value(out, ValueKind.CONSTANT, null, null, null);
        }

        /**
         * Adds a value, declaring the file's type for it: value_info (or graph input/output) when present,
         * otherwise what the value's own header says.
         */
        private void put(Value v) {
            ValueInfoProto info = declared.get(v.name());
            TypeReader.Declared d = info == null ? TypeReader.Declared.NONE
                    : TypeReader.read(info, v.kind() == ValueKind.INPUT);
            v.declare(d.dataType() != null ? d.dataType() : v.dataType(), d.shape() != null ? d.shape() : v.shape());
            if (v.dataType() == null && v.shape() == null) {
                // An activation starts with the declared type, as Value documents; inference replaces it.
                v.setType(v.declaredDataType(), v.declaredShape());
            }
            values.put(v.name(), v);
        }

        private Map<String, String> metadata() {
            Map<String, String> meta = new LinkedHashMap<>();
            meta.put(META_PRODUCER, p(model.getProducerName()));
            meta.put(META_PRODUCER_VERSION, p(model.getProducerVersion()));
            meta.put(META_IR_VERSION, Long.toString(model.getIrVersion()));
            for (OperatorSetIdProto op : model.getOpsetImportList()) {
                if (isDefaultDomain(op.getDomain())) {
                    meta.put(META_OPSET, Long.toString(op.getVersion()));
                } else {
                    meta.put(META_OPSET_PREFIX + op.getDomain(), Long.toString(op.getVersion()));
                }
            }
            for (StringStringEntryProto e : model.getMetadataPropsList()) {
                meta.put(META_PROPS_PREFIX + p(e.getKey()), p(e.getValue()));
            }
            return meta;
        }
    }

    /** True for the standard operator set, which files name "" or "ai.onnx". */
    public static boolean isDefaultDomain(String domain) {
        return domain.isEmpty() || domain.equals("ai.onnx");
    }
}
