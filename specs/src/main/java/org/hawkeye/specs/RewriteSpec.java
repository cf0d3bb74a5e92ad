package org.hawkeye.specs;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * One what-if rewrite of {@code specs/common/rewrites.yaml}: requested as {@code target=replacement} (plus
 * {@code :N} when it takes an integer {@code argument}, e.g. {@code relu=poly:3}), carried out by {@code rules}.
 */
public record RewriteSpec(@JsonProperty(required = true) String target,
                          @JsonProperty(required = true) String replacement,
                          String argument,
                          Integer min,
                          Integer max,
                          @JsonProperty(required = true) List<String> rules,
                          @JsonProperty(required = true) String doc,
                          @JsonProperty(required = true) String source) {

    public RewriteSpec {
        rules = List.copyOf(rules);
    }

    /** How a user writes it: {@code relu=quad}, {@code relu=poly:DEGREE}. */
    public String usage() {
        return target + "=" + replacement + (argument == null ? "" : ":" + argument.toUpperCase(java.util.Locale.ROOT));
    }
}
