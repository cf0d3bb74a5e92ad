package org.hawkeye.engine.report;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.hawkeye.engine.ProfileResult;
import org.hawkeye.engine.UnsupportedOp;
import org.hawkeye.engine.cost.Cost;
import org.hawkeye.engine.cost.Sent;
import org.hawkeye.engine.cost.Traffic;
import org.hawkeye.engine.tree.TreeNode;

/**
 * One self-contained HTML page per profile: summary with estimated times, cost per top-level module split by
 * {@link OpClass}, a zoomable icicle of the prefix tree, the largest ops and protocol chains, and the ops that
 * were not costed. The page is a template with its CSS and hand-written SVG script inlined, plus the data as
 * JSON; it loads nothing, so it works offline and from an e-mail attachment.
 */
public final class HtmlReport {
    /** How many ops and protocol chains the bottleneck tables list. */
    static final int TOP = 15;

    private HtmlReport() {
    }

    public static String render(ProfileResult r, List<Network> networks) {
        String page = resource("report.html");
        // JSON inside <script>: "<" escaped so that no "</script>" or "<!--" in a model's names ends it early
        String data = data(r, networks).replace("<", "\\u003c");
        return page.replace("/*HAWKEYE_CSS*/", resource("report.css"))
                .replace("/*HAWKEYE_JS*/", script("report.js"))
                .replace("__HAWKEYE_TITLE__", escape(r.model() + " under " + r.framework() + " - hawkeye"))
                .replace("__HAWKEYE_DATA__", data);
    }

