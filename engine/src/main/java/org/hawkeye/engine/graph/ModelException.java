package org.hawkeye.engine.graph;

import org.hawkeye.specs.ProfilerException;

/** A problem with the model the user gave: unreadable file, dangling input, cycle, shape mismatch. */
public class ModelException extends ProfilerException {

    public ModelException(String location, String reason) {
        super(location, reason);
    }

    public ModelException(String location, String reason, Throwable cause) {
        super(location, reason, cause);
    }

    /** An error at a node, named the way users see it: {@code model.onnx: node '/fc/MatMul' (MatMul)}. */
    public static ModelException atNode(String file, Node node, String reason) {
        return new ModelException(file + ": node '" + node.name() + "' (" + node.opType() + ")", reason);
    }
}
