package org.hawkeye.engine.onnx;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import com.google.protobuf.ByteString;

import org.hawkeye.engine.onnx.proto.OnnxProto.AttributeProto;
import org.hawkeye.engine.onnx.proto.OnnxProto.AttributeProto.AttributeType;
import org.hawkeye.engine.onnx.proto.OnnxProto.GraphProto;
import org.hawkeye.engine.onnx.proto.OnnxProto.ModelProto;
import org.hawkeye.engine.onnx.proto.OnnxProto.NodeProto;
import org.hawkeye.engine.onnx.proto.OnnxProto.OperatorSetIdProto;
import org.hawkeye.engine.onnx.proto.OnnxProto.TensorProto;
import org.hawkeye.engine.onnx.proto.OnnxProto.TensorShapeProto;
import org.hawkeye.engine.onnx.proto.OnnxProto.TypeProto;
import org.hawkeye.engine.onnx.proto.OnnxProto.ValueInfoProto;

/** Small ModelProtos for importer tests, built with the generated classes. */
final class Protos {

    static final int FLOAT = 1;
    static final int INT64 = 7;

    private Protos() {
    }

    /** A tensor type; a String dim is symbolic (dim_param). */
    static ValueInfoProto info(String name, int elemType, Object... dims) {
        TensorShapeProto.Builder shape = TensorShapeProto.newBuilder();
        for (Object d : dims) {
            TensorShapeProto.Dimension.Builder dim = TensorShapeProto.Dimension.newBuilder();
            if (d instanceof String s) {
                dim.setDimParam(s);
            } else {
                dim.setDimValue(((Number) d).longValue());
            }
            shape.addDim(dim);
        }
        return ValueInfoProto.newBuilder().setName(name).setType(TypeProto.newBuilder()
                .setTensorType(TypeProto.Tensor.newBuilder().setElemType(elemType).setShape(shape))).build();
    }

    static NodeProto node(String name, String opType, List<String> inputs, List<String> outputs,
                          AttributeProto... attributes) {
        return NodeProto.newBuilder().setName(name).setOpType(opType).addAllInput(inputs).addAllOutput(outputs)
                .addAllAttribute(List.of(attributes)).build();
    }

    /** A header-only initializer, as the stripped zoo files store weights. */
    static TensorProto weight(String name, int dataType, long... dims) {
        TensorProto.Builder t = TensorProto.newBuilder().setName(name).setDataType(dataType);
        for (long d : dims) {
            t.addDims(d);
        }
        return t.build();
    }

    static AttributeProto intAttr(String name, long v) {
        return AttributeProto.newBuilder().setName(name).setType(AttributeType.INT).setI(v).build();
    }

    static AttributeProto floatAttr(String name, float v) {
        return AttributeProto.newBuilder().setName(name).setType(AttributeType.FLOAT).setF(v).build();
    }

    static AttributeProto stringAttr(String name, String v) {
        return AttributeProto.newBuilder().setName(name).setType(AttributeType.STRING)
                .setS(ByteString.copyFrom(v, StandardCharsets.UTF_8)).build();
    }

    static AttributeProto intsAttr(String name, long... v) {
        AttributeProto.Builder a = AttributeProto.newBuilder().setName(name).setType(AttributeType.INTS);
        for (long x : v) {
            a.addInts(x);
        }
        return a.build();
    }

    static AttributeProto tensorAttr(String name, TensorProto t) {
        return AttributeProto.newBuilder().setName(name).setType(AttributeType.TENSOR).setT(t).build();
    }

    static TensorProto int64Tensor(long... values) {
        TensorProto.Builder t = TensorProto.newBuilder().setDataType(INT64).addDims(values.length);
        for (long v : values) {
            t.addInt64Data(v);
        }
        return t.build();
    }

    /** A model with one graph: inputs, outputs, nodes, initializers (opset 17, IR 8, like the zoo). */
    static ModelProto model(List<ValueInfoProto> inputs, List<ValueInfoProto> outputs, List<NodeProto> nodes,
                            TensorProto... initializers) {
        GraphProto g = GraphProto.newBuilder().setName("test").addAllInput(inputs).addAllOutput(outputs)
                .addAllNode(nodes).addAllInitializer(List.of(initializers)).build();
        return ModelProto.newBuilder().setIrVersion(8).setProducerName("hawkeye-test").setProducerVersion("1")
                .addOpsetImport(OperatorSetIdProto.newBuilder().setDomain("").setVersion(17)).setGraph(g).build();
    }

    /** x [1,4] through a chain of Relu nodes r0..r{n-1}, the last writing y. */
    static ModelProto reluChain(int n) {
        List<NodeProto> nodes = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            nodes.add(node("r" + i, "Relu", List.of(i == 0 ? "x" : "v" + (i - 1)), List.of(i == n - 1 ? "y" : "v" + i)));
        }
        return model(List.of(info("x", FLOAT, 1, 4)), List.of(info("y", FLOAT, 1, 4)), nodes);
    }
}
