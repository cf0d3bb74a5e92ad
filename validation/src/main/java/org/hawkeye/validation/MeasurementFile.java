package org.hawkeye.validation;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/** A file of measurements: a one-line description and its cases. */
public record MeasurementFile(@JsonProperty(required = true) String description,
                              @JsonProperty(required = true) List<Measurement> cases) {
    public MeasurementFile {
        cases = List.copyOf(cases);
    }
}
