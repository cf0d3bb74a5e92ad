package org.hawkeye.specs;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.math.BigDecimal;
import java.util.List;

/** A named framework parameter (bit width, iteration count, ...) with its default, range and one-line doc. */
public record ParameterSpec(
        @JsonProperty(value = "default", required = true) BigDecimal defaultValue,
        @JsonProperty(required = true) String doc,
        List<BigDecimal> allowed,
        BigDecimal min,
        BigDecimal max) {

    public ParameterSpec {
        allowed = allowed == null ? List.of() : List.copyOf(allowed);
    }

    /** Why {@code value} is not allowed, or null when it is. */
    public String rejection(BigDecimal value) {
        if (!allowed.isEmpty() && allowed.stream().noneMatch(a -> a.compareTo(value) == 0)) {
            return "allowed values: " + String.join(", ", allowed.stream().map(BigDecimal::toPlainString).toList());
        }
        if (min != null && value.compareTo(min) < 0 || max != null && value.compareTo(max) > 0) {
            return "allowed range: " + (min == null ? "-inf" : min.toPlainString()) + " .. "
                    + (max == null ? "inf" : max.toPlainString());
        }
        return null;
    }
}
