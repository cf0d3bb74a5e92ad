package org.hawkeye.engine.graph;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A model graph: nodes in topological order and every named value. Inputs lists only data inputs (graph inputs
 * that are not initializers), as weights are a different party's property.
 */
public final class Graph {
    private final String name;
    private final List<Node> nodes;
    private final Map<String, Value> values;
    private final List<String> inputs;
    private final List<String> outputs;
    private final Map<String, String> metadata;

    public Graph(String name, List<Node> nodes, Map<String, Value> values, List<String> inputs,
                 List<String> outputs, Map<String, String> metadata) {
        this.name = name;
        this.nodes = List.copyOf(nodes);
        this.values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
        this.inputs = List.copyOf(inputs);
        this.outputs = List.copyOf(outputs);
        this.metadata = Map.copyOf(metadata);
    }

    public String name() {
        return name;
    }

    /** Nodes in a topological order (producers before consumers). */
    public List<Node> nodes() {
        return nodes;
    }

    public Map<String, Value> values() {
        return values;
    }

    public Value value(String name) {
        Value v = values.get(name);
        if (v == null) {
            throw new IllegalArgumentException("no value named '" + name + "'");
        }
        return v;
    }

    public List<String> inputs() {
        return inputs;
    }

    public List<String> outputs() {
        return outputs;
    }

    public Map<String, String> metadata() {
        return metadata;
    }
}
