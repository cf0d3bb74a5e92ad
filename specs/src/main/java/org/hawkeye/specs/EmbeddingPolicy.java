package org.hawkeye.specs;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A way to look up an embedding table by the data holder's token ids, as a framework's {@code embeddings:} section
 * documents it. {@code onehot} and {@code clear} are carried out by hawkeye for every framework; any other policy
 * a framework names is carried out by its own rules, which match the Gather the policy leaves
 * ({@code hawkeye.embedding == <policy>}).
 */
public record EmbeddingPolicy(@JsonProperty(required = true) String doc, @JsonProperty(required = true) String source) {
    /** The data holder one-hot encodes its ids; the lookup is a product of the secret one-hot and the table. */
    public static final String ONEHOT = "onehot";
    /** The data holder embeds its tokens itself before sharing: the computation starts at the embedded sequence. */
    public static final String CLEAR = "clear";
}
