package org.hawkeye.specs;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A stock of precomputed correlations the protocols draw from, refilled by a protocol when a draw finds it short
 * (e.g. a Ferret silent-OT buffer: one LPN extension makes {@code capacity} random COTs). {@code start} is how many
 * are available when the measured window opens (after the one-time setup), {@code capacity} how many one refill
 * adds, {@code refill} the argument-less protocol a refill costs, written with the pool's owner as the first party.
 * Formulas are over the parameters.
 */
public record PoolSpec(
        @JsonProperty(required = true) String doc,
        @JsonProperty(required = true) String source,
        @JsonProperty(required = true) LocatedFormula capacity,
        @JsonProperty(required = true) LocatedFormula start,
        @JsonProperty(required = true) String refill) {
}
