package org.hawkeye.specs;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One {@code framework.yaml} or {@code base.yaml} exactly as written. A file that {@code extends} another framework
 * or base gives only what differs: the keys it omits are inherited, its parameters, protocols and pools are merged
 * with the base's by name (as are its {@code embeddings}), and {@code remove_rules} drops rule files of the base
 * ({@link Inheritance}).
 */
public record FrameworkFile(
        @JsonProperty(required = true) String name,
        @JsonProperty("extends") LocatedName base,
        String title,
        String description,
        ModelledSystem models,
        FrameworkDefaults defaults,
        Map<String, ParameterSpec> parameters,
        Map<String, ProtocolSpec> protocols,
        String setup,
        Map<String, PoolSpec> pools,
        @JsonProperty("remove_rules") List<LocatedName> removeRules,
        Map<String, EmbeddingPolicy> embeddings) {

    public FrameworkFile {
        embeddings = embeddings == null ? Map.of() : new LinkedHashMap<>(embeddings);
        parameters = parameters == null ? Map.of() : new LinkedHashMap<>(parameters);
        protocols = protocols == null ? Map.of() : new LinkedHashMap<>(protocols);
        pools = pools == null ? Map.of() : new LinkedHashMap<>(pools);
        removeRules = removeRules == null ? List.of() : List.copyOf(removeRules);
    }
}
