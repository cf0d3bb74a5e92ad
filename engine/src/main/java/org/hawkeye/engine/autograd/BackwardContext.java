package org.hawkeye.engine.autograd;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.hawkeye.engine.graph.Attributes;
import org.hawkeye.engine.graph.DataType;
import org.hawkeye.engine.graph.Node;
import org.hawkeye.engine.graph.Shape;
import org.hawkeye.engine.graph.Value;

/**
 * What an {@link OpGradient} sees of a forward node in the backward pass: the node, the shapes of its operands,
 * the gradients of its outputs, which inputs need a gradient, and where to emit the gradient ops.
 */
final class BackwardContext {
    private final Node node;
    private final Emitter emitter;
    private final List<String> outputGrads;
    private final Set<String> requiresGrad;
    private final Map<String, String> saved;
    private final GradientSink sink;

    /** Receives the gradient contributions of the node's inputs. */
    interface GradientSink {
        void add(String value, String gradient);
    }

    BackwardContext(Node node, Emitter emitter, List<String> outputGrads, Set<String> requiresGrad,
                    Map<String, String> saved, GradientSink sink) {
        this.node = node;
        this.emitter = emitter;
        this.outputGrads = outputGrads;
        this.requiresGrad = requiresGrad;
        this.saved = saved;
        this.sink = sink;
    }

    Node node() {
        return node;
    }

    Attributes attrs() {
        return node.attributes();
    }

    /** The name of input i (empty when the optional input is omitted). */
    String input(int i) {
        return node.input(i);
    }

    Shape inShape(int i) {
        return emitter.graph().shape(node.input(i));
    }

    Shape outShape(int i) {
        return emitter.graph().shape(node.output(i));
    }

    Shape shape(String value) {
        return emitter.graph().shape(value);
    }

    /** The gradient of output i (the sum of what its consumers sent back), or null when none reached it. */
    String outGrad(int i) {
        return i < outputGrads.size() ? outputGrads.get(i) : null;
    }

    /** True when input i leads back to a trainable weight, so its gradient is propagated. */
    boolean needs(int i) {
        return node.hasInput(i) && requiresGrad.contains(node.input(i));
    }

    /**
     * Where to emit the gradient of input i, when the op's backward computes one: an emitter whose nodes are
     * marked as needed when input i leads to a trainable weight, and as not needed (computed only by frameworks
     * whose backward returns every input's gradient) when it is the data input or a constant. Empty for an
     * omitted input or one that is not a floating-point tensor (indices, shapes).
     */
    Optional<Emitter> gradient(int i) {
        if (!node.hasInput(i)) {
            return Optional.empty();
        }
        if (needs(i)) {
            return Optional.of(emitter);
        }
        Value v = emitter.graph().forward().values().get(node.input(i));
        DataType t = v == null ? null : v.dataType();
        return t != null && t.isFloatingPoint() ? Optional.of(emitter.unneeded()) : Optional.empty();
    }

    /** Sends the gradient of input i back; ignored unless the input needs it. */
    void give(int i, String gradient) {
        if (needs(i)) {
            sink.add(node.input(i), gradient);
        }
    }

    /** An emitter for ops every needed gradient of this node shares. */
    Emitter emit() {
        return emitter;
    }

    /** True when the node's forward pass kept a value under this key. */
    boolean hasSaved(String key) {
        return saved.containsKey(node.name() + "\u0000" + key);
    }

    /** A value the node's forward pass kept for the backward pass. */
    String saved(String key) {
        String v = saved.get(node.name() + "\u0000" + key);
        if (v == null) {
            throw new IllegalStateException("forward of " + node.name() + " saved no '" + key + "'");
        }
        return v;
    }

    GraphEditor graph() {
        return emitter.graph();
    }
}
