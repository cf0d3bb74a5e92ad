package org.hawkeye.engine.lowering;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hawkeye.engine.graph.Attributes;
import org.hawkeye.engine.graph.DataType;
import org.hawkeye.engine.graph.Graph;
import org.hawkeye.engine.graph.ModelException;
import org.hawkeye.engine.graph.Node;
import org.hawkeye.engine.graph.Shape;
import org.hawkeye.engine.graph.TensorData;
import org.hawkeye.engine.graph.Value;
import org.hawkeye.engine.graph.ValueKind;
import org.hawkeye.engine.shapes.ShapeInference;

/**
 * The ops a what-if rule puts in place of a matched pattern, built one at a time from a DRL consequence:
 * {@code String sq = r.op("Mul", $x, $x); r.opTo($y, "Add", sq, r.constant(0.5));}. Each op's output shape is
 * inferred with hawkeye's ONNX shape rules, so a replacement that does not fit its inputs fails here, naming the
 * rule, rather than being costed with wrong sizes.
 */
public final class Replacement {
    private final GraphRewriter rewriter;
    private final Rewrite request;
    private final String base;
    private final String successor;
    private final String elementType;
    private final List<String> replacedOutputs;
    private final Map<String, Integer> used = new HashMap<>();

    Replacement(GraphRewriter rewriter, Rewrite request, String base, String successor, String elementType,
                List<String> replacedOutputs) {
        this.rewriter = rewriter;
        this.request = request;
        this.base = base;
        this.successor = successor;
        this.elementType = elementType;
        this.replacedOutputs = List.copyOf(replacedOutputs);
    }

    /** A public scalar (a polynomial coefficient) of the replaced op's element type; returns its tensor name. */
    public String constant(double value) {
        DataType type = DataType.valueOf(elementType);
        if (!type.isFloatingPoint()) {
            type = DataType.FLOAT;
        }
        return addConstant(TensorData.ofDoubles(type, Shape.SCALAR, value));
    }

    /** A public 1-D INT64 tensor (axes of a reduction); returns its tensor name. */
    public String ints(long... values) {
        return addConstant(TensorData.ofLongs(DataType.INT64, Shape.of(values.length), values));
    }

    /** An op with no attributes writing a new tensor; returns that tensor's name. */
    public String op(String type, String... inputs) {
        return create(type, Map.of(), inputs, null);
    }

    /** An op with attributes (typed as ONNX attributes are: Long, Double, String, List of Long...). */
    public String op(String type, Map<String, Object> attributes, String... inputs) {
        return create(type, attributes, inputs, null);
    }

    /** An op writing {@code output}, an output of the replaced pattern, which must keep its shape. */
    public void opTo(String output, String type, String... inputs) {
        create(type, Map.of(), inputs, output);
    }

    /** {@link #opTo(String, String, String...)} with attributes. */
    public void opTo(String output, String type, Map<String, Object> attributes, String... inputs) {
        create(type, attributes, inputs, output);
    }

    private String create(String type, Map<String, Object> attributes, String[] inputs, String output) {
        FactGraph facts = rewriter.facts();
        String id = freshName(type);
        String outName = output != null ? output : id + "_output_0";
        if (output != null && !replacedOutputs.contains(output)) {
            throw rewriter.error(request, "opTo writes '" + output + "', which is not an output of the replaced ops "
                    + replacedOutputs);
        }
        Map<String, Value> values = new LinkedHashMap<>();
        for (String in : inputs) {
            Value v = facts.value(in);
            if (v == null) {
                throw rewriter.error(request, type + " reads '" + in + "', which is no tensor of the model");
            }
            values.put(in, v);
        }
        Value out = new Value(outName, ValueKind.ACTIVATION, null, null, null);
        values.put(outName, out);
        Attributes attrs = new Attributes(attributes);
        Node node = new Node(id, type, "", List.of(inputs), List.of(outName), attrs);
        try {
            ShapeInference.inferNode(new Graph(rewriter.modelName(), List.of(node), values, List.of(), List.of(),
                    facts.graph().metadata()), node, rewriter.modelName());
        } catch (ModelException e) {
            throw rewriter.error(request, "created " + e.getMessage());
        }
        if (output == null) {
            facts.addCreatedTensor(out);
        } else {
            Tensor kept = facts.tensor(output);
            if (kept != null && !kept.shape().equals(out.shape().dims())) {
                throw rewriter.error(request, "the replacement writes '" + output + "' with shape " + out.shape()
                        + " instead of " + kept.shape());
            }
        }
        Op op = new Op(id, type, Lowering.prefixOf(id), List.of(inputs), List.of(outName), attrs, rewriter.rule());
        facts.addOpBefore(op, successor);
        rewriter.log().created(rewriter.rule(), request.label());
        return outName;
    }

    private String addConstant(TensorData data) {
        String name = freshName("Constant") + "_output_0";
        rewriter.facts().addCreatedTensor(new Value(name, ValueKind.CONSTANT, data.dataType(), data.shape(), data));
        return name;
    }

    /** Exporter-style names: the first Mul is .../Mul, the next .../Mul_1, and so on. */
    private String freshName(String stem) {
        while (true) {
            int n = used.merge(stem, 1, Integer::sum) - 1;
            String name = base + "/" + stem + (n == 0 ? "" : "_" + n);
            if (!rewriter.facts().hasName(name) && !rewriter.facts().hasName(name + "_output_0")) {
                return name;
            }
        }
    }
}
