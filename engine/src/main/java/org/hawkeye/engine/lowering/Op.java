package org.hawkeye.engine.lowering;

import java.util.List;
import java.util.Objects;
import org.hawkeye.engine.graph.Attributes;

/**
 * Fact: one ONNX node as rules see it. Accessors exist in both record and JavaBean form because DRL constraints
 * read properties ({@code type == "Relu"}) while Java consequences call methods ({@code $op.getType()}).
 * {@code origin} is empty for a node of the model and names the rule that made it for a node a what-if rewrite
 * created (see {@link GraphRewriter}).
 *
 * <p>Once in a session, an op also answers what the session knows about it, so that a rule can test it inside
 * the op's own pattern instead of joining other facts: {@code lowered}, {@code secret.input(i)},
 * {@code inputTensor(i)}. A join with every Secret, Tensor or Lowered fact costs each rule a copy of that fact in
 * its memory; a test on the op costs nothing until the op changes, and the session tells Drools when it does
 * (property {@code lowered} when a rule decides the op, {@code secret} when one of its tensors becomes secret).
 */
public final class Op {
    private final String id;
    private final String type;
    private final String prefix;
    private final List<String> inputs;
    private final List<String> outputs;
    private final Attributes attributes;
    private final String origin;
    private OpFacts facts;
    // the property views rules read on every evaluation, made once per session rather than per read
    private Marks secret;
    private Marks gradient;
    private Marks detached;
    private Readers readers;

    public Op(String id, String type, String prefix, List<String> inputs, List<String> outputs,
              Attributes attributes, String origin) {
        this.id = id;
        this.type = type;
        this.prefix = prefix;
        this.inputs = List.copyOf(inputs);
        this.outputs = List.copyOf(outputs);
        this.attributes = attributes;
        this.origin = origin;
        attach(OpFacts.NONE);
    }

    /** A node of the model as exported. */
    public Op(String id, String type, String prefix, List<String> inputs, List<String> outputs,
              Attributes attributes) {
        this(id, type, prefix, inputs, outputs, attributes, "");
    }

    /** Ties the op to the session's facts; done once, when the op is inserted. */
    void attach(OpFacts sessionFacts) {
        this.facts = sessionFacts;
        this.secret = new Marks(this, sessionFacts, TensorMark.SECRET);
        this.gradient = new Marks(this, sessionFacts, TensorMark.GRADIENT);
        this.detached = new Marks(this, sessionFacts, TensorMark.DETACHED);
        this.readers = new Readers(this, sessionFacts);
    }

    public String id() {
        return id;
    }

    public String type() {
        return type;
    }

    public String prefix() {
        return prefix;
    }

    public List<String> inputs() {
        return inputs;
    }

    public List<String> outputs() {
        return outputs;
    }

    public Attributes attributes() {
        return attributes;
    }

    public String origin() {
        return origin;
    }

    /** True once a rule has decided the op (called, freed or declared it unsupported). */
    public boolean isLowered() {
        return facts.isLowered(id);
    }

    /** Which of the op's tensors are secret-shared: {@code secret.input(0)}, {@code secret.anyInput()}. */
    public Marks getSecret() {
        return secret;
    }

    /** In a training step, which of the op's tensors are computed from the loss's gradient (GradientValue). */
    public Marks getGradient() {
        return gradient;
    }

    /** In a training step, which of the op's tensors are gradients the framework never computes (Detached). */
    public Marks getDetached() {
        return detached;
    }

    /** True when every input that carries a gradient is detached (also when none carries one). */
    public boolean gradientInputsAllDetached() {
        for (String in : inputs) {
            if (!in.isEmpty() && facts.isMarked(TensorMark.GRADIENT, in)
                    && !facts.isMarked(TensorMark.DETACHED, in)) {
                return false;
            }
        }
        return true;
    }

    /** How many ops read each output: {@code readers.output(0) == 1} (the only reader is the next op). */
    public Readers getReaders() {
        return readers;
    }

    /** The tensor fact of input {@code i} (shape, kind, scalar value), or null when the input is omitted. */
    public Tensor inputTensor(int i) {
        String name = input(i);
        return name.isEmpty() ? null : facts.tensor(name);
    }

    /** The tensor fact of the other input of a two-input op that reads {@code tensor}, or null. */
    public Tensor otherInputTensor(String tensor) {
        String other = otherInput(tensor);
        return other.isEmpty() ? null : facts.tensor(other);
    }

    /** The tensor fact of output {@code i}, or null when there is no such output. */
    public Tensor outputTensor(int i) {
        String name = output(i);
        return name.isEmpty() ? null : facts.tensor(name);
    }

    /** True when the op has outputs and every one has no elements (a zero dimension): there is nothing to compute. */
    public boolean allOutputsEmpty() {
        boolean any = false;
        for (String out : outputs) {
            Tensor t = out.isEmpty() ? null : facts.tensor(out);
            if (t != null && t.numel() != 0) {
                return false;
            }
            any |= t != null;
        }
        return any;
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

    @Override
    public boolean equals(Object o) {
        return o instanceof Op other && id.equals(other.id) && type.equals(other.type)
                && prefix.equals(other.prefix) && inputs.equals(other.inputs) && outputs.equals(other.outputs)
                && attributes.equals(other.attributes) && origin.equals(other.origin);
    }

    /** The id alone: ids are unique in a graph, and hashing the attributes showed up in profiles. */
    @Override
    public int hashCode() {
        return id.hashCode();
    }

    @Override
    public String toString() {
        return "Op[id=" + id + ", type=" + type + ", prefix=" + prefix + ", inputs=" + inputs + ", outputs="
                + outputs + ", attributes=" + attributes + ", origin=" + origin + "]";
    }
}
