package org.hawkeye.specs;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Defaults of the command line that depend on the framework, e.g. whether the model is secret-shared. */
public record FrameworkDefaults(@JsonProperty(required = true) WeightsMode weights) {
}
