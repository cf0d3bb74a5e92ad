package org.hawkeye.specs;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One framework as data: what it models, its parameters and protocols, and optionally the argument-less protocol
 * whose cost is the one-time session setup ({@code setup}: key exchange, base OTs), which runs before the measured
 * window and is reported on its own line, outside the totals, and the pools protocols draw from ({@code pools}).
 * Rules and source locations are attached by the
 * loader ({@link FrameworkFolder}); this record is exactly the YAML file's shape.
 */
public record FrameworkSpec(
        @JsonProperty(required = true) String name,
        @JsonProperty(required = true) String title,
        @JsonProperty(required = true) String description,
        @JsonProperty(required = true) ModelledSystem models,
        @JsonProperty(required = true) FrameworkDefaults defaults,
        Map<String, ParameterSpec> parameters,
        @JsonProperty(required = true) Map<String, ProtocolSpec> protocols,
        String setup,
        Map<String, PoolSpec> pools) {

    public FrameworkSpec {
        parameters = parameters == null ? Map.of() : new LinkedHashMap<>(parameters);
        protocols = new LinkedHashMap<>(protocols);
        pools = pools == null ? Map.of() : new LinkedHashMap<>(pools);
    }

    public ProtocolSpec protocol(String protocolName) {
        return protocols.get(protocolName);
    }

    public List<String> protocolNames() {
        return List.copyOf(protocols.keySet());
    }
}
