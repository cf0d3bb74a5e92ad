package org.hawkeye.specs;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/** The order in which rule phases fire, declared once in {@code specs/common/pipeline.yaml}. */
public record Pipeline(@JsonProperty(required = true) List<Phase> phases) {

    public Pipeline {
        phases = List.copyOf(phases);
    }

    public List<String> phaseNames() {
        return phases.stream().map(Phase::name).toList();
    }
}
