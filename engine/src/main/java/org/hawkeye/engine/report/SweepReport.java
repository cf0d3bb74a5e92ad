package org.hawkeye.engine.report;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.hawkeye.engine.cost.Cost;
import org.hawkeye.engine.generate.Metric;
import org.hawkeye.engine.generate.Polynomial;
import org.hawkeye.engine.generate.Sweep;

/** A sweep as text (a table of the points and the exact closed forms), CSV (a row per point) and JSON. */
public final class SweepReport {
    private SweepReport() {
    }

    public static String text(Sweep.Result r, List<Network> networks) {
        StringBuilder sb = new StringBuilder();
        sb.append(r.model()).append(" under ").append(r.framework()).append(" (sweep, weights ").append(r.weights())
                .append("): ").append(r.vary().stream().map(v -> v.name() + " (" + v.values().size() + ")")
                        .collect(Collectors.joining(" x "))).append(" = ").append(r.points().size())
                .append(" profiles\n");
        sb.append("params: ").append(r.params().entrySet().stream()
                .map(e -> e.getKey() + "=" + e.getValue().toPlainString()).collect(Collectors.joining(" ")))
                .append("\n\n");
        List<String[]> rows = new ArrayList<>();
        List<String> head = new ArrayList<>(names(r));
        head.addAll(List.of("online", "rounds", "offline", "rounds"));
        networks.forEach(n -> head.add("time " + n.name()));
        head.add("complete");
        rows.add(head.toArray(String[]::new));
        for (Sweep.Point p : r.points()) {
            List<String> row = new ArrayList<>(p.values().values());
            Cost c = p.cost();
            row.addAll(List.of(Units.bytes(c.onlineBits()), c.onlineRounds().toString(),
                    Units.bytes(c.offlineBits()), c.offlineRounds().toString()));
            networks.forEach(n -> row.add(Network.duration(n.estimate(c, p.traffic()).totalSeconds().doubleValue())));
            row.add(p.complete() ? "yes" : "no");
            rows.add(row.toArray(String[]::new));
        }
        sb.append(TextReport.table(rows));
        if (!r.fits().isEmpty()) {
            sb.append("\nexact closed forms (each fitted on degree + 1 points and confirmed on every other one; metrics "
                    + "that are 0 everywhere left out):\n");
            for (Sweep.Fits f : r.fits()) {
                sb.append("  in ").append(f.variable()).append(f.at().isEmpty() ? "" : ", " + Sweep.describe(f.at()))
                        .append(":\n");
                List<String[]> lines = new ArrayList<>();
                f.fits().forEach((m, fit) -> {
                    if (!Polynomial.zero(fit)) {
                        lines.add(new String[] {"    " + m.label(), "= " + Polynomial.describe(fit, f.points())});
                    }
                });
                if (lines.isEmpty()) {
                    lines.add(new String[] {"    (nothing is sent)", ""});
                }
                sb.append(TextReport.plainTable(lines));
            }
        }
        sb.append(GenerationReport.notCosted(r.unsupported(), ""));
        return sb.toString();
    }

    private static List<String> names(Sweep.Result r) {
        return r.vary().stream().map(Sweep.Variable::name).toList();
    }

    /** A row per point: the varied values, then the cost and whether every op was costed. */
    public static String csv(Sweep.Result r) {
        StringBuilder sb = new StringBuilder("model");
        for (String n : names(r)) {
            sb.append(',').append(CsvReport.field(n));
        }
        sb.append(",online_bits,online_rounds,offline_bits,offline_rounds,complete,online_bits_by_party,"
                + "offline_bits_by_party\r\n");
        for (Sweep.Point p : r.points()) {
            sb.append(CsvReport.field(r.model()));
            for (String v : p.values().values()) {
                sb.append(',').append(CsvReport.field(v));
            }
            Cost c = p.cost();
            sb.append(',').append(c.onlineBits()).append(',').append(c.onlineRounds()).append(',')
                    .append(c.offlineBits()).append(',').append(c.offlineRounds()).append(',').append(p.complete())
                    .append(',').append(CsvReport.byParty(p.traffic(), c.onlineSent())).append(',')
                    .append(CsvReport.byParty(p.traffic(), c.offlineSent())).append("\r\n");
        }
        return sb.toString();
    }

    public static String json(Sweep.Result r) {
        StringWriter out = new StringWriter();
        try (JsonGenerator g = new JsonFactory().createGenerator(out)) {
            g.useDefaultPrettyPrinter();
            g.writeStartObject();
            GenerationReport.writeHeader(g, r.model(), r.framework(), "sweep", r.weights(), r.params());
            JsonReport.writeTraffic(g, r.points().get(0).traffic());
            g.writeArrayFieldStart("vary");
            for (Sweep.Variable v : r.vary()) {
                g.writeStartObject();
                g.writeStringField("name", v.name());
                g.writeStringField("kind", v.kind().name().toLowerCase(java.util.Locale.ROOT));
                g.writeArrayFieldStart("values");
                for (String value : v.values()) {
                    g.writeString(value);
                }
                g.writeEndArray();
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeArrayFieldStart("points");
            for (Sweep.Point p : r.points()) {
                g.writeStartObject();
                writeValues(g, "values", p.values());
                Cost c = p.cost();
                g.writeFieldName("total");
                JsonReport.writeCost(g, c, p.traffic());
                g.writeBooleanField("complete", p.complete());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeArrayFieldStart("polynomials");
            for (Sweep.Fits f : r.fits()) {
                g.writeStartObject();
                g.writeStringField("variable", f.variable());
                writeValues(g, "at", f.at());
                g.writeNumberField("points", f.points());
                for (Map.Entry<Metric, Optional<Polynomial.Fit>> e : f.fits().entrySet()) {
                    g.writeFieldName(e.getKey().key());
                    GenerationReport.writeFit(g, e.getValue());
                }
                g.writeEndObject();
            }
            g.writeEndArray();
            JsonReport.writeUnsupported(g, r.unsupported());
            g.writeBooleanField("complete", r.unsupported().isEmpty());
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString() + System.lineSeparator();
    }

    private static void writeValues(JsonGenerator g, String field, Map<String, String> values) throws IOException {
        g.writeObjectFieldStart(field);
        for (Map.Entry<String, String> e : values.entrySet()) {
            g.writeFieldName(e.getKey());
            if (e.getValue().matches("-?\\d+")) {
                g.writeNumber(new java.math.BigInteger(e.getValue()));
            } else {
                g.writeNumber(new BigDecimal(e.getValue()));
            }
        }
        g.writeEndObject();
    }
}
