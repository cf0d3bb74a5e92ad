package org.hawkeye.engine.shapes;

import java.util.Map;
import java.util.Set;

import org.hawkeye.engine.graph.DataType;
import org.hawkeye.engine.graph.Graph;
import org.hawkeye.engine.graph.ModelException;
import org.hawkeye.engine.graph.Node;
import org.hawkeye.engine.graph.Shape;
import org.hawkeye.engine.graph.Value;
import org.hawkeye.engine.graph.ValueKind;
import org.hawkeye.engine.onnx.OnnxImporter;

/**
 * Computes every value's element type and static shape from the data inputs' shapes and the initializers' dims,
 * folding small known values (shape arithmetic) on the way so that Reshape targets computed in the graph resolve.
 * The file's declared value_info is ignored except for ops hawkeye has no rule for, so a different input shape
 * (--batch) yields consistent shapes everywhere.
 */
public final class ShapeInference {

    /** The opset assumed when a file imports none for the default domain (invalid ONNX, but seen in hand-made files). */
    static final int DEFAULT_OPSET = 21;

    /**
     * Traced exports (TorchScript without dynamic axes) bake the example input's sizes into Constant nodes, so a
     * Reshape target keeps batch 1 whatever the input; the failure then shows far from its cause.
     */
    static final String OVERRIDE_HINT = " (with the input shapes given instead of the file's: the file may hard-code"
            + " its traced shapes, e.g. the batch size in Constant nodes; re-export with dynamic axes)";

    private ShapeInference() {
    }

    /** Infers with the input shapes the file declares. */
    public static Graph infer(Graph graph, String fileName) {
        return infer(graph, fileName, Map.of());
    }

    /**
     * Infers types and shapes in place and returns the graph.
     *
     * @param fileName    how errors name the model file
     * @param inputShapes shapes replacing the declared ones of data inputs, by name (e.g. a new batch dimension)
     * @throws ModelException naming the node, for shapes that do not fit an op or ops without a rule or declared shape
     */
    public static Graph infer(Graph graph, String fileName, Map<String, Shape> inputShapes) {
        int opset = opset(graph);
        resetValues(graph, fileName, inputShapes);
        for (Node node : graph.nodes()) {
            ShapeRule rule = OnnxImporter.isDefaultDomain(node.domain()) ? ShapeRules.get(node.opType()) : null;
            if (rule == null) {
                useDeclaredTypes(graph, fileName, node);
                continue;
            }
            try {
                rule.infer(new OpContext(graph, node, opset));
            } catch (ShapeError | ArithmeticException | IllegalArgumentException e) {
                // Shape and Tensor constructors reject negative dimensions; exact arithmetic rejects overflow.
                String reason = e instanceof ArithmeticException ? "its shape arithmetic overflows 64 bits ("
                        + e.getMessage() + "): sizes or attributes far beyond any real tensor" : e.getMessage();
                throw ModelException.atNode(fileName, node, reason + (inputShapes.isEmpty() ? ""
                        : BakedLiterals.explain(graph, node).map(why -> "; " + why).orElse(OVERRIDE_HINT)));
            }
            for (String out : node.outputs()) {
                if (!out.isEmpty() && graph.value(out).shape() == null) {
                    throw ModelException.atNode(fileName, node, "output '" + out + "' has no shape (the node has "
                            + node.outputs().size() + " outputs, more than " + node.opType() + " defines)");
                }
            }
        }
        return graph;
    }

    /**
     * Infers the outputs of one node that a what-if rewrite created. {@code graph} needs to hold only the node's
     * input and output values (and the model's opset in its metadata); the outputs get their types and shapes.
     *
     * @throws ModelException naming the node, when the node does not fit its inputs or has no shape rule
     */
    public static void inferNode(Graph graph, Node node, String fileName) {
        ShapeRule rule = ShapeRules.get(node.opType());
        if (rule == null) {
            throw ModelException.atNode(fileName, node, "no shape inference for op type '" + node.opType() + "'");
        }
        try {
            rule.infer(new OpContext(graph, node, opset(graph)));
        } catch (ShapeError | ArithmeticException | IllegalArgumentException e) {
            throw ModelException.atNode(fileName, node, e.getMessage());
        }
    }

    /** The op types with a shape rule (default domain). */
    public static Set<String> supportedOpTypes() {
        return ShapeRules.all().keySet();
    }

    private static int opset(Graph graph) {
        String v = graph.metadata().get(OnnxImporter.META_OPSET);
        // the importer rejects opsets it does not know; a graph built otherwise is read as the newest opset
        return v == null ? DEFAULT_OPSET : (int) Math.min(Integer.MAX_VALUE, Math.max(1, Long.parseLong(v)));
    }

    /** Starts from the inputs and the initializers; everything computed is forgotten, so inference can rerun. */
    private static void resetValues(Graph graph, String fileName, Map<String, Shape> inputShapes) {
        for (String name : inputShapes.keySet()) {
            if (!graph.inputs().contains(name)) {
                throw new ModelException(fileName, "no data input named '" + name + "' (the model's inputs: "
                        + String.join(", ", graph.inputs()) + ")");
            }
        }
        for (Value v : graph.values().values()) {
            if (v.kind() == ValueKind.INPUT) {
                Shape shape = inputShapes.getOrDefault(v.name(), v.declaredShape());
                if (shape == null) {
                    throw new ModelException(fileName, "input '" + v.name() + "' has no static shape (the file "
                            + "declares none, or a symbolic dimension other than the leading batch one)");
                }
                DataType type = v.declaredDataType();
                if (type == null || type == DataType.UNDEFINED) {
                    throw new ModelException(fileName, "input '" + v.name() + "' declares no element type");
                }
                v.setType(type, shape);
                v.setData(null);
            } else if (v.kind() == ValueKind.ACTIVATION) {
                v.setType(null, null);
                v.setData(null);
            }
            // Weights keep their initializer header; Constant outputs are re-derived by the Constant rule.
        }
    }

    /** For an op without a rule: the file's declared types, or an error if it declares none. */
    private static void useDeclaredTypes(Graph graph, String fileName, Node node) {
        for (String out : node.outputs()) {
            if (out.isEmpty()) {
                continue;
            }
            Value v = graph.value(out);
            if (v.declaredShape() == null || v.declaredDataType() == null) {
                String op = OnnxImporter.isDefaultDomain(node.domain()) ? node.opType()
                        : node.domain() + "." + node.opType();
                throw ModelException.atNode(fileName, node, "no shape inference for op type '" + op
                        + "' and no declared shape");
            }
            v.setType(v.declaredDataType(), v.declaredShape());
            v.setData(null);
        }
    }
}
