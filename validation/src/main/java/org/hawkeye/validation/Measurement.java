package org.hawkeye.validation;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One measured figure from a real run, as data: what was run (model, framework and parameters, weights, mode,
 * batch, and the what-if rewrites that turn the export into the measured program), what was measured (phase, metric, scope, and for
 * bits of a framework splitting traffic per party, optionally the sending {@code party}), the value with its unit, where it comes from, and how far
 * hawkeye may be from it. {@code hawkeyeStatic} is HawkEye's own static value in the same unit, for comparison
 * only: never ground truth.
 */
public record Measurement(
        @JsonProperty(required = true) String id,
        @JsonProperty(required = true) String model,
        @JsonProperty(value = "model_origin", required = true) String modelOrigin,
        @JsonProperty(required = true) String framework,
        Map<String, String> params,
        String weights,
        String mode,
        Long batch,
        @JsonProperty(required = true) String phase,
        @JsonProperty(required = true) String metric,
        @JsonProperty(required = true) String scope,
        @JsonProperty(required = true) BigDecimal value,
        @JsonProperty(required = true) String unit,
        @JsonProperty(value = "tolerance_pct", required = true) BigDecimal tolerancePct,
        @JsonProperty(required = true) String source,
        @JsonProperty("hawkeye_static") BigDecimal hawkeyeStatic,
        String note,
        List<String> rewrite,
        String party) {

    public Measurement {
        params = params == null ? Map.of() : new LinkedHashMap<>(params);
        mode = mode == null ? "inference" : mode;
        note = note == null ? "" : note;
        rewrite = rewrite == null ? List.of() : List.copyOf(rewrite);
    }
}
