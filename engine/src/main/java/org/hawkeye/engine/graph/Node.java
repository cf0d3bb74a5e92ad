package org.hawkeye.engine.graph;

import java.util.List;

/**
 * One operator application. {@code name} is unique in its graph (the importer synthesises one for unnamed
 * nodes); exporters encode the PyTorch module path in it ({@code /layer1/layer1.0/conv1/Conv}), which is where
 * the prefix tree comes from. An omitted optional input is the empty string, as in ONNX.
 */
public record Node(String name, String opType, String domain, List<String> inputs, List<String> outputs,
                   Attributes attributes) {

    public Node {
        inputs = List.copyOf(inputs);
        outputs = List.copyOf(outputs);
    }

    public String input(int i) {
        return i < inputs.size() ? inputs.get(i) : "";
    }

    public String output(int i) {
        return outputs.get(i);
    }

    /** True when the optional input at {@code i} is given. */
    public boolean hasInput(int i) {
        return i < inputs.size() && !inputs.get(i).isEmpty();
    }
}
