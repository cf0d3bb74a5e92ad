package org.hawkeye.engine.onnx;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.hawkeye.engine.graph.DataType;
import org.hawkeye.engine.graph.ModelException;
import org.hawkeye.engine.graph.Node;
import org.hawkeye.engine.graph.Printable;
import org.hawkeye.engine.graph.Value;
import org.hawkeye.engine.graph.ValueKind;
import org.hawkeye.engine.onnx.proto.OnnxProto.AttributeProto;
import org.hawkeye.engine.onnx.proto.OnnxProto.AttributeProto.AttributeType;
import org.hawkeye.engine.onnx.proto.OnnxProto.NodeProto;

/**
 * The check between import and shape inference: every node of the default domain against the ONNX operator
 * specification ({@link OperatorSchemas}) at the model's opset: the op exists at that opset, input and output
 * counts, required inputs and outputs given, attribute names, types and presence, the element types of inputs
 * whose type is known before inference (graph inputs, initializers, constants), then what the operator
 * documentation says attributes and shapes must agree on ({@link AttributeAgreement}). An op the specification
 * does not define (another domain, or a name it does not know) is not checked: the lowering lists it.
 */
final class OnnxChecker {
    private final String file;
    private final long opset;
    private final Map<String, Value> values;

    private OnnxChecker(String file, long opset, Map<String, Value> values) {
        this.file = file;
        this.opset = opset;
        this.values = values;
    }

    /**
     * @param nodes  the nodes in file order, with the proto each came from
     * @param opset  the version of the default operator set the model imports
     * @param values every value of the imported graph
     */
    static void check(String file, long opset, Map<Node, NodeProto> nodes, Map<String, Value> values) {
        OnnxChecker checker = new OnnxChecker(file, opset, values);
        nodes.forEach(checker::checkNode);
    }

    private void checkNode(Node node, NodeProto proto) {
        if (!OnnxImporter.isDefaultDomain(node.domain()) || !OperatorSchemas.knows(node.opType())) {
            return;
        }
        if (opset > OperatorSchemas.NEWEST_OPSET) {
            throw fail(node, "the model imports opset " + opset + ", newer than the newest hawkeye knows ("
                    + OperatorSchemas.NEWEST_OPSET + "), where " + node.opType() + " may be defined differently;"
                    + " export the model with opset " + OperatorSchemas.NEWEST_OPSET + " or lower");
        }
        OperatorSchemas.Schema schema = OperatorSchemas.at(node.opType(), opset);
        if (schema == null) {
            throw fail(node, node.opType() + " exists from opset " + OperatorSchemas.firstOpset(node.opType())
                    + " on, but the model imports opset " + opset);
        }
        checkArity(node, schema);
        checkAttributes(node, proto, schema);
        checkInputTypes(node, schema);
        if (node.opType().equals("Constant") && proto.getAttributeCount() != 1) {
            // counted on the file: a value whose payload was stripped is not decoded, yet it is the one value
            throw fail(node, "a Constant takes exactly one value attribute, got " + proto.getAttributeCount());
        }
        String disagreement = AttributeAgreement.problem(node, schema.since(), values);
        if (disagreement != null) {
            throw fail(node, disagreement);
        }
    }

    private void checkArity(Node node, OperatorSchemas.Schema s) {
        int in = node.inputs().size();
        if (in < s.minInputs() || in > s.maxInputs()) {
            throw fail(node, "has " + in + " input(s), but " + s.op() + " (opset " + s.since() + ") takes "
                    + count(s.minInputs(), s.maxInputs()));
        }
        for (int i = 0; i < in; i++) {
            OperatorSchemas.Input formal = s.formal(i);
            if (node.inputs().get(i).isEmpty() && formal != null && formal.option() == ' ') {
                throw fail(node, "input " + (i + 1) + " ('" + formal.name() + "') is required but not given");
            }
        }
        int out = node.outputs().size();
        if (out < s.minOutputs() || out > s.maxOutputs()) {
            throw fail(node, "has " + out + " output(s), but " + s.op() + " (opset " + s.since() + ") gives "
                    + count(s.minOutputs(), s.maxOutputs()));
        }
        if (s.minOutputs() > 0 && node.outputs().get(0).isEmpty()) {
            throw fail(node, "its first output has no name (only optional outputs may be left out)");
        }
    }

