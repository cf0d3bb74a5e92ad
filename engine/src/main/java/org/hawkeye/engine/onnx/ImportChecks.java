package org.hawkeye.engine.onnx;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.hawkeye.engine.graph.DataType;
import org.hawkeye.engine.graph.ModelException;
import org.hawkeye.engine.graph.Printable;
import org.hawkeye.engine.onnx.proto.OnnxProto.GraphProto;
import org.hawkeye.engine.onnx.proto.OnnxProto.ModelProto;
import org.hawkeye.engine.onnx.proto.OnnxProto.OperatorSetIdProto;
import org.hawkeye.engine.onnx.proto.OnnxProto.TensorProto;
import org.hawkeye.engine.onnx.proto.OnnxProto.TensorShapeProto;
import org.hawkeye.engine.onnx.proto.OnnxProto.ValueInfoProto;

/**
 * Checks of the file as a whole, before its nodes are read: the opset it imports, names that must be unique
 * (initializers, graph inputs), element types that exist, and declared dimensions that are 0 or more.
 */
final class ImportChecks {

    /** The opset assumed when a file imports none for the default domain (invalid ONNX, but seen in hand-made files). */
    static final long DEFAULT_OPSET = 21;

    private ImportChecks() {
    }

    /** The version of the default operator set the model imports. */
    static long opset(String file, ModelProto model) {
        Long found = null;
        for (OperatorSetIdProto op : model.getOpsetImportList()) {
            if (!OnnxImporter.isDefaultDomain(op.getDomain())) {
                continue;
            }
            if (op.getVersion() < 1) {
                throw new ModelException(file, "imports opset " + op.getVersion()
                        + " of the default domain (ONNX opsets start at 1)");
            }
            if (found != null && found != op.getVersion()) {
                throw new ModelException(file, "imports the default domain twice, as opset " + found + " and "
                        + op.getVersion());
            }
            found = op.getVersion();
        }
        return found == null ? DEFAULT_OPSET : found;
    }

    /** Unique initializer and input names, known element types, dimensions of 0 or more. */
    static void declarations(String file, GraphProto g) {
        Set<String> initializers = new HashSet<>();
        for (TensorProto t : g.getInitializerList()) {
            String name = Printable.escape(t.getName());
            if (!initializers.add(t.getName())) {
                throw new ModelException(file, "initializer '" + name + "' is given twice (names are unique)");
            }
            if (!DataType.isKnown(t.getDataType())) {
                throw new ModelException(file, "initializer '" + name + "' has data type " + t.getDataType()
                        + ", which is not an ONNX element type (1 to " + (DataType.values().length - 1) + ")");
            }
        }
        Set<String> inputs = new HashSet<>();
        for (ValueInfoProto in : g.getInputList()) {
            if (!inputs.add(in.getName())) {
                throw new ModelException(file, "graph input '" + Printable.escape(in.getName())
                        + "' is listed twice (names are unique)");
            }
        }
        for (List<ValueInfoProto> list : List.of(g.getInputList(), g.getOutputList(), g.getValueInfoList())) {
            list.forEach(v -> declaredType(file, v));
        }
    }

    private static void declaredType(String file, ValueInfoProto v) {
        if (!v.hasType() || !v.getType().hasTensorType()) {
            return;
        }
        var t = v.getType().getTensorType();
        String name = Printable.escape(v.getName());
        if (t.hasElemType() && t.getElemType() != 0 && !DataType.isKnown(t.getElemType())) {
            throw new ModelException(file, "value '" + name + "' declares element type " + t.getElemType()
                    + ", which is not an ONNX element type (1 to " + (DataType.values().length - 1) + ")");
        }
        for (TensorShapeProto.Dimension d : t.getShape().getDimList()) {
            if (d.hasDimValue() && d.getDimValue() < 0) {
                throw new ModelException(file, "value '" + name + "' declares the dimension " + d.getDimValue()
                        + " (dimensions are 0 or more; a dynamic one is named, e.g. 'batch')");
            }
        }
    }
}
