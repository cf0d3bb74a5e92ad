package org.hawkeye.specs;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One framework as data: what it models, its parameters and protocols, and optionally the argument-less protocol
 * whose cost is the one-time session setup ({@code setup}: key exchange, base OTs), which runs before the measured
 * window and is reported on its own line, outside the totals. Everything it inherits from the frameworks it
 * extends is merged in ({@link Inheritance}); the files as written are {@link FrameworkFile}s.
 */
public record FrameworkSpec(
        String name,
        String title,
        String description,
        ModelledSystem models,
        FrameworkDefaults defaults,
        Map<String, ParameterSpec> parameters,
        Map<String, ProtocolSpec> protocols,
        String setup) {

    public FrameworkSpec {
        parameters = parameters == null ? Map.of() : new LinkedHashMap<>(parameters);
        protocols = new LinkedHashMap<>(protocols);
    }

    public ProtocolSpec protocol(String protocolName) {
        return protocols.get(protocolName);
    }

    public List<String> protocolNames() {
        return List.copyOf(protocols.keySet());
    }
}
