package org.hawkeye.specs;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One framework as data: what it models, its parameters and protocols, with everything it inherits from the
 * frameworks it extends merged in ({@link Inheritance}); the files as written are {@link FrameworkFile}s.
 */
public record FrameworkSpec(
        String name,
        String title,
        String description,
        ModelledSystem models,
        FrameworkDefaults defaults,
        Map<String, ParameterSpec> parameters,
        Map<String, ProtocolSpec> protocols) {

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
