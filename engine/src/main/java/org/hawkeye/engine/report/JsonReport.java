package org.hawkeye.engine.report;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Map;
import org.hawkeye.engine.ProfileResult;
import org.hawkeye.engine.UnsupportedOp;
import org.hawkeye.engine.cost.Cost;
import org.hawkeye.engine.cost.CostNode;
import org.hawkeye.engine.cost.Sent;
import org.hawkeye.engine.cost.Traffic;
import org.hawkeye.engine.tree.TreeNode;
import org.hawkeye.grammar.Rational;

/**
 * The JSON contract (documented in docs/json.md): model, framework, mode, weights, params, params_from, total, (for a
 * training step: loss, optimizer, phases), tree, unsupported, complete. Bits and rounds are exact JSON integers,
 * however large.
 */
public final class JsonReport {
    private JsonReport() {
    }

    public static String render(ProfileResult r) {
        return render(r, null);
    }

    /** With a network, the report ends with an added {@code "time"} object (estimated seconds per phase). */
    public static String render(ProfileResult r, Network network) {
        StringWriter out = new StringWriter();
        try (JsonGenerator g = new JsonFactory().createGenerator(out)) {
            g.useDefaultPrettyPrinter();
            g.writeStartObject();
            g.writeStringField("model", r.model());
            g.writeStringField("framework", r.framework());
            g.writeStringField("mode", r.mode());
            g.writeStringField("weights", r.weights());
            g.writeObjectFieldStart("params");
            for (Map.Entry<String, BigDecimal> p : r.params().entrySet()) {
                g.writeFieldName(p.getKey());
                g.writeNumber(p.getValue());
            }
            g.writeEndObject();
            if (!r.paramsFrom().isEmpty()) {
                g.writeObjectFieldStart("params_from");
                for (Map.Entry<String, String> p : r.paramsFrom().entrySet()) {
                    g.writeStringField(p.getKey(), p.getValue());
                }
                g.writeEndObject();
            }
            writeTraffic(g, r.traffic());
            writeInputs(g, r, "public_inputs");
            g.writeFieldName("total");
            writeCost(g, r.total(), r.traffic());
            if (r.setup() != null) {
                writeSetup(g, r.setup(), r.traffic());
            }
            if (r.training() != null) {
                writeTraining(g, r.training(), r.traffic());
            }
            g.writeFieldName("tree");
            writeNode(g, r.tree(), r.traffic());
            writeUnsupported(g, r.unsupported());
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

    /** Who sends the bits: the split, the parties (per party) or their count, and the framework's reason. */
    static void writeTraffic(JsonGenerator g, Traffic t) throws IOException {
        g.writeObjectFieldStart("traffic");
        g.writeStringField("split", t.split());
        if (t.perParty()) {
            g.writeArrayFieldStart("parties");
            for (String p : t.parties()) {
                g.writeString(p);
            }
            g.writeEndArray();
        } else {
            g.writeNumberField("party_count", t.count());
        }
        if (!t.why().isEmpty()) {
            g.writeStringField("why", t.why());
        }
        g.writeEndObject();
    }

    /** The one-time session setup before the online window: its own line, never part of the totals. */
    static void writeSetup(JsonGenerator g, CostNode setup, Traffic traffic) throws IOException {
        g.writeObjectFieldStart("setup");
        g.writeStringField("protocol", setup.protocol());
        g.writeStringField("source", setup.source());
        Cost c = setup.total();
        writePhase(g, "bits", c.onlineBits().add(c.offlineBits()), c.onlineRounds().add(c.offlineRounds()),
                c.onlineSent().plus(c.onlineBits(), c.offlineSent(), c.offlineBits()), traffic, false);
        g.writeEndObject();
    }

    /**
     * The data inputs taken as public, each with why ({@code --public} or the mask-and-position default), and the
     * embedding policy with the number of lookups by the data holder's token ids it decided; {@code listName} is
     * the public inputs' field (the JSON contract's snake case, or the HTML page's data).
     */
    static void writeInputs(JsonGenerator g, ProfileResult r, String listName) throws IOException {
        g.writeArrayFieldStart(listName);
        for (var e : r.publicInputs()) {
            g.writeStartObject();
            g.writeStringField("input", e.input());
            g.writeStringField("reason", e.reason());
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeObjectFieldStart("embedding");
        g.writeStringField("policy", r.embedding().policy());
        g.writeNumberField("lookups", r.embedding().lookups());
        g.writeEndObject();
    }

    /** A training step: its loss and optimizer, and the cost of each phase (they add up to the total). */
    private static void writeTraining(JsonGenerator g, ProfileResult.Training t, Traffic traffic) throws IOException {
        g.writeStringField("loss", t.loss());
        g.writeStringField("optimizer", t.optimizer());
        g.writeObjectFieldStart("phases");
        for (Map.Entry<String, Cost> phase : t.phases().entrySet()) {
            g.writeFieldName(phase.getKey());
            writeCost(g, phase.getValue(), traffic);
        }
        g.writeEndObject();
    }

    /** The ops that were not costed, as the JSON contract and the HTML report's data both list them. */
    static void writeUnsupported(JsonGenerator g, java.util.List<UnsupportedOp> unsupported) throws IOException {
        g.writeArrayFieldStart("unsupported");
        for (UnsupportedOp u : unsupported) {
            g.writeStartObject();
            g.writeStringField("op", u.op());
            g.writeNumberField("count", u.count());
            g.writeStringField("example", u.example());
            g.writeStringField("reason", u.reason());
            g.writeEndObject();
        }
        g.writeEndArray();
    }

    static void writeCost(JsonGenerator g, Cost c, Traffic traffic) throws IOException {
        g.writeStartObject();
        writePhases(g, c, traffic);
        g.writeEndObject();
    }

    static void writePhases(JsonGenerator g, Cost c, Traffic traffic) throws IOException {
        writePhase(g, "online", c.onlineBits(), c.onlineRounds(), c.onlineSent(), traffic, true);
        writePhase(g, "offline", c.offlineBits(), c.offlineRounds(), c.offlineSent(), traffic, true);
    }

    /** {@code "name": {"bits", "rounds", "parties": {party: bits sent}}}, or the fields alone when not nested. */
    private static void writePhase(JsonGenerator g, String name, BigInteger bits, BigInteger rounds, Sent sent,
                                   Traffic traffic, boolean nested) throws IOException {
        if (nested) {
            g.writeObjectFieldStart(name);
        }
        g.writeFieldName("bits");
        g.writeNumber(bits);
        g.writeFieldName("rounds");
        g.writeNumber(rounds);
        if (traffic.perParty() && sent.known()) {
            g.writeObjectFieldStart("parties");
            for (int i = 0; i < traffic.parties().size(); i++) {
                g.writeFieldName(traffic.parties().get(i));
                g.writeNumber(sent.byParty().get(i));
            }
            g.writeEndObject();
        }
        if (nested) {
            g.writeEndObject();
        }
    }

    private static void writeNode(JsonGenerator g, TreeNode n, Traffic traffic) throws IOException {
        g.writeStartObject();
        g.writeStringField("name", n.name());
        g.writeStringField("kind", n.kind().name().toLowerCase(java.util.Locale.ROOT));
        if (n.kind() == TreeNode.Kind.OP) {
            g.writeStringField("op", n.detail());
            g.writeStringField("note", n.note());
            if (!n.origin().isEmpty()) {
                g.writeStringField("origin", n.origin());
            }
        } else if (n.kind() == TreeNode.Kind.PROTOCOL) {
            g.writeStringField("protocol", n.detail());
            g.writeObjectFieldStart("args");
            for (Map.Entry<String, Rational> a : n.args().entrySet()) {
                g.writeFieldName(a.getKey());
                if (a.getValue().isInteger()) {
                    g.writeNumber(a.getValue().toBigIntegerExact());
                } else {
                    g.writeString(a.getValue().toString());
                }
            }
            g.writeEndObject();
            g.writeFieldName("repeat");
            g.writeNumber(n.repeat());
            g.writeStringField("source", n.note());
        }
        writePhases(g, n.total(), traffic);
        g.writeArrayFieldStart("children");
        for (TreeNode child : n.children()) {
            writeNode(g, child, traffic);
        }
        g.writeEndArray();
        g.writeEndObject();
    }
}
