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
import org.hawkeye.engine.UnsupportedOp;
import org.hawkeye.engine.cost.Cost;
import org.hawkeye.engine.cost.Traffic;

/**
 * A self-contained HTML page with one line chart of costs over a numeric x (a generation's tokens, a sweep's
 * size), summary cards, the exact closed forms and a table; like {@link HtmlReport} it inlines its CSS, script and
 * data and loads nothing. The page's script is {@code html/series.js}; costs carry the bits each party sends when
 * the framework splits traffic per party ({@link HtmlReport#cost}), and times take the busier direction.
 */
final class SeriesPage {
    /** One line of the chart: a cost per x; {@code total} draws it dashed. */
    record Series(String name, boolean total, List<Cost> points) {
    }

    /** A summary card. */
    record Card(String label, String value, String sub, String title) {
    }

    String title = "";
    String subtitle = "";
    Map<String, BigDecimal> params = Map.of();
    final List<Card> cards = new ArrayList<>();
    String chartTitle = "";
    String chartNote = "";
    String xLabel = "";
    List<Long> xs = List.of();
    List<String> xNotes;
    final List<Series> series = new ArrayList<>();
    final List<String> fits = new ArrayList<>();
    String fitsNote = "";
    String tableTitle = "";
    List<String> tableHead = List.of();
    final List<List<String>> tableRows = new ArrayList<>();
    List<UnsupportedOp> unsupported = List.of();
    List<Network> networks = List.of();
    Traffic traffic = new Traffic(Traffic.TOTAL, List.of(), 2, "");

    String render() {
        String page = HtmlReport.resource("series.html");
        String data = data().replace("<", "\\u003c");
        return page.replace("/*HAWKEYE_CSS*/", HtmlReport.resource("report.css"))
                .replace("/*HAWKEYE_JS*/", HtmlReport.script("series.js"))
                .replace("__HAWKEYE_TITLE__", HtmlReport.escape(title + " - hawkeye"))
                .replace("__HAWKEYE_DATA__", data);
    }

    private String data() {
        StringWriter out = new StringWriter();
        try (JsonGenerator g = new JsonFactory().createGenerator(out)) {
            g.writeStartObject();
            g.writeStringField("title", title);
            g.writeStringField("subtitle", subtitle);
            g.writeObjectFieldStart("params");
            for (Map.Entry<String, BigDecimal> p : params.entrySet()) {
                g.writeStringField(p.getKey(), p.getValue().toPlainString());
            }
            g.writeEndObject();
            g.writeArrayFieldStart("cards");
            for (Card c : cards) {
                g.writeStartObject();
                g.writeStringField("label", c.label());
                g.writeStringField("value", c.value());
                g.writeStringField("sub", c.sub());
                g.writeStringField("title", c.title());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeObjectFieldStart("chart");
            g.writeStringField("title", chartTitle);
            g.writeStringField("note", chartNote);
            g.writeEndObject();
            g.writeObjectFieldStart("x");
            g.writeStringField("label", xLabel);
            g.writeArrayFieldStart("values");
            for (long x : xs) {
                g.writeNumber(x);
            }
            g.writeEndArray();
            if (xNotes != null) {
                g.writeArrayFieldStart("notes");
                for (String n : xNotes) {
                    g.writeString(n);
                }
                g.writeEndArray();
            }
            g.writeEndObject();
            g.writeArrayFieldStart("series");
            for (Series s : series) {
                g.writeStartObject();
                g.writeStringField("name", s.name());
                g.writeBooleanField("total", s.total());
                g.writeArrayFieldStart("points");
                for (Cost c : s.points()) {
                    HtmlReport.cost(g, c);
                }
                g.writeEndArray();
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeArrayFieldStart("networks");
            for (Network n : networks) {
                g.writeStartObject();
                g.writeStringField("name", n.name());
                g.writeNumberField("bps", n.bitsPerSecond().doubleValue());
                g.writeNumberField("rtt", n.rttSeconds().doubleValue());
                g.writeEndObject();
            }
            g.writeEndArray();
            JsonReport.writeTraffic(g, traffic);
            g.writeArrayFieldStart("fits");
            for (String f : fits) {
                g.writeString(f);
            }
            g.writeEndArray();
            g.writeStringField("fitsNote", fitsNote);
            g.writeObjectFieldStart("table");
            g.writeStringField("title", tableTitle);
            g.writeArrayFieldStart("head");
            for (String h : tableHead) {
                g.writeString(h);
            }
            g.writeEndArray();
            g.writeArrayFieldStart("rows");
            for (List<String> row : tableRows) {
                g.writeStartArray();
                for (String cell : row) {
                    g.writeString(cell);
                }
                g.writeEndArray();
            }
            g.writeEndArray();
            g.writeEndObject();
            JsonReport.writeUnsupported(g, unsupported);
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }
}
