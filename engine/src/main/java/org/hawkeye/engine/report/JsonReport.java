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
import org.hawkeye.engine.tree.TreeNode;
import org.hawkeye.grammar.Rational;

/**
 * The JSON contract (documented in docs/json.md): model, framework, mode, weights, params, total, (for a training
 * step: loss, optimizer, phases), tree, unsupported, complete. Bits and rounds are exact JSON integers, however large.
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
            g.writeFieldName("total");
            writeCost(g, r.total());
            if (r.training() != null) {
                writeTraining(g, r.training());
            }
            g.writeFieldName("tree");
            writeNode(g, r.tree());
            writeUnsupported(g, r.unsupported());
            g.writeBooleanField("complete", r.complete());
            if (network != null) {
                TimeJson.write(g, network, r.total());
            }
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString() + System.lineSeparator();
    }

    /** A training step: its loss and optimizer, and the cost of each phase (they add up to the total). */
    private static void writeTraining(JsonGenerator g, ProfileResult.Training t) throws IOException {
        g.writeStringField("loss", t.loss());
        g.writeStringField("optimizer", t.optimizer());
        g.writeObjectFieldStart("phases");
        for (Map.Entry<String, Cost> phase : t.phases().entrySet()) {
            g.writeFieldName(phase.getKey());
            writeCost(g, phase.getValue());
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

    static void writeCost(JsonGenerator g, Cost c) throws IOException {
        g.writeStartObject();
        writePhase(g, "online", c.onlineBits(), c.onlineRounds());
        writePhase(g, "offline", c.offlineBits(), c.offlineRounds());
        g.writeEndObject();
    }

    private static void writePhase(JsonGenerator g, String name, BigInteger bits, BigInteger rounds)
            throws IOException {
        g.writeObjectFieldStart(name);
        g.writeFieldName("bits");
        g.writeNumber(bits);
        g.writeFieldName("rounds");
        g.writeNumber(rounds);
        g.writeEndObject();
    }

    private static void writeNode(JsonGenerator g, TreeNode n) throws IOException {
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
        Cost c = n.total();
        writePhase(g, "online", c.onlineBits(), c.onlineRounds());
        writePhase(g, "offline", c.offlineBits(), c.offlineRounds());
        g.writeArrayFieldStart("children");
        for (TreeNode child : n.children()) {
            writeNode(g, child);
        }
        g.writeEndArray();
        g.writeEndObject();
    }
}
