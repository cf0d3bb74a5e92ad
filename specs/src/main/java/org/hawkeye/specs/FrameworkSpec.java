package org.hawkeye.specs;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One framework as data: what it models, its parameters and protocols, and the embedding lookups it knows
 * beyond onehot and clear (documented: what its code or papers do). Rules and source locations are
 * attached by the loader ({@link FrameworkFolder}); this record is exactly the YAML file's shape.
 */
public record FrameworkSpec(
        @JsonProperty(required = true) String name,
        @JsonProperty(required = true) String title,
        @JsonProperty(required = true) String description,
        @JsonProperty(required = true) ModelledSystem models,
        @JsonProperty(required = true) FrameworkDefaults defaults,
        Map<String, ParameterSpec> parameters,
        @JsonProperty(required = true) Map<String, ProtocolSpec> protocols,
        Map<String, EmbeddingPolicy> embeddings) {

    public FrameworkSpec {
        parameters = parameters == null ? Map.of() : new LinkedHashMap<>(parameters);
        protocols = new LinkedHashMap<>(protocols);
        embeddings = embeddings == null ? Map.of() : new LinkedHashMap<>(embeddings);
    }

    /** The embedding policies this framework can run: onehot and clear, and those its own rules carry out. */
    public java.util.Set<String> embeddingPolicies() {
        java.util.Set<String> out = new java.util.LinkedHashSet<>(List.of(EmbeddingPolicy.ONEHOT, EmbeddingPolicy.CLEAR));
        out.addAll(embeddings.keySet());
        return out;
    }

    public ProtocolSpec protocol(String protocolName) {
        return protocols.get(protocolName);
    }

    public List<String> protocolNames() {
        return List.copyOf(protocols.keySet());
    }
}
