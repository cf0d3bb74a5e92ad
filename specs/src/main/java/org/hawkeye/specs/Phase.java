package org.hawkeye.specs;

import com.fasterxml.jackson.annotation.JsonProperty;

/** One phase of rule firing: rules name it as their agenda-group; phases fire in the pipeline's order. */
public record Phase(@JsonProperty(required = true) String name, @JsonProperty(required = true) String doc) {
}
