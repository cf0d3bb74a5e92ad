package org.hawkeye.engine.report;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.hawkeye.engine.UnsupportedOp;
import org.hawkeye.engine.cost.Cost;
import org.hawkeye.engine.cost.Traffic;
import org.hawkeye.engine.generate.Generation;
import org.hawkeye.engine.generate.Metric;
import org.hawkeye.engine.generate.Polynomial;
import org.hawkeye.engine.tree.ModelPart;
import org.hawkeye.grammar.Rational;

/**
 * A generation as text (a row per step, totals, the exact cost of a generated token in the cache length), JSON
 * ({@code steps} and {@code total}, documented in docs/json.md) and CSV (a row per step).
 */
public final class GenerationReport {
    /** The variable the per-token cost is a polynomial in: the tokens already in the cache. */
    public static final String CACHE = "cache";

    private GenerationReport() {
    }

    /** Each metric of a decode step as an exact polynomial in the cache length, fitted over the decode steps. */
    public static Map<Metric, Optional<Polynomial.Fit>> perToken(Generation.Result r) {
        List<Long> xs = r.decode().stream().map(Generation.Step::cache).toList();
        List<Cost> ys = r.decode().stream().map(Generation.Step::cost).toList();
        return Polynomial.fitCosts(CACHE, xs, ys);
    }

    public static String text(Generation.Result r, List<Network> networks) {
        StringBuilder sb = new StringBuilder();
        sb.append(r.model()).append(" under ").append(r.framework()).append(" (generation, weights ")
                .append(r.weights()).append(r.batch() == null ? "" : ", batch " + r.batch()).append("): prompt ")
                .append(r.prompt()).append(" tokens, ").append(r.newTokens()).append(" new tokens\n");
        sb.append("params: ").append(r.params().entrySet().stream()
                .map(e -> e.getKey() + "=" + e.getValue().toPlainString()).collect(Collectors.joining(" ")))
                .append("\n\n");
        List<String[]> rows = new ArrayList<>();
        Traffic traffic = r.traffic();
        boolean perParty = traffic.perParty() && r.total().onlineSent().known();
        List<String> head = new ArrayList<>(List.of("step", "tokens in", "cache", "online", "rounds", "offline",
                "rounds"));
        if (perParty) {
            traffic.parties().forEach(p -> head.add("by " + p));
        }
        for (ModelPart p : ModelPart.values()) {
            head.add(p.label());
        }
        rows.add(head.toArray(String[]::new));
        for (Generation.Step s : r.steps()) {
            List<String> row = new ArrayList<>(List.of(s.prefill() ? "prefill" : Integer.toString(s.index()),
                    Long.toString(s.tokensIn()), Long.toString(s.cache())));
            cells(row, s.cost());
            if (perParty) {
                s.cost().onlineSent().byParty().forEach(b -> row.add(Units.bytes(b)));
            }
            for (ModelPart p : ModelPart.values()) {
                row.add(Units.bytes(s.parts().get(p).totalBits()));
            }
            rows.add(row.toArray(String[]::new));
        }
        List<String> total = new ArrayList<>(List.of("total", "", ""));
        cells(total, r.total());
        if (perParty) {
            r.total().onlineSent().byParty().forEach(b -> total.add(Units.bytes(b)));
        }
        for (ModelPart p : ModelPart.values()) {
            BigInteger bits = BigInteger.ZERO;
            for (Generation.Step s : r.steps()) {
                bits = bits.add(s.parts().get(p).totalBits());
            }
            total.add(Units.bytes(bits));
        }
        rows.add(total.toArray(String[]::new));
        sb.append(TextReport.table(rows));
        Cost t = r.total();
        sb.append("\ntotal online:  ").append(Units.bytes(t.onlineBits())).append(" (").append(t.onlineBits())
                .append(" bits), ").append(t.onlineRounds()).append(" rounds")
                .append(TextReport.sentBy(traffic, t.onlineSent())).append('\n');
        sb.append("total offline: ").append(Units.bytes(t.offlineBits())).append(" (").append(t.offlineBits())
                .append(" bits), ").append(t.offlineRounds()).append(" rounds")
                .append(TextReport.sentBy(traffic, t.offlineSent())).append('\n');
        if (traffic.symmetric()) {
            sb.append("traffic: symmetric, each of the ").append(traffic.count()).append(" parties sends 1/")
                    .append(traffic.count()).append(" of the bits\n");
        }
        if (r.setup() != null) {
            Cost su = r.setup().total();
            sb.append("one-time setup (once for the whole run, not in the totals): ")
                    .append(Units.bytes(su.totalBits())).append(", ")
                    .append(su.onlineRounds().add(su.offlineRounds())).append(" rounds\n");
        }
        if (r.decode().size() >= 2) {
            sb.append("\none generated token, exactly, with ").append(CACHE).append(" = the tokens in the cache:\n");
            List<String[]> fits = new ArrayList<>();
            perToken(r).forEach((m, fit) -> {
                if (Polynomial.zero(fit)) {
                    return;
                }
                fits.add(new String[] {"  " + m.label(), "= " + Polynomial.describe(fit, r.decode().size())});
                if (fit.isEmpty()) {
                    for (String line : pieceLines(pieces(r, m))) {
                        fits.add(new String[] {"", "  " + line});
                    }
                }
            });
            sb.append(TextReport.plainTable(fits));
        }
        sb.append('\n').append(TimeTable.forTotal(t, traffic, networks));
        sb.append(notCosted(r.unsupported(), "in every step "));
        return sb.toString();
    }

