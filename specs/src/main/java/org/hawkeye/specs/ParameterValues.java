package org.hawkeye.specs;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeSet;
import org.hawkeye.grammar.Rational;

/** A framework's parameters with the user's {@code -P name=value} overrides applied and range-checked. */
public final class ParameterValues {
    private final Map<String, Rational> values;
    private final Map<String, BigDecimal> decimals;
    private final Map<String, String> origins;

    private ParameterValues(Map<String, Rational> values, Map<String, BigDecimal> decimals,
                            Map<String, String> origins) {
        this.values = Collections.unmodifiableMap(values);
        this.decimals = Collections.unmodifiableMap(decimals);
        this.origins = Collections.unmodifiableMap(origins);
    }

    public static ParameterValues resolve(FrameworkFolder framework, Map<String, String> overrides) {
        Map<String, ParameterSpec> specs = framework.spec().parameters();
        Map<String, BigDecimal> decimals = new LinkedHashMap<>();
        Map<String, String> origins = new LinkedHashMap<>();
        specs.forEach((name, p) -> {
            decimals.put(name, p.defaultValue());
            origins.put(name, framework.provenance().defaults().get(name));
        });
        for (Map.Entry<String, String> o : overrides.entrySet()) {
            String name = o.getKey();
            String option = "-P " + name + "=" + o.getValue();
            ParameterSpec p = specs.get(name);
            if (p == null) {
                throw new ProfilerException("", option + ": " + framework.name() + " has no parameter '" + name
                        + "' (known: " + String.join(", ", new TreeSet<>(specs.keySet())) + ")");
            }
            BigDecimal value;
            try {
                value = new BigDecimal(o.getValue().trim());
            } catch (NumberFormatException e) {
                throw new ProfilerException("", option + ": '" + o.getValue() + "' is not a number");
            }
            String size = sizeProblem(value);
            if (size != null) {
                throw new ProfilerException("", option + ": " + size);
            }
            String why = p.rejection(value);
            if (why != null) {
                throw new ProfilerException("", option + ": " + value.toPlainString() + " is not allowed for '"
                        + name + "' (" + why + ")");
            }
            decimals.put(name, value);
            origins.put(name, "-P");
        }
        Map<String, Rational> values = new LinkedHashMap<>();
        decimals.forEach((k, v) -> values.put(k, Rational.parse(v.toPlainString())));
        return new ParameterValues(values, decimals, origins);
    }

    /** Most digits a parameter value may have before and after its decimal point. */
    public static final int MAX_DIGITS = 100;

    /**
     * Why {@code value} is too large or too fine to be a parameter (1e-999999999 would be a billion digits once
     * written out exactly), or null when it is fine.
     */
    public static String sizeProblem(BigDecimal value) {
        BigDecimal v = value.stripTrailingZeros();
        if (v.precision() > MAX_DIGITS || v.scale() > MAX_DIGITS || v.precision() - v.scale() > MAX_DIGITS) {
            return "out of range (at most " + MAX_DIGITS + " digits before and after the decimal point)";
        }
        return null;
    }

    public Map<String, Rational> asRationals() {
        return values;
    }

    /** Where each value comes from: "-P", or the framework or base whose file sets the default in effect. */
    public Map<String, String> origins() {
        return origins;
    }

    /** The values as written (for reports): 64, 0.003. */
    public Map<String, BigDecimal> asDecimals() {
        return decimals;
    }
}