    static String data(ProfileResult r, List<Network> networks) {
        StringWriter out = new StringWriter();
        try (JsonGenerator g = new JsonFactory().createGenerator(out)) {
            g.writeStartObject();
            g.writeStringField("model", r.model());
            g.writeStringField("framework", r.framework());
            g.writeStringField("mode", r.mode());
            g.writeStringField("weights", r.weights());
            g.writeObjectFieldStart("params");
            for (Map.Entry<String, BigDecimal> p : r.params().entrySet()) {
                g.writeStringField(p.getKey(), p.getValue().toPlainString());
            }
            g.writeEndObject();
            JsonReport.writeInputs(g, r, "publicInputs");
            g.writeObjectFieldStart("traffic");
            g.writeStringField("split", r.traffic().split());
            g.writeNumberField("count", r.traffic().count());
            g.writeArrayFieldStart("parties");
            for (String p : r.traffic().parties()) {
                g.writeString(p);
            }
            g.writeEndArray();
            g.writeEndObject();
            g.writeFieldName("total");
            cost(g, r.total());
            if (r.setup() != null) {
                g.writeFieldName("setup");
                cost(g, r.setup().total());
            }
            if (r.training() != null) {
                // a training step: its loss, optimizer and what each phase cost, for the summary cards
                g.writeObjectFieldStart("training");
                g.writeStringField("loss", r.training().loss());
                g.writeStringField("optimizer", r.training().optimizer());
                g.writeObjectFieldStart("phases");
                for (Map.Entry<String, Cost> p : r.training().phases().entrySet()) {
                    g.writeFieldName(p.getKey());
                    cost(g, p.getValue());
                }
                g.writeEndObject();
                g.writeEndObject();
            }
            g.writeArrayFieldStart("networks");
            for (Network n : networks) {
                network(g, n, r.total(), r.traffic());
            }
            g.writeEndArray();
            g.writeArrayFieldStart("classes");
            for (OpClass c : OpClass.values()) {
                g.writeString(c.label());
            }
            g.writeEndArray();
            modules(g, Breakdown.firstBranching(r.tree()));
            g.writeFieldName("tree");
            node(g, r.tree(), null);
            bottlenecks(g, r.tree());
            JsonReport.writeUnsupported(g, r.unsupported());
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    /**
     * [online bits, online rounds, offline bits, offline rounds], bits as strings so that none is rounded; when the
     * split per party is known, then [online bits per party] and [offline bits per party], in traffic.parties order.
     */
    static void cost(JsonGenerator g, Cost c) throws IOException {
        g.writeStartArray();
        g.writeString(c.onlineBits().toString());
        g.writeNumber(c.onlineRounds());
        g.writeString(c.offlineBits().toString());
        g.writeNumber(c.offlineRounds());
        if (c.onlineSent().known() && c.offlineSent().known()) {
            for (Sent sent : new Sent[] {c.onlineSent(), c.offlineSent()}) {
                g.writeStartArray();
                for (java.math.BigInteger b : sent.byParty()) {
                    g.writeString(b.toString());
                }
                g.writeEndArray();
            }
        }
        g.writeEndArray();
    }

    private static void network(JsonGenerator g, Network n, Cost total, Traffic traffic) throws IOException {
        Network.Estimate e = n.estimate(total, traffic);
        g.writeStartObject();
        g.writeStringField("name", n.name());
        g.writeStringField("describe", n.describe());
        g.writeStringField("source", n.source());
        g.writeNumberField("bps", n.bitsPerSecond().doubleValue());
        g.writeNumberField("rtt", n.rttSeconds().doubleValue());
        g.writeNumberField("online", e.onlineSeconds().doubleValue());
        g.writeNumberField("offline", e.offlineSeconds().doubleValue());
        g.writeEndObject();
    }

    private static void modules(JsonGenerator g, Breakdown b) throws IOException {
        g.writeArrayFieldStart("modules");
        for (Breakdown.Row row : b.costly()) {
            g.writeStartObject();
            g.writeStringField("name", row.name());
            g.writeStringField("kind", row.kind().name().toLowerCase(java.util.Locale.ROOT));
            g.writeArrayFieldStart("byClass");
            for (OpClass c : OpClass.values()) {
                cost(g, row.of(c));
            }
            g.writeEndArray();
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeStringField("moduleLevel", b.level());
        g.writeNumberField("freeTopLevel", b.rows().size() - b.costly().size());
    }

    /**
     * The tree, compactly: [name, kind, detail, cost, class, repeat, children]. Nodes that cost nothing are left
     * out (an icicle cannot draw them); class is the op's class for ops and the protocols under them, else -1.
     */
    private static void node(JsonGenerator g, TreeNode n, OpClass inherited) throws IOException {
        OpClass cls = n.kind() == TreeNode.Kind.OP ? OpClass.of(n.detail()) : inherited;
        g.writeStartArray();
        g.writeString(n.name());
        g.writeString(n.kind().name().toLowerCase(java.util.Locale.ROOT));
        g.writeString(n.detail());
        cost(g, n.total());
        g.writeNumber(cls == null ? -1 : cls.ordinal());
        g.writeNumber(n.repeat());
        g.writeStartArray();
        for (TreeNode child : n.children()) {
            if (!child.total().isZero()) {
                node(g, child, cls);
            }
        }
        g.writeEndArray();
        g.writeEndArray();
    }

    private static void bottlenecks(JsonGenerator g, TreeNode root) throws IOException {
        List<Bottlenecks.OpGroup> ops = Bottlenecks.grouped(root);
        List<Bottlenecks.ChainEntry> chains = Bottlenecks.chains(root);
        g.writeObjectFieldStart("top");
        opList(g, "opsByBits", Bottlenecks.top(ops, Bottlenecks.OpGroup::cost, Bottlenecks.BY_BITS, TOP));
        opList(g, "opsByRounds", Bottlenecks.top(ops, Bottlenecks.OpGroup::cost, Bottlenecks.BY_ROUNDS, TOP));
        chainList(g, "chainsByBits", Bottlenecks.top(chains, Bottlenecks.ChainEntry::cost, Bottlenecks.BY_BITS, TOP));
        chainList(g, "chainsByRounds",
                Bottlenecks.top(chains, Bottlenecks.ChainEntry::cost, Bottlenecks.BY_ROUNDS, TOP));
        g.writeEndObject();
    }

    /**
     * The largest ops, repeated layers grouped: [path, type, class, cost] and, for a group of several, [members as
     * [path, cost]], which the page lists under a toggle.
     */
    private static void opList(JsonGenerator g, String name, List<Bottlenecks.OpGroup> ops) throws IOException {
        g.writeArrayFieldStart(name);
        for (Bottlenecks.OpGroup o : ops) {
            g.writeStartArray();
            g.writeString(o.members().size() == 1 ? o.members().get(0).path() : o.path());
            g.writeString(o.opType() + (o.members().size() == 1 ? "" : " x" + o.members().size()));
            g.writeString(OpClass.of(o.opType()).label());
            cost(g, o.cost());
            if (o.members().size() > 1) {
                g.writeStartArray();
                for (Bottlenecks.OpEntry m : o.members()) {
                    g.writeStartArray();
                    g.writeString(m.path());
                    cost(g, m.cost());
                    g.writeEndArray();
                }
                g.writeEndArray();
            }
            g.writeEndArray();
        }
        g.writeEndArray();
    }

    private static void chainList(JsonGenerator g, String name, List<Bottlenecks.ChainEntry> chains)
            throws IOException {
        list(g, name, chains, c -> new String[] {c.chain(), c.ops() + (c.ops() == 1 ? " op" : " ops"), ""},
                Bottlenecks.ChainEntry::cost);
    }

    private static <T> void list(JsonGenerator g, String name, List<T> entries, Function<T, String[]> labels,
                                 Function<T, Cost> costOf) throws IOException {
        g.writeArrayFieldStart(name);
        for (T e : entries) {
            g.writeStartArray();
            for (String s : labels.apply(e)) {
                g.writeString(s);
            }
            cost(g, costOf.apply(e));
            g.writeEndArray();
        }
        g.writeEndArray();
    }

    /** A page's script with what it builds on inlined before it: number formats, then the shared page helpers. */
    static String script(String page) {
        return resource("format.js") + "\n" + resource("page.js") + "\n" + resource(page);
    }

    static String resource(String name) {
        try (InputStream in = HtmlReport.class.getResourceAsStream("html/" + name)) {
            if (in == null) {
                throw new IllegalStateException("report template html/" + name + " missing from the jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
