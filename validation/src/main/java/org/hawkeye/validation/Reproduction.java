package org.hawkeye.validation;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * A table or figure of the HawkEye paper as data: the framework, what is measured, the columns (scopes of the
 * profile), and per row the model with HawkEye's static values and the measured ones where they exist. A unit of
 * {@code %} prints each column as its share of the row's total (HawkEye's Figure 8). With {@code party} (metric bits
 * of a framework splitting traffic per party) every cell is the bits that party sent, as counters of one party's
 * sent bytes report (BOLT's).
 */
public record Reproduction(
        @JsonProperty(required = true) String name,
        @JsonProperty(required = true) String title,
        @JsonProperty(required = true) String source,
        @JsonProperty(required = true) String framework,
        @JsonProperty(required = true) String phase,
        @JsonProperty(required = true) String metric,
        @JsonProperty(required = true) String unit,
        @JsonProperty(required = true) List<Column> columns,
        @JsonProperty(required = true) List<Row> rows,
        String note,
        String party) {

    /** A column: its heading and the scope of the profile it reads. */
    public record Column(@JsonProperty(required = true) String name, @JsonProperty(required = true) String scope) {
    }

    /** A training step a row profiles instead of inference: its loss and optimizer (defaults: the CLI's). */
    public record Training(String loss, String optimizer) {
    }

    /**
     * A row: a model profiled with given settings (a training step when {@code training} is given; under the row's
     * own framework when it names one, e.g. one row per security model; with what-if rewrites in --rewrite syntax
     * when the paper's program differs from the export), and the paper's numbers for it (one per column, or none).
     */
    public record Row(
            @JsonProperty(required = true) String label,
            @JsonProperty(required = true) String model,
            String framework,
            List<String> rewrite,
            Map<String, String> params,
            String weights,
            Long batch,
            Training training,
            @JsonProperty("hawkeye_static") List<BigDecimal> hawkeyeStatic,
            List<BigDecimal> measured) {

        public Row {
            params = params == null ? Map.of() : params;
            rewrite = rewrite == null ? List.of() : List.copyOf(rewrite);
        }
    }
}