    /** What no profile could cost, in the text reports of generate and sweep; empty when everything was. */
    static String notCosted(List<UnsupportedOp> unsupported, String where) {
        StringBuilder sb = new StringBuilder();
        if (!unsupported.isEmpty()) {
            sb.append("\nNOT COSTED ").append(where).append("(totals are lower bounds; --strict makes this an error):\n");
            for (UnsupportedOp u : unsupported) {
                sb.append("  ").append(u.op()).append(" x").append(u.count()).append(" (e.g. ")
                        .append(u.example()).append("): ").append(u.reason()).append('\n');
            }
        }
        return sb.toString();
    }

    /** The fields a generation's or a sweep's JSON opens with, as a profile's: model, framework, mode, weights, params. */
    static void writeHeader(JsonGenerator g, String model, String framework, String mode, String weights,
                            Map<String, BigDecimal> params) throws IOException {
        g.writeStringField("model", model);
        g.writeStringField("framework", framework);
        g.writeStringField("mode", mode);
        g.writeStringField("weights", weights);
        g.writeObjectFieldStart("params");
        for (Map.Entry<String, BigDecimal> p : params.entrySet()) {
            g.writeFieldName(p.getKey());
            g.writeNumber(p.getValue());
        }
        g.writeEndObject();
    }

    /** How many ranges text and HTML list before summing up the rest. */
    static final int SHOWN_PIECES = 8;

    /** A metric that is not one polynomial in the cache, by ranges of the cache on which it is one. */
    public static List<Polynomial.Piece> pieces(Generation.Result r, Metric m) {
        List<Long> xs = r.decode().stream().map(Generation.Step::cache).toList();
        return Polynomial.pieces(CACHE, xs, r.decode().stream().map(s -> m.of(s.cost())).toList(), 2);
    }

    /**
     * {@code 2*cache + 3 for cache 128..147 (fitted on 2, confirmed on 18)}, a line per range; nothing when no
     * range is confirmed on two points or more (ranges of lone points say no more than the table).
     */
    static List<String> pieceLines(List<Polynomial.Piece> pieces) {
        List<String> out = new ArrayList<>();
        if (pieces.stream().noneMatch(p -> p.fit().confirmedOn() >= 2)) {
            return out;
        }
        for (int i = 0; i < pieces.size() && i < SHOWN_PIECES; i++) {
            Polynomial.Piece p = pieces.get(i);
            out.add(p.fit().polynomial() + " for " + CACHE + " " + (p.from() == p.to() ? p.from() + ""
                    : p.from() + ".." + p.to()) + " (fitted on " + p.fit().fittedOn() + ", confirmed on "
                    + p.fit().confirmedOn() + ")");
        }
        if (pieces.size() > SHOWN_PIECES) {
            out.add("... and " + (pieces.size() - SHOWN_PIECES) + " more ranges");
        }
        return out;
    }

    private static void cells(List<String> row, Cost c) {
        row.addAll(List.of(Units.bytes(c.onlineBits()), c.onlineRounds().toString(), Units.bytes(c.offlineBits()),
                c.offlineRounds().toString()));
    }

    static final String CSV_HEADER = "model,step,kind,tokens_in,cache,online_bits,online_rounds,offline_bits,"
            + "offline_rounds";