    private static String count(int min, int max) {
        if (max == Integer.MAX_VALUE) {
            return min + " or more";
        }
        return min == max ? Integer.toString(min) : min + " to " + max;
    }

    private void checkAttributes(Node node, NodeProto proto, OperatorSchemas.Schema s) {
        Set<String> seen = new HashSet<>();
        for (AttributeProto a : proto.getAttributeList()) {
            String name = Printable.escape(a.getName());
            OperatorSchemas.Attribute spec = s.attributes().get(a.getName());
            if (spec == null) {
                throw fail(node, "unknown attribute '" + name + "' (" + s.op() + " at opset " + s.since()
                        + " takes " + (s.attributes().isEmpty() ? "none" : String.join(", ",
                        new TreeSet<>(s.attributes().keySet()))) + ")");
            }
            if (!seen.add(a.getName())) {
                throw fail(node, "attribute '" + name + "' is given twice");
            }
            AttributeType type = a.hasType() ? a.getType() : AttributeDecoder.guessType(a);
            if (!type.name().equals(spec.type()) && !emptyList(a, type, spec.type())) {
                throw fail(node, "attribute '" + name + "' is " + article(type.name()) + ", but " + s.op()
                        + " takes " + article(spec.type()));
            }
        }
        for (OperatorSchemas.Attribute spec : s.attributes().values()) {
            if (spec.required() && !seen.contains(spec.name())) {
                throw fail(node, "misses the required attribute '" + spec.name() + "' (" + article(spec.type()) + ")");
            }
        }
    }

    /** An IR version 1 file's empty list has no type to tell INTS from FLOATS: it fits any list attribute. */
    private static boolean emptyList(AttributeProto a, AttributeType type, String expected) {
        return !a.hasType() && type == AttributeType.UNDEFINED && expected.endsWith("S");
    }

    private static String article(String attributeType) {
        String lower = attributeType.toLowerCase(java.util.Locale.ROOT);
        return switch (attributeType) {
            case "INT", "FLOAT", "STRING", "TENSOR", "GRAPH", "SPARSE_TENSOR", "TYPE_PROTO" -> "a single " + lower;
            case "UNDEFINED" -> "an attribute without a value";
            default -> "a list (" + lower + ")";
        };
    }

    /** Element types known before inference must be ones the input takes, and inputs sharing a parameter agree. */
    private void checkInputTypes(Node node, OperatorSchemas.Schema s) {
        Map<String, String> bound = new LinkedHashMap<>();
        for (int i = 0; i < node.inputs().size(); i++) {
            String name = node.inputs().get(i);
            OperatorSchemas.Input formal = s.formal(i);
            Value v = name.isEmpty() ? null : values.get(name);
            if (formal == null || v == null || !knownBeforeInference(v) || v.dataType() == null) {
                continue;
            }
            DataType t = v.dataType();
            if (formal.types() != null && !formal.types().contains(t)) {
                throw fail(node, "input '" + name + "' is " + t.specName() + ", but " + s.op() + "'s input '"
                        + formal.name() + "' takes " + typeList(formal.types()));
            }
            if (!formal.param().equals("_")) {
                String first = bound.putIfAbsent(formal.param(), name);
                if (first != null && values.get(first).dataType() != t) {
                    throw fail(node, "inputs '" + first + "' (" + values.get(first).dataType().specName() + ") and '"
                            + name + "' (" + t.specName() + ") must have the same element type (" + s.op()
                            + "'s type parameter " + formal.param() + ")");
                }
            }
        }
    }

    private static boolean knownBeforeInference(Value v) {
        // an initializer declares its type whether it is a parameter (WEIGHT) or a public constant (CONSTANT)
        return v.kind() == ValueKind.INPUT || v.kind() == ValueKind.WEIGHT || v.kind() == ValueKind.CONSTANT;
    }

    private static String typeList(Set<DataType> types) {
        List<String> names = new ArrayList<>();
        types.forEach(t -> names.add(t.specName()));
        return String.join(", ", names);
    }

    private ModelException fail(Node node, String reason) {
        return ModelException.atNode(file, node, reason);
    }
}
