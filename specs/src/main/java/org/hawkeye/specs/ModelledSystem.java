package org.hawkeye.specs;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * What a framework spec models: which project, at which version or commit, with how many parties, and, for a
 * framework whose code only runs inference, why it cannot profile a training step ({@code inference_only}), and
 * who sends the bits ({@code traffic}: absent when the spec only knows totals).
 */
public record ModelledSystem(
        @JsonProperty(required = true) String project,
        @JsonProperty(required = true) String version,
        String commit,
        @JsonProperty(required = true) int parties,
        @JsonProperty(required = true) String security,
        @JsonProperty("inference_only") String inferenceOnly,
        TrafficSpec traffic) {

    /** The names of the sending parties when the protocols give bits per party, else empty. */
    public java.util.List<String> partyNames() {
        return traffic != null && traffic.perParty() ? traffic.parties() : java.util.List.of();
    }
}
