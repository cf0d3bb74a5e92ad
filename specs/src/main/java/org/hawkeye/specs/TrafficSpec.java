package org.hawkeye.specs;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * Who sends the bits of a framework. {@code per_party}: its protocols give the bits each named party sends
 * ({@code sent:}), so reports carry them and the network estimate takes the larger direction. {@code symmetric}:
 * every party sends the same share of every message, so each sends the total over the number of parties
 * ({@code models.parties}, or the parameter {@code party_count} names when the count is a parameter).
 * {@code why} says what in the framework's code makes it so.
 */
public record TrafficSpec(
        @JsonProperty(required = true) String split,
        List<String> parties,
        @JsonProperty("party_count") String partyCount,
        @JsonProperty(required = true) String why) {

    public static final String PER_PARTY = "per_party";
    public static final String SYMMETRIC = "symmetric";

    public TrafficSpec {
        parties = parties == null ? List.of() : List.copyOf(parties);
    }

    public boolean perParty() {
        return PER_PARTY.equals(split);
    }

    public boolean symmetric() {
        return SYMMETRIC.equals(split);
    }
}
