package org.hawkeye.engine.lowering;

import java.util.List;
import org.hawkeye.engine.graph.Attributes;

/**
 * Fact: one ONNX node as rules see it. Accessors exist in both record and JavaBean form because DRL constraints
 * read properties ({@code type == "Relu"}) while Java consequences call methods ({@code $op.getType()}).
 * {@code origin} is empty for a node of the model and names the rule that made it for a node a what-if rewrite
 * created (see {@link GraphRewriter}).
 */
public record Op(String id, String type, String prefix, List<String> inputs, List<String> outputs,
                 Attributes attributes, String origin) {

    public Op {
        inputs = List.copyOf(inputs);
        outputs = List.copyOf(outputs);
    }

    /** A node of the model as exported. */
    public Op(String id, String type, String prefix, List<String> inputs, List<String> outputs,
              Attributes attributes) {
        this(id, type, prefix, inputs, outputs, attributes, "");
    }

    public String getId() {
        return id;
    }

    public String getType() {
        return type;
    }

    public String getPrefix() {
        return prefix;
    }

    public String getOrigin() {
        return origin;
    }

    public List<String> getInputs() {
        return inputs;
    }

    public List<String> getOutputs() {
        return outputs;
    }

    /** The input tensor's name, or "" when the optional input is omitted or beyond the list. */
    public String input(int i) {
        return i < inputs.size() ? inputs.get(i) : "";
    }

    public String output(int i) {
        return i < outputs.size() ? outputs.get(i) : "";
    }

    /** True when the op reads {@code tensor} (as any input). */
    public boolean reads(String tensor) {
        return inputs.contains(tensor);
    }

    /**
     * The other input of a two-input op that reads {@code tensor} ({@code Add(x, c)}: {@code otherInput(x) == c}),
     * so that patterns of commutative ops need not be written twice; "" when the op does not read it.
     */
    public String otherInput(String tensor) {
        if (inputs.size() != 2 || !inputs.contains(tensor)) {
            return "";
        }
        return inputs.get(0).equals(tensor) ? inputs.get(1) : inputs.get(0);
    }

    /** The attributes without the named ones, for a replacement op that takes the rest (MaxPool to AveragePool). */
    public java.util.Map<String, Object> attributesWithout(String... names) {
        java.util.Map<String, Object> out = new java.util.LinkedHashMap<>(attributes.asMap());
        for (String n : names) {
            out.remove(n);
        }
        return out;
    }

    public int inputCount() {
        return inputs.size();
    }

    public long attrInt(String name, long dflt) {
        return attributes.getInt(name, dflt);
    }

    public List<Long> attrInts(String name) {
        return attributes.getInts(name).orElse(List.of());
    }

    public double attrFloat(String name, double dflt) {
        return attributes.getFloat(name, dflt);
    }

    public String attrString(String name, String dflt) {
        return attributes.getString(name, dflt);
    }

    /** Product of an INTS attribute (e.g. a pooling window's size), 1 when absent. */
    public long attrProduct(String name) {
        long p = 1;
        for (long v : attrInts(name)) {
            p = Math.multiplyExact(p, v);
        }
        return p;
    }
}
