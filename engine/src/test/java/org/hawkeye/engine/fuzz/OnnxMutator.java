package org.hawkeye.engine.fuzz;

import java.util.List;
import java.util.Random;
import org.hawkeye.engine.onnx.proto.OnnxProto.AttributeProto;
import org.hawkeye.engine.onnx.proto.OnnxProto.AttributeProto.AttributeType;
import org.hawkeye.engine.onnx.proto.OnnxProto.GraphProto;
import org.hawkeye.engine.onnx.proto.OnnxProto.ModelProto;
import org.hawkeye.engine.onnx.proto.OnnxProto.NodeProto;
import org.hawkeye.engine.onnx.proto.OnnxProto.OperatorSetIdProto;
import org.hawkeye.engine.onnx.proto.OnnxProto.TensorProto;
import org.hawkeye.engine.onnx.proto.OnnxProto.TensorShapeProto;
import org.hawkeye.engine.onnx.proto.OnnxProto.ValueInfoProto;

/**
 * Structural mutations of a valid model, the kind a byte flip rarely reaches: attribute values and types, op
 * types, opsets, dangling or repeated names, initializer dims, data types and values (Reshape targets, Slice
 * bounds), declared input shapes, node names with control characters or deep paths.
 */
final class OnnxMutator {
    /** Op types mutated nodes become: the zoo's, the transformer exporters', and a few hawkeye does not know. */
    static final List<String> OP_TYPES = List.of("Relu", "Conv", "ConvTranspose", "MatMul", "Gemm", "Add", "Mul",
            "Softmax", "MaxPool", "AveragePool", "GlobalMaxPool", "GlobalAveragePool", "BatchNormalization",
            "LayerNormalization", "RMSNormalization", "Gelu", "Reshape", "Transpose", "Slice", "Concat", "Split",
            "Gather", "GatherND", "Expand", "Tile", "Pad", "Squeeze", "Unsqueeze", "ReduceMean", "ReduceMax", "ArgMax",
            "Pow", "Sqrt", "Div", "Erf", "Tanh", "Sigmoid", "Where", "Equal", "Cast", "Constant", "ConstantOfShape",
            "Range", "Trilu", "Attention", "Einsum", "Resize", "Flatten", "Identity", "Dropout", "Clip", "CumSum",
            "TopK", "NoSuchOp", "If", "Loop");
    private static final String[] ATTRIBUTE_NAMES = {"axis", "axes", "kernel_shape", "strides", "pads", "dilations",
        "group", "perm", "batch_dims", "to", "value", "epsilon", "keepdims", "auto_pad", "ceil_mode", "upper",
        "transA", "mode", "split", "num_outputs", "allowzero", "padz", "alpha", "noop_with_empty_axes"};

    private final Random r;

    OnnxMutator(Random r) {
        this.r = r;
    }

    ModelProto mutate(ModelProto seed) {
        ModelProto.Builder m = seed.toBuilder();
        int changes = 1 + r.nextInt(3);
        for (int c = 0; c < changes; c++) {
            once(m, m.getGraphBuilder());
        }
        return m.build();
    }

    private void once(ModelProto.Builder m, GraphProto.Builder g) {
        int nodes = g.getNodeCount();
        int kind = r.nextInt(18);
        if (nodes == 0 && kind < 10) {
            kind = 10 + r.nextInt(8);
        }
        NodeProto.Builder n = nodes == 0 ? null : g.getNodeBuilder(r.nextInt(nodes));
        switch (kind) {
            case 0, 1 -> attributeValue(n);
            case 2 -> attributeType(n);
            case 3 -> {
                if (n.getAttributeCount() > 0) {
                    n.removeAttribute(r.nextInt(n.getAttributeCount()));
                }
            }
            case 4 -> n.addAttribute(randomAttribute());
            case 5 -> n.setOpType(OP_TYPES.get(r.nextInt(OP_TYPES.size())));
            case 6 -> g.removeNode(r.nextInt(nodes));
            case 7 -> g.addNode(n.build());
            case 8 -> rewire(g, n);
            case 9 -> n.setName(name(n.getName()));
            case 10 -> opset(m);
            case 11, 12 -> initializer(g);
            case 13, 14 -> declaredInput(g);
            case 15 -> {
                if (g.getInitializerCount() > 0) {
                    g.addInitializer(g.getInitializer(r.nextInt(g.getInitializerCount())));
                }
            }
            case 16 -> {
                if (nodes > 1) {
                    NodeProto a = g.getNode(0);
                    int j = r.nextInt(nodes);
                    g.setNode(0, g.getNode(j)).setNode(j, a);
                }
            }
            default -> g.addOutput(ValueInfoProto.newBuilder().setName(r.nextBoolean() ? "ghost" : ""));
        }
    }

    private void attributeValue(NodeProto.Builder n) {
        if (n.getAttributeCount() == 0) {
            n.addAttribute(randomAttribute());
            return;
        }
        AttributeProto.Builder a = n.getAttributeBuilder(r.nextInt(n.getAttributeCount()));
        switch (a.getType()) {
            case INT -> a.setI(Mutations.edgeLong(r));
            case FLOAT -> a.setF(new float[] {0f, -1f, Float.NaN, Float.POSITIVE_INFINITY, 1e30f}[r.nextInt(5)]);
            case INTS -> {
                if (a.getIntsCount() > 0 && r.nextBoolean()) {
                    a.setInts(r.nextInt(a.getIntsCount()), Mutations.edgeLong(r));
                } else if (r.nextBoolean()) {
                    a.addInts(Mutations.edgeLong(r));
                } else {
                    a.clearInts();
                }
            }
            case STRING -> a.setS(com.google.protobuf.ByteString.copyFromUtf8(Mutations.edgeText(r)));
            case TENSOR -> a.setT(tensor(a.getT().toBuilder()));
            default -> a.setName(Mutations.edgeText(r));
        }
    }

