package org.hawkeye.specs;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Bits (all parties together) and sequential rounds of one phase of a primitive protocol. */
public record CostSpec(
        @JsonProperty(required = true) LocatedFormula bits,
        @JsonProperty(required = true) LocatedFormula rounds) {
}
