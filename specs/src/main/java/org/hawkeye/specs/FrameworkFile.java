package org.hawkeye.specs;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One {@code framework.yaml} or {@code base.yaml} exactly as written. A file that {@code extends} another framework
 * or base gives only what differs: the keys it omits are inherited, its parameters and protocols are merged with
 * the base's by name, and {@code remove_rules} drops rule files of the base ({@link Inheritance}).
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
        @JsonProperty("remove_rules") List<LocatedName> removeRules) {

    public FrameworkFile {
        parameters = parameters == null ? Map.of() : new LinkedHashMap<>(parameters);
        protocols = protocols == null ? Map.of() : new LinkedHashMap<>(protocols);
        removeRules = removeRules == null ? List.of() : List.copyOf(removeRules);
    }
}
