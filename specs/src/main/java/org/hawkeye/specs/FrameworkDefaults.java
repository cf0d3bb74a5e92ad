package org.hawkeye.specs;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Defaults that depend on the framework: whether the model is secret-shared (the command line may override it),
 * whether a value a forward op keeps for the backward pass costs nothing of its own ({@code saved_values}: absent or
 * {@code free}, the common rule's default, or {@code costed} for a framework that must recompute or re-share it),
 * and how an embedding table is looked up by the data holder's token ids ({@code embedding}, {@code onehot} when
 * not given; {@code --embedding} overrides it).
 */
public record FrameworkDefaults(@JsonProperty(required = true) WeightsMode weights,
                                @JsonProperty("saved_values") SavedValues savedValues,
                                String embedding) {

    public FrameworkDefaults {
        embedding = embedding == null ? EmbeddingPolicy.ONEHOT : embedding;
    }

    /** Whether saved values are free; the rule base sees it as the setting {@code saved_values}. */
    public enum SavedValues {
        @JsonProperty("free") FREE,
        @JsonProperty("costed") COSTED;

        public String label() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }
}
