package org.hawkeye.specs;

import java.util.List;
import java.util.Map;

/**
 * Where each part of a framework comes from when it extends others: {@code lineage} is the framework, then its base,
 * then the base's base; {@code protocols} names the framework or base whose file defines each protocol in effect;
 * {@code parameters} the one that declares each parameter, {@code defaults} the one whose file sets its default.
 */
public record Provenance(List<String> lineage, Map<String, String> protocols, Map<String, String> parameters,
                         Map<String, String> defaults) {

    public Provenance {
        lineage = List.copyOf(lineage);
        protocols = Map.copyOf(protocols);
        parameters = Map.copyOf(parameters);
        defaults = Map.copyOf(defaults);
    }

    /** The framework or base this one extends directly, or null. */
    public String base() {
        return lineage.size() > 1 ? lineage.get(1) : null;
    }
}
