package org.hawkeye.engine.whatif;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.hawkeye.engine.UnsupportedOp;
import org.hawkeye.engine.cost.Cost;
import org.hawkeye.engine.lowering.Rewrite;
import org.hawkeye.engine.lowering.RewriteLog;
import org.hawkeye.engine.report.TextReport;
import org.hawkeye.engine.report.Units;

/** A what-if comparison as a text table or as JSON: per module and in total, then the rules that fired. */
public final class WhatIfReport {
    private WhatIfReport() {
    }

    public static String text(WhatIf.Result r, int depth) {
        StringBuilder sb = new StringBuilder();
        sb.append(r.before().model()).append(" under ").append(r.before().framework()).append(" (weights ")
                .append(r.before().weights()).append("): what if ").append(labels(r.rewrites())).append("\n\n");
        boolean offline = r.rows(depth).stream().anyMatch(row -> !row.before().offlineBits().equals(BigInteger.ZERO)
                || !row.after().offlineBits().equals(BigInteger.ZERO));
        List<String[]> rows = new ArrayList<>();
        List<String> head = new ArrayList<>(List.of("module", "online before", "after", "change", "rounds before",
                "after", "change"));
        if (offline) {
            head.addAll(List.of("offline before", "after", "change"));
        }
        rows.add(head.toArray(new String[0]));
        for (WhatIf.Row row : r.rows(depth)) {
            List<String> cells = new ArrayList<>();
            cells.add(row.depth() == 0 ? "total" : "  ".repeat(row.depth() - 1) + lastSegment(row.path()));
            Cost b = row.before();
            Cost a = row.after();
            cells.addAll(List.of(Units.bytes(b.onlineBits()), Units.bytes(a.onlineBits()),
                    change(b.onlineBits(), a.onlineBits()), b.onlineRounds().toString(), a.onlineRounds().toString(),
                    change(b.onlineRounds(), a.onlineRounds())));
            if (offline) {
                cells.addAll(List.of(Units.bytes(b.offlineBits()), Units.bytes(a.offlineBits()),
                        change(b.offlineBits(), a.offlineBits())));
            }
            rows.add(cells.toArray(new String[0]));
        }
        sb.append(numbers(rows));
        Cost b = r.before().total();
        Cost a = r.after().total();
        sb.append("\nonline bits: ").append(b.onlineBits()).append(" -> ").append(a.onlineBits())
                .append(", rounds: ").append(b.onlineRounds()).append(" -> ").append(a.onlineRounds())
                .append("; offline bits: ").append(b.offlineBits()).append(" -> ").append(a.offlineBits())
                .append(", rounds: ").append(b.offlineRounds()).append(" -> ").append(a.offlineRounds()).append('\n');
        sb.append("\nrules that fired (phase approximate):\n");
        if (r.log().entries().isEmpty()) {
            sb.append("  none\n");
        } else {
            List<String[]> fired = new ArrayList<>();
            fired.add(new String[] {"  rule", "request", "matches", "nodes removed", "nodes created"});
            for (RewriteLog.Entry e : r.log().entries()) {
                fired.add(new String[] {"  " + e.rule(), e.request(), String.valueOf(e.matches()),
                        String.valueOf(e.removed()), String.valueOf(e.created())});
            }
            sb.append(TextReport.plainTable(fired));
        }
        for (String w : r.warnings()) {
            sb.append("\nwarning: ").append(w).append('\n');
        }
        notCosted(sb, "before", r.before().unsupported());
        notCosted(sb, "after", r.after().unsupported());
        return sb.toString();
    }

    public static String json(WhatIf.Result r, int depth) {
        StringWriter out = new StringWriter();
        try (JsonGenerator g = new JsonFactory().createGenerator(out)) {
            g.useDefaultPrettyPrinter();
            g.writeStartObject();
            g.writeStringField("model", r.before().model());
            g.writeStringField("framework", r.before().framework());
            g.writeStringField("weights", r.before().weights());
            g.writeArrayFieldStart("rewrites");
            for (Rewrite rw : r.rewrites()) {
                g.writeString(rw.label());
            }
            g.writeEndArray();
            g.writeArrayFieldStart("rows");
            for (WhatIf.Row row : r.rows(depth)) {
                g.writeStartObject();
                g.writeStringField("path", row.path());
                g.writeFieldName("before");
                writeCost(g, row.before());
                g.writeFieldName("after");
                writeCost(g, row.after());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeArrayFieldStart("rules");
            for (RewriteLog.Entry e : r.log().entries()) {
                g.writeStartObject();
                g.writeStringField("rule", e.rule());
                g.writeStringField("request", e.request());
                g.writeNumberField("matches", e.matches());
                g.writeNumberField("removed", e.removed());
                g.writeNumberField("created", e.created());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeArrayFieldStart("warnings");
            for (String w : r.warnings()) {
                g.writeString(w);
            }
            g.writeEndArray();
            g.writeBooleanField("complete", r.before().complete() && r.after().complete());
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out + System.lineSeparator();
    }

    private static void writeCost(JsonGenerator g, Cost c) throws IOException {
        g.writeStartObject();
        g.writeObjectFieldStart("online");
        g.writeFieldName("bits");
        g.writeNumber(c.onlineBits());
        g.writeFieldName("rounds");
        g.writeNumber(c.onlineRounds());
        g.writeEndObject();
        g.writeObjectFieldStart("offline");
        g.writeFieldName("bits");
        g.writeNumber(c.offlineBits());
        g.writeFieldName("rounds");
        g.writeNumber(c.offlineRounds());
        g.writeEndObject();
        g.writeEndObject();
    }

    /** A table whose first column is left-aligned and the others, numbers, right-aligned. */
    private static String numbers(List<String[]> rows) {
        int[] width = new int[rows.get(0).length];
        for (String[] row : rows) {
            for (int i = 0; i < row.length; i++) {
                width[i] = Math.max(width[i], row[i].length());
            }
        }
        StringBuilder sb = new StringBuilder();
        for (String[] row : rows) {
            StringBuilder line = new StringBuilder(row[0] + " ".repeat(width[0] - row[0].length()));
            for (int i = 1; i < row.length; i++) {
                line.append("  ").append(" ".repeat(width[i] - row[i].length())).append(row[i]);
            }
            sb.append(line.toString().stripTrailing()).append('\n');
        }
        return sb.toString();
    }

    /** The change from {@code before} to {@code after} in percent of before, one decimal, signed. */
    static String change(BigInteger before, BigInteger after) {
        if (before.signum() == 0) {
            return after.signum() == 0 ? "0.0%" : "new";
        }
        BigDecimal p = new BigDecimal(after.subtract(before)).multiply(BigDecimal.valueOf(100))
                .divide(new BigDecimal(before), 1, RoundingMode.HALF_UP);
        return (p.signum() > 0 ? "+" : "") + p.toPlainString() + "%";
    }

    private static String labels(List<Rewrite> rewrites) {
        return rewrites.stream().map(Rewrite::label).collect(Collectors.joining(", "));
    }

    private static String lastSegment(String path) {
        return path.substring(path.lastIndexOf('/') + 1);
    }

    private static void notCosted(StringBuilder sb, String side, List<UnsupportedOp> ops) {
        if (!ops.isEmpty()) {
            sb.append("\nNOT COSTED ").append(side).append(" (that side is a lower bound): ").append(ops.stream()
                    .map(u -> u.op() + " x" + u.count()).collect(Collectors.joining(", "))).append('\n');
        }
    }
}
