package org.hawkeye.specs;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One step of a composed protocol: a call of another protocol with argument formulas, optionally repeated
 * (in sequence) or skipped. {@code as} names the step in the call-chain tree. {@code parties} maps the callee's
 * party names to the caller's when the callee runs with the roles exchanged (e.g. an OT whose sender is the client
 * here, where the callee is written with the server sending): {@code {server: client, client: server}}.
 * {@code parallel: true} runs the callee at the same time as the caller's other steps, on a channel whose flights
 * are not counted (another thread's OT instances): its bits count, its rounds do not.
 */
public record CallSpec(
        @JsonProperty(required = true) String protocol,
        Map<String, LocatedFormula> args,
        LocatedFormula repeat,
        LocatedFormula when,
        String as,
        Map<String, String> parties,
        Boolean parallel) {

    public CallSpec {
        args = args == null ? Map.of() : new LinkedHashMap<>(args);
        parties = parties == null ? Map.of() : new LinkedHashMap<>(parties);
    }

    public boolean inParallel() {
        return Boolean.TRUE.equals(parallel);
    }

    /** The label of this step in the tree. */
    public String label() {
        return as != null ? as : protocol;
    }
}
