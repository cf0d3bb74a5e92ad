package org.hawkeye.engine.onnx;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;


import org.hawkeye.engine.graph.Attributes;
import org.hawkeye.engine.graph.TensorData;
import org.hawkeye.engine.onnx.proto.OnnxProto.AttributeProto;
import org.hawkeye.engine.onnx.proto.OnnxProto.AttributeProto.AttributeType;
import org.hawkeye.engine.onnx.proto.OnnxProto.TensorProto;

/**
 * Types a node's attributes as {@link Attributes} documents them: INT as Long, FLOAT as Double, STRING as String,
 * INTS/FLOATS/STRINGS as lists, TENSOR as TensorData (TENSORS as a list of them).
 */
final class AttributeDecoder {

    /** A Constant's value is kept up to this size: the largest in the zoo is BERT's 512 position ids. */
    static final int MAX_ATTRIBUTE_TENSOR_ELEMENTS = 1 << 16;

    /** Thrown for attributes hawkeye refuses; the importer adds the node's name. */
    static final class UnsupportedAttribute extends RuntimeException {
        UnsupportedAttribute(String message) {
            super(message);
        }
    }

    private AttributeDecoder() {
    }

    static Attributes decode(List<AttributeProto> protos) {
        Map<String, Object> values = new LinkedHashMap<>();
        for (AttributeProto a : protos) {
            Object v = value(a);
            // A tensor whose payload is absent or too big has no TensorData; leaving the attribute out lets the
            // importer fall back to the tensor's declared header (Constant) instead of carrying a half value.
            if (v != null) {
                values.put(a.getName(), v);
            }
        }
        return new Attributes(values);
    }

    private static Object value(AttributeProto a) {
        if (!a.getRefAttrName().isEmpty()) {
            throw new UnsupportedAttribute("attribute '" + a.getName() + "' refers to a function attribute ('"
                    + a.getRefAttrName() + "'), which is only valid inside a function body");
        }
        AttributeType type = a.hasType() ? a.getType() : guessType(a);
        return switch (type) {
            case FLOAT -> (double) a.getF();
            case INT -> a.getI();
            case STRING -> a.getS().toString(StandardCharsets.UTF_8);
            case TENSOR -> tensor(a.getT(), a.getName());
            case FLOATS -> a.getFloatsList().stream().map(Float::doubleValue).toList();
            case INTS -> List.copyOf(a.getIntsList());
            case STRINGS -> a.getStringsList().stream().map(s -> s.toString(StandardCharsets.UTF_8)).toList();
            case TENSORS -> tensors(a);
            case GRAPH, GRAPHS -> throw new UnsupportedAttribute("attribute '" + a.getName()
                    + "' is a subgraph (control flow such as If/Loop/Scan), which hawkeye does not support");
            // Sparse tensors and type protos have no consumer in hawkeye's op set.
            default -> null;
        };
    }

    private static List<TensorData> tensors(AttributeProto a) {
        List<TensorData> out = new ArrayList<>();
        for (TensorProto t : a.getTensorsList()) {
            TensorData d = tensor(t, a.getName());
            if (d == null) {
                return null;
            }
            out.add(d);
        }
        return out;
    }

    static TensorData tensor(TensorProto t, String attributeName) {
        return TensorDecoder.decode(t, "attribute '" + attributeName + "'", MAX_ATTRIBUTE_TENSOR_ELEMENTS);
    }

    /** IR version 1 files have no type field: the type is whichever value field is set. */
    static AttributeType guessType(AttributeProto a) {
        if (a.hasF()) {
            return AttributeType.FLOAT;
        } else if (a.hasI()) {
            return AttributeType.INT;
        } else if (a.hasS()) {
            return AttributeType.STRING;
        } else if (a.hasT()) {
            return AttributeType.TENSOR;
        } else if (a.hasG() || a.getGraphsCount() > 0) {
            return AttributeType.GRAPH;
        } else if (a.getFloatsCount() > 0) {
            return AttributeType.FLOATS;
        } else if (a.getIntsCount() > 0) {
            return AttributeType.INTS;
        } else if (a.getStringsCount() > 0) {
            return AttributeType.STRINGS;
        } else if (a.getTensorsCount() > 0) {
            return AttributeType.TENSORS;
        }
        return AttributeType.UNDEFINED;
    }
}
