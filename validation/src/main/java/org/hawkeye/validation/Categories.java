package org.hawkeye.validation;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * HawkEye's grouping of ops (Conv2d / other linear / non-linear), as data in measurements/categories.yaml:
 * the op types of the first two are listed, every other costed op is non-linear.
 */
public record Categories(@JsonProperty(required = true) String description,
                         @JsonProperty(required = true) Map<String, List<String>> categories) {

    public static final String NONLINEAR = "nonlinear";

    /** The category of an op type. */
    public String of(String opType) {
        return index().getOrDefault(opType, NONLINEAR);
    }

    public boolean isKnown(String category) {
        return NONLINEAR.equals(category) || categories.containsKey(category);
    }

    private Map<String, String> index() {
        Map<String, String> byOp = new HashMap<>();
        categories.forEach((category, ops) -> ops.forEach(op -> byOp.put(op, category)));
        return byOp;
    }
}
