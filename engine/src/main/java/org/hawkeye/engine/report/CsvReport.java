package org.hawkeye.engine.report;

import java.util.List;
import java.util.Locale;
import org.hawkeye.engine.ProfileResult;
import org.hawkeye.engine.cost.Cost;
import org.hawkeye.engine.cost.Sent;
import org.hawkeye.engine.cost.Traffic;
import org.hawkeye.engine.tree.TreeNode;

/**
 * The prefix tree as CSV (RFC 4180), one row per node, for spreadsheets and pandas. A protocol row carries the
 * op type of the op above it, so that a pivot by op type needs no tree walk. Bits and rounds are exact integers.
 * In a training step, {@code phase} is the op's phase (forward, backward, update), also on its protocol rows, and
 * on a module row the phase all its ops share (empty when they differ, and for inference). When the framework splits
 * traffic per party, {@code online_bits_by_party} and {@code offline_bits_by_party} hold each party's sent bits as
 * {@code server=N;client=M} (empty otherwise).
 */
public final class CsvReport {
    static final String HEADER =
            "model,path,kind,op,protocol,repeat,online_bits,online_rounds,offline_bits,offline_rounds,phase,"
            + "online_bits_by_party,offline_bits_by_party";

    private CsvReport() {
    }

    /** One model; several models share one header (see {@link #render(List)}). */
    public static String render(ProfileResult r) {
        return render(List.of(r));
    }

    public static String render(List<ProfileResult> results) {
        StringBuilder sb = new StringBuilder(HEADER).append("\r\n");
        for (ProfileResult r : results) {
            row(sb, r, "/", r.tree(), "", r.tree().phase());
            for (TreeNode child : r.tree().children()) {
                rows(sb, r, "", child, "", "");
            }
        }
        return sb.toString();
    }

    private static void rows(StringBuilder sb, ProfileResult r, String prefix, TreeNode node, String opType,
                             String opPhase) {
        String path = prefix + "/" + node.name();
        String op = node.kind() == TreeNode.Kind.OP ? node.detail() : opType;
        String phase = node.kind() == TreeNode.Kind.PROTOCOL ? opPhase : node.phase();
        row(sb, r, path, node, op, phase);
        for (TreeNode child : node.children()) {
            rows(sb, r, path, child, op, phase);
        }
    }

    private static void row(StringBuilder sb, ProfileResult r, String path, TreeNode n, String opType, String phase) {
        String model = r.model();
        Cost c = n.total();
        String protocol = n.kind() == TreeNode.Kind.PROTOCOL ? n.detail() : "";
        String repeat = n.kind() == TreeNode.Kind.PROTOCOL ? n.repeat().toString() : "";
        sb.append(field(model)).append(',').append(field(path)).append(',')
                .append(n.kind().name().toLowerCase(Locale.ROOT)).append(',').append(field(opType)).append(',')
                .append(field(protocol)).append(',').append(repeat).append(',')
                .append(c.onlineBits()).append(',').append(c.onlineRounds()).append(',')
                .append(c.offlineBits()).append(',').append(c.offlineRounds()).append(',').append(phase)
                .append(',').append(byParty(r.traffic(), c.onlineSent())).append(',')
                .append(byParty(r.traffic(), c.offlineSent())).append("\r\n");
    }

    /** "server=N;client=M", or empty when the split is unknown. */
    static String byParty(Traffic traffic, Sent sent) {
        if (!traffic.perParty() || !sent.known()) {
            return "";
        }
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < traffic.parties().size(); i++) {
            sb.append(i == 0 ? "" : ";").append(traffic.parties().get(i)).append('=').append(sent.byParty().get(i));
        }
        return sb.toString();
    }

    /** Quotes a field that holds a comma, a quote or a line break, doubling inner quotes (RFC 4180). */
    static String field(String s) {
        if (s.indexOf(',') < 0 && s.indexOf('"') < 0 && s.indexOf('\n') < 0 && s.indexOf('\r') < 0) {
            return s;
        }
        return '"' + s.replace("\"", "\"\"") + '"';
    }
}
