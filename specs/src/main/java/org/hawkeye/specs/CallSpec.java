package org.hawkeye.specs;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One step of a composed protocol: a call of another protocol with argument formulas, optionally repeated
 * (in sequence) or skipped. {@code as} names the step in the call-chain tree.
 */
public record CallSpec(
        @JsonProperty(required = true) String protocol,
        Map<String, LocatedFormula> args,
        LocatedFormula repeat,
        LocatedFormula when,
        String as) {

    public CallSpec {
        args = args == null ? Map.of() : new LinkedHashMap<>(args);
    }

    /** The label of this step in the tree. */
    public String label() {
        return as != null ? as : protocol;
    }
}
