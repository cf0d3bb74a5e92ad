package org.hawkeye.specs;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * A protocol of a framework: primitive (its own online/offline cost formulas), composed (a sequence of calls),
 * or both (own cost plus calls). {@code source} cites the code or paper it is modelled on. {@code draws} lists what
 * one run takes from the framework's pools.
 */
public record ProtocolSpec(
        @JsonProperty(required = true) String doc,
        List<String> args,
        @JsonProperty(required = true) String source,
        CostSpec online,
        CostSpec offline,
        List<CallSpec> calls,
        List<DrawSpec> draws) {

    public ProtocolSpec {
        args = args == null ? List.of() : List.copyOf(args);
        calls = calls == null ? List.of() : List.copyOf(calls);
        draws = draws == null ? List.of() : List.copyOf(draws);
    }
}