    /** A row per step; each part's bits (online + offline) and rounds (online + offline) follow the totals. */
    public static String csv(Generation.Result r) {
        StringBuilder sb = new StringBuilder(CSV_HEADER);
        for (ModelPart p : ModelPart.values()) {
            sb.append(',').append(p.label()).append("_bits,").append(p.label()).append("_rounds");
        }
        sb.append(",online_bits_by_party,offline_bits_by_party\r\n");
        for (Generation.Step s : r.steps()) {
            Cost c = s.cost();
            sb.append(CsvReport.field(r.model())).append(',').append(s.index()).append(',')
                    .append(s.prefill() ? "prefill" : "decode").append(',').append(s.tokensIn()).append(',')
                    .append(s.cache()).append(',').append(c.onlineBits()).append(',').append(c.onlineRounds())
                    .append(',').append(c.offlineBits()).append(',').append(c.offlineRounds());
            for (ModelPart p : ModelPart.values()) {
                Cost part = s.parts().get(p);
                sb.append(',').append(part.totalBits()).append(',')
                        .append(part.onlineRounds().add(part.offlineRounds()));
            }
            sb.append(',').append(CsvReport.byParty(r.traffic(), c.onlineSent())).append(',')
                    .append(CsvReport.byParty(r.traffic(), c.offlineSent())).append("\r\n");
        }
        return sb.toString();
    }

    public static String json(Generation.Result r, Network network) {
        StringWriter out = new StringWriter();
        try (JsonGenerator g = new JsonFactory().createGenerator(out)) {
            g.useDefaultPrettyPrinter();
            g.writeStartObject();
            writeHeader(g, r.model(), r.framework(), "generation", r.weights(), r.params());
            JsonReport.writeTraffic(g, r.traffic());
            g.writeNumberField("batch", r.batch() == null ? 1 : r.batch());
            g.writeNumberField("prompt", r.prompt());
            g.writeNumberField("new_tokens", r.newTokens());
            g.writeArrayFieldStart("steps");
            for (Generation.Step s : r.steps()) {
                g.writeStartObject();
                g.writeNumberField("step", s.index());
                g.writeStringField("kind", s.prefill() ? "prefill" : "decode");
                g.writeNumberField("tokens_in", s.tokensIn());
                g.writeNumberField("cache", s.cache());
                JsonReport.writePhases(g, s.cost(), r.traffic());
                g.writeObjectFieldStart("parts");
                for (ModelPart p : ModelPart.values()) {
                    g.writeFieldName(p.label());
                    JsonReport.writeCost(g, s.parts().get(p), r.traffic());
                }
                g.writeEndObject();
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeFieldName("total");
            JsonReport.writeCost(g, r.total(), r.traffic());
            if (r.setup() != null) {
                JsonReport.writeSetup(g, r.setup(), r.traffic());
            }
            if (r.decode().size() >= 2) {
                writePerToken(g, r);
            }
            JsonReport.writeUnsupported(g, r.unsupported());
            g.writeBooleanField("complete", r.complete());
            if (network != null) {
                TimeJson.write(g, network, r.total(), r.traffic());
            }
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString() + System.lineSeparator();
    }

    /**
     * {@code per_token}: each metric of a decode step as a polynomial in the cache, or null when it is none; then
     * {@code pieces}, for those that are none, the ranges of the cache on which each is one.
     */
    static void writePerToken(JsonGenerator g, Generation.Result r) throws IOException {
        Map<Metric, Optional<Polynomial.Fit>> fits = perToken(r);
        g.writeObjectFieldStart("per_token");
        g.writeStringField("variable", CACHE);
        for (Map.Entry<Metric, Optional<Polynomial.Fit>> e : fits.entrySet()) {
            g.writeFieldName(e.getKey().key());
            writeFit(g, e.getValue());
        }
        g.writeObjectFieldStart("pieces");
        for (Map.Entry<Metric, Optional<Polynomial.Fit>> e : fits.entrySet()) {
            if (e.getValue().isPresent()) {
                continue;
            }
            g.writeArrayFieldStart(e.getKey().key());
            for (Polynomial.Piece p : pieces(r, e.getKey())) {
                g.writeStartObject();
                g.writeNumberField("from", p.from());
                g.writeNumberField("to", p.to());
                g.writeFieldName("fit");
                writeFit(g, Optional.of(p.fit()));
                g.writeEndObject();
            }
            g.writeEndArray();
        }
        g.writeEndObject();
        g.writeEndObject();
    }

    /** A fit as {@code {"polynomial": "...", "coefficients": [c0, c1, ...], "fitted_on", "confirmed_on"}}, or null. */
    static void writeFit(JsonGenerator g, Optional<Polynomial.Fit> fit) throws IOException {
        if (fit.isEmpty()) {
            g.writeNull();
            return;
        }
        Polynomial.Fit f = fit.get();
        g.writeStartObject();
        g.writeStringField("polynomial", f.polynomial().toString());
        g.writeArrayFieldStart("coefficients");
        for (Rational c : f.polynomial().coefficients()) {
            if (c.isInteger()) {
                g.writeNumber(c.toBigIntegerExact());
            } else {
                g.writeString(c.toString());
            }
        }
        g.writeEndArray();
        g.writeNumberField("fitted_on", f.fittedOn());
        g.writeNumberField("confirmed_on", f.confirmedOn());
        g.writeEndObject();
    }
}
