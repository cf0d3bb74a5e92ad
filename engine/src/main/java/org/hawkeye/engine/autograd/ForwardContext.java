package org.hawkeye.engine.autograd;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hawkeye.engine.graph.Attributes;
import org.hawkeye.engine.graph.Node;
import org.hawkeye.engine.graph.Shape;

/** What an {@link OpGradient} sees of a forward node when it emits the node's forward pass. */
final class ForwardContext {
    private final Node node;
    private final Emitter emitter;
    private final boolean outputNeedsGrad;
    private final Map<String, String> saved;

    ForwardContext(Node node, Emitter emitter, boolean outputNeedsGrad, Map<String, String> saved) {
        this.node = node;
        this.emitter = emitter;
        this.outputNeedsGrad = outputNeedsGrad;
        this.saved = saved;
    }

    Node node() {
        return node;
    }

    /** Adds nodes under the forward node's module, in the forward phase. */
    Emitter emit() {
        return emitter;
    }

    /** True when a backward pass will run through this node (some trainable weight comes before it). */
    boolean outputNeedsGrad() {
        return outputNeedsGrad;
    }

    Shape shape(String value) {
        return emitter.graph().shape(value);
    }

    /** Emits the node unchanged, named {@code <module>/forward/<op>}. */
    void copy() {
        copy(node.outputs());
    }

    /** Emits the node with other outputs (e.g. an optional output the backward pass needs). */
    void copy(List<String> outputs) {
        String name = emitter.graph().uniqueNodeName(emitter.scope() + "/" + TrainingGraph.leafOf(node));
        Map<String, Object> attrs = new LinkedHashMap<>(node.attributes().asMap());
        attrs.putAll(emitter.attributes(TrainingGraph.leafOf(node)).asMap());
        emitter.graph().addNode(new Node(name, node.opType(), node.domain(), node.inputs(), outputs,
                new Attributes(attrs)));
    }

    /** Keeps a value for this node's backward pass under a key. */
    void save(String key, String value) {
        saved.put(node.name() + "\u0000" + key, value);
    }
}
