package org.hawkeye.specs;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * What one run of a protocol takes from a pool: {@code n} items of the pool owned by {@code party} (in the
 * protocol's own roles; a call that exchanges roles moves the draw to the other party's pool), of the pool's
 * {@code instance} (e.g. the thread whose buffer it is; 0 when omitted).
 */
public record DrawSpec(
        @JsonProperty(required = true) String pool,
        String party,
        @JsonProperty(required = true) LocatedFormula n,
        LocatedFormula instance) {
}
