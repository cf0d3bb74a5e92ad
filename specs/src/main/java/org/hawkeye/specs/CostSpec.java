package org.hawkeye.specs;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One phase of a primitive protocol: sequential rounds, and its bits either as one total ({@code bits}) or as the
 * bits each party sends ({@code sent}, party name to formula; a party not listed sends nothing), in a framework
 * whose {@code models.traffic} is {@code per_party}. Exactly one of the two is given.
 */
public record CostSpec(
        LocatedFormula bits,
        Map<String, LocatedFormula> sent,
        @JsonProperty(required = true) LocatedFormula rounds) {

    public CostSpec {
        sent = sent == null ? Map.of() : new LinkedHashMap<>(sent);
    }

    /** True when the phase gives bits per sending party. */
    public boolean split() {
        return !sent.isEmpty();
    }
}
