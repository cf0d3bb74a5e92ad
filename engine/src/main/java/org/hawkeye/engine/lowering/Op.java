package org.hawkeye.engine.lowering;

import java.util.List;
import org.hawkeye.engine.graph.Attributes;

/**
 * Fact: one ONNX node as rules see it. Accessors exist in both record and JavaBean form because DRL constraints
 * read properties ({@code type == "Relu"}) while Java consequences call methods ({@code $op.getType()}).
 */
public record Op(String id, String type, String prefix, List<String> inputs, List<String> outputs,
                 Attributes attributes) {

    public Op {
        inputs = List.copyOf(inputs);
        outputs = List.copyOf(outputs);
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
