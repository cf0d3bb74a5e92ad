package org.hawkeye.engine.onnx;

import java.util.ArrayList;
import java.util.List;

import org.hawkeye.engine.graph.DataType;
import org.hawkeye.engine.graph.Shape;
import org.hawkeye.engine.onnx.proto.OnnxProto.TensorShapeProto;
import org.hawkeye.engine.onnx.proto.OnnxProto.TypeProto;
import org.hawkeye.engine.onnx.proto.OnnxProto.ValueInfoProto;

/** Reads the static tensor type a ValueInfoProto declares. */
final class TypeReader {

    /** A declared type; either part may be null (no type, no shape, or a symbolic dimension). */
    record Declared(DataType dataType, Shape shape) {
        static final Declared NONE = new Declared(null, null);
    }

    private TypeReader() {
    }

    /**
     * @param dataInput a graph data input: its symbolic leading dimension (a dynamic batch axis) reads as 1, the
     *                  batch hawkeye profiles unless told otherwise. Any other symbolic dimension leaves the
     *                  shape unknown.
     */
    static Declared read(ValueInfoProto info, boolean dataInput) {
        if (!info.hasType() || !info.getType().hasTensorType()) {
            return Declared.NONE;
        }
        TypeProto.Tensor t = info.getType().getTensorType();
        DataType type = t.hasElemType() ? DataType.fromOnnx(t.getElemType()) : null;
        if (!t.hasShape()) {
            return new Declared(type, null);
        }
        List<Long> dims = new ArrayList<>();
        for (TensorShapeProto.Dimension d : t.getShape().getDimList()) {
            if (d.hasDimValue() && d.getDimValue() >= 0) {
                dims.add(d.getDimValue());
            } else if (dataInput && dims.isEmpty()) {
                dims.add(1L);
            } else {
                return new Declared(type, null);
            }
        }
        return new Declared(type, new Shape(dims));
    }
}
