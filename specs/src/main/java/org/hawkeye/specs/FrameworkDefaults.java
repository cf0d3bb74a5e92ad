package org.hawkeye.specs;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Defaults of the command line that depend on the framework: whether the model is secret-shared, and how an
 * embedding table is looked up by the data holder's token ids ({@code onehot} when not given).
 */
public record FrameworkDefaults(@JsonProperty(required = true) WeightsMode weights, String embedding) {

    public FrameworkDefaults {
        embedding = embedding == null ? EmbeddingPolicy.ONEHOT : embedding;
    }
}
