package org.hawkeye.specs;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.math.BigDecimal;
import java.util.List;

/**
 * A named framework parameter (bit width, iteration count, ...) with its default, range and one-line doc. In a file
 * that extends another, a parameter of the base may be given with only the fields that change (e.g. its default);
 * a base may leave the default to the frameworks extending it. {@link Inheritance} checks what must be given.
 */
public record ParameterSpec(
        @JsonProperty("default") BigDecimal defaultValue,
        String doc,
        List<BigDecimal> allowed,
        BigDecimal min,
        BigDecimal max) {

    public ParameterSpec {
        allowed = allowed == null ? List.of() : List.copyOf(allowed);
    }

    /** This parameter with the fields {@code override} gives replaced (an extending framework's entry). */
    public ParameterSpec overriddenBy(ParameterSpec override) {
        return new ParameterSpec(override.defaultValue != null ? override.defaultValue : defaultValue,
                override.doc != null ? override.doc : doc, override.allowed.isEmpty() ? allowed : override.allowed,
                override.min != null ? override.min : min, override.max != null ? override.max : max);
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
