package org.hawkeye.specs;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One framework as data: what it models, its parameters and protocols, and optionally the argument-less protocol
 * whose cost is the one-time session setup ({@code setup}: key exchange, base OTs), which runs before the measured
 * window and is reported on its own line, outside the totals, the pools protocols draw from ({@code pools}), and the
 * embedding lookups it knows beyond onehot and clear (documented: what its code or papers do). Everything it
 * inherits from the frameworks it extends is merged in ({@link Inheritance}); the files as written are
 * {@link FrameworkFile}s.
 */
public record FrameworkSpec(
        String name,
        String title,
        String description,
        ModelledSystem models,
        FrameworkDefaults defaults,
        Map<String, ParameterSpec> parameters,
        Map<String, ProtocolSpec> protocols,
        String setup,
        Map<String, PoolSpec> pools,
        Map<String, EmbeddingPolicy> embeddings) {

    public FrameworkSpec {
        parameters = parameters == null ? Map.of() : new LinkedHashMap<>(parameters);
        protocols = new LinkedHashMap<>(protocols);
        pools = pools == null ? Map.of() : new LinkedHashMap<>(pools);
        embeddings = embeddings == null ? Map.of() : new LinkedHashMap<>(embeddings);
    }

    /** The embedding policies this framework can run: onehot and clear, and those its own rules carry out. */
    public java.util.Set<String> embeddingPolicies() {
        java.util.Set<String> out = new java.util.LinkedHashSet<>(List.of(EmbeddingPolicy.ONEHOT,
                EmbeddingPolicy.CLEAR));
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
