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

    /**
     * A declared type; either part may be null (no type, no shape, or a symbolic dimension). {@code dimNames}
     * names each axis the file leaves symbolic (its dim_param, or "?" when unnamed; null for a number), and is
     * null when the shape has no symbolic axis or is not declared; {@code dimSizes} then holds the size of each
     * fixed axis (null for a symbolic one).
     */
    record Declared(DataType dataType, Shape shape, List<String> dimNames, List<Long> dimSizes) {
        static final Declared NONE = new Declared(null, null, null, null);
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
            return new Declared(type, null, null, null);
        }
        List<Long> dims = new ArrayList<>();
        List<Long> sizes = new ArrayList<>();
        List<String> names = new ArrayList<>();
        boolean symbolic = false;
        boolean known = true;
        for (TensorShapeProto.Dimension d : t.getShape().getDimList()) {
            if (d.hasDimValue() && d.getDimValue() >= 0) {
                dims.add(d.getDimValue());
                sizes.add(d.getDimValue());
                names.add(null);
                continue;
            }
            symbolic = true;
            sizes.add(null);
            names.add(d.hasDimParam() && !d.getDimParam().isEmpty() ? d.getDimParam() : "?");
            if (dataInput && dims.isEmpty()) {
                dims.add(1L);
            } else {
                known = false;
            }
        }
        return new Declared(type, known ? new Shape(dims) : null, symbolic ? names : null, symbolic ? sizes : null);
    }
}
