package org.hawkeye.engine.lowering;

import java.math.BigInteger;
import java.util.Map;

/** A protocol call a rule emitted for an op, with its numeric arguments and the rule that emitted it. */
public record ProtocolCall(String protocol, Map<String, BigInteger> args, String rule) {
    public ProtocolCall {
        args = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(args));
    }
}