    private void attributeType(NodeProto.Builder n) {
        if (n.getAttributeCount() == 0) {
            return;
        }
        AttributeProto.Builder a = n.getAttributeBuilder(r.nextInt(n.getAttributeCount()));
        AttributeType[] types = {AttributeType.INT, AttributeType.INTS, AttributeType.FLOAT, AttributeType.STRING,
            AttributeType.UNDEFINED, AttributeType.GRAPH, AttributeType.TENSOR, AttributeType.FLOATS};
        a.setType(types[r.nextInt(types.length)]);
        if (a.getType() == AttributeType.INT) {
            a.setI(Mutations.edgeLong(r));
        } else if (a.getType() == AttributeType.INTS) {
            a.addInts(Mutations.edgeLong(r));
        }
    }

    private AttributeProto randomAttribute() {
        AttributeProto.Builder a = AttributeProto.newBuilder().setName(ATTRIBUTE_NAMES[r.nextInt(ATTRIBUTE_NAMES.length)]);
        if (r.nextBoolean()) {
            a.setType(AttributeType.INT).setI(Mutations.edgeLong(r));
        } else {
            a.setType(AttributeType.INTS);
            for (int i = r.nextInt(5); i > 0; i--) {
                a.addInts(Mutations.edgeLong(r));
            }
        }
        return a.build();
    }

    private void rewire(GraphProto.Builder g, NodeProto.Builder n) {
        NodeProto source = g.getNode(r.nextInt(g.getNodeCount()));
        String other = source.getOutputCount() > 0 ? source.getOutput(0) : "x";
        String name = new String[] {"", "ghost", other, n.getOutputCount() > 0 ? n.getOutput(0) : ""}[r.nextInt(4)];
        switch (r.nextInt(4)) {
            case 0 -> {
                if (n.getInputCount() > 0) {
                    n.setInput(r.nextInt(n.getInputCount()), name);
                }
            }
            case 1 -> n.addInput(name);
            case 2 -> {
                if (n.getOutputCount() > 0) {
                    n.setOutput(r.nextInt(n.getOutputCount()), name);
                }
            }
            default -> n.addOutput(name);
        }
    }

    private String name(String old) {
        return switch (r.nextInt(4)) {
            case 0 -> old + "\u001b[31m\u0007";
            case 1 -> "/m".repeat(1 + r.nextInt(5000)) + "/" + old;
            case 2 -> "";
            default -> Mutations.chars(old, r);
        };
    }

    private void opset(ModelProto.Builder m) {
        long v = r.nextBoolean() ? 1 + r.nextInt(30) : Mutations.edgeLong(r);
        m.clearOpsetImport().addOpsetImport(OperatorSetIdProto.newBuilder().setDomain(r.nextInt(8) == 0 ? "ai.onnx"
                : "").setVersion(v));
    }

    private void initializer(GraphProto.Builder g) {
        if (g.getInitializerCount() == 0) {
            return;
        }
        int i = r.nextInt(g.getInitializerCount());
        g.setInitializer(i, tensor(g.getInitializer(i).toBuilder()));
    }

    private TensorProto tensor(TensorProto.Builder t) {
        switch (r.nextInt(5)) {
            case 0 -> {
                if (t.getDimsCount() > 0) {
                    t.setDims(r.nextInt(t.getDimsCount()), Mutations.edgeLong(r));
                } else {
                    t.addDims(Mutations.edgeLong(r));
                }
            }
            case 1 -> t.setDataType(new int[] {0, 1, 6, 7, 8, 9, 10, 16, 23, 28, 29, 1234, -1}[r.nextInt(13)]);
            case 2 -> {
                if (t.getInt64DataCount() > 0) {
                    t.setInt64Data(r.nextInt(t.getInt64DataCount()), Mutations.edgeLong(r));
                } else {
                    t.addInt64Data(Mutations.edgeLong(r));
                }
            }
            case 3 -> t.setRawData(com.google.protobuf.ByteString.copyFrom(new byte[r.nextInt(40)]));
            default -> t.clearDims();
        }
        return t.build();
    }

    private void declaredInput(GraphProto.Builder g) {
        if (g.getInputCount() == 0) {
            return;
        }
        ValueInfoProto.Builder in = g.getInputBuilder(r.nextInt(g.getInputCount()));
        var tensor = in.getTypeBuilder().getTensorTypeBuilder();
        if (r.nextInt(3) == 0) {
            tensor.setElemType(new int[] {0, 1, 7, 8, 9, 10, 16, 28, 29, 1234}[r.nextInt(10)]);
            return;
        }
        TensorShapeProto.Builder shape = tensor.getShapeBuilder();
        if (shape.getDimCount() == 0 || r.nextInt(4) == 0) {
            shape.addDim(TensorShapeProto.Dimension.newBuilder().setDimValue(Mutations.edgeLong(r)));
        } else {
            int d = r.nextInt(shape.getDimCount());
            shape.setDim(d, r.nextInt(4) == 0 ? TensorShapeProto.Dimension.newBuilder().setDimParam("n")
                    : TensorShapeProto.Dimension.newBuilder().setDimValue(Mutations.edgeLong(r)));
        }
    }
}
