package org.hawkeye.specs;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Whether the model's weights are secret-shared or known in the clear to the party computing with them. */
public enum WeightsMode {
    @JsonProperty("secret") SECRET,
    @JsonProperty("public") PUBLIC;

    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    public static WeightsMode parse(String text) {
        for (WeightsMode m : values()) {
            if (m.label().equals(text)) {
                return m;
            }
        }
        throw new ProfilerException("", "--weights must be 'secret' or 'public', not '" + text + "'");
    }
}
