package org.hawkeye.engine.report;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.hawkeye.engine.ProfileResult;
import org.hawkeye.engine.UnsupportedOp;
import org.hawkeye.engine.cost.Cost;
import org.hawkeye.engine.cost.Sent;
import org.hawkeye.engine.cost.Traffic;
import org.hawkeye.engine.tree.TreeNode;

/**
 * The tree as a table down to a depth: online and offline communication, rounds, and each node's share of
 * all bits; when the framework splits traffic per party, a column per party with the online bits it sends. Nodes
 * that cost nothing are folded into a count, so that shape arithmetic does not drown the layers. Below the table:
 * the totals (per party too), the one-time setup on its own line, and what was not costed.
 */
public final class TextReport {
    private TextReport() {
    }

    public static String render(ProfileResult r, int depth) {
        StringBuilder sb = new StringBuilder();
        sb.append(r.model()).append(" under ").append(r.framework()).append(" (").append(r.mode())
                .append(", weights ").append(r.weights()).append(")\n");
        sb.append("params: ").append(r.params().entrySet().stream()
                .map(e -> e.getKey() + "=" + e.getValue().toPlainString()).collect(Collectors.joining(" ")))
                .append("\n");
        sb.append(inputs(r)).append('\n');
        List<String[]> rows = new ArrayList<>();
        List<String> head = new ArrayList<>(List.of("path", "online"));
        Traffic traffic = r.traffic();
        traffic.parties().forEach(p -> head.add("by " + p));
        head.addAll(List.of("rounds", "offline", "rounds", "share"));
        rows.add(head.toArray(String[]::new));
        BigInteger all = r.total().totalBits();
        collect(r.tree(), 0, depth, all, traffic, rows);
        sb.append(table(rows));
        Cost t = r.total();
        sb.append("\ntotal online:  ").append(Units.bytes(t.onlineBits())).append(" (").append(t.onlineBits())
                .append(" bits), ").append(t.onlineRounds()).append(" rounds").append(sentBy(traffic, t.onlineSent()))
                .append('\n');
        sb.append("total offline: ").append(Units.bytes(t.offlineBits())).append(" (").append(t.offlineBits())
                .append(" bits), ").append(t.offlineRounds()).append(" rounds").append(sentBy(traffic, t.offlineSent()))
                .append('\n');
        if (traffic.symmetric()) {
            sb.append("traffic: symmetric, each of the ").append(traffic.count()).append(" parties sends 1/")
                    .append(traffic.count()).append(" of the bits\n");
        }
        if (r.setup() != null) {
            Cost s = r.setup().total();
            BigInteger bits = s.totalBits();
            sb.append("one-time setup (before the online window, not in the totals): ").append(Units.bytes(bits))
                    .append(" (").append(bits).append(" bits)")
                    .append(sentBy(traffic, s.onlineSent().plus(s.onlineBits(), s.offlineSent(), s.offlineBits())))
                    .append('\n');
        }
        if (r.training() != null) {
            sb.append(phases(r.training(), all));
        }
        if (!r.unsupported().isEmpty()) {
            sb.append("\nNOT COSTED (totals are lower bounds; --strict makes this an error):\n");
            for (UnsupportedOp u : r.unsupported()) {
                sb.append("  ").append(u.op()).append(" x").append(u.count()).append(" (e.g. ")
                        .append(u.example()).append("): ").append(u.reason()).append('\n');
            }
        }
        return sb.toString();
    }

    /** The data inputs taken as public and why, and the embedding policy with the lookups it decided. */
    static String inputs(ProfileResult r) {
        StringBuilder sb = new StringBuilder();
        if (!r.publicInputs().isEmpty()) {
            sb.append("public inputs: ").append(r.publicInputs().stream().map(e -> e.input() + " (" + e.reason() + ")")
                    .collect(Collectors.joining(", "))).append('\n');
        }
        if (r.embedding().lookups() > 0) {
            sb.append("embedding: ").append(r.embedding().policy()).append(", ").append(r.embedding().lookups())
                    .append(r.embedding().lookups() == 1 ? " lookup" : " lookups")
                    .append(" by the data holder's token ids\n");
        }
        return sb.toString();
    }

    /** The training step's phases, which add up to the totals above. */
    private static String phases(ProfileResult.Training t, BigInteger all) {
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"phase", "online", "rounds", "offline", "rounds", "share"});
        t.phases().forEach((name, c) -> rows.add(new String[] {name, Units.bytes(c.onlineBits()),
                c.onlineRounds().toString(), Units.bytes(c.offlineBits()), c.offlineRounds().toString(),
                Units.percent(c.totalBits(), all)}));
        return "\ntraining step (loss " + t.loss() + ", optimizer " + t.optimizer() + "):\n" + table(rows);
    }

    /** "; sent by server 389.6 MiB, client 92.1 MiB", or nothing when the split is unknown. */
    static String sentBy(Traffic traffic, Sent sent) {
        if (!traffic.perParty() || !sent.known() || sent.sum().signum() == 0) {
            return "";
        }
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < traffic.parties().size(); i++) {
            parts.add(traffic.parties().get(i) + " " + Units.bytes(sent.byParty().get(i)));
        }
        return "; sent by " + String.join(", ", parts);
    }

    private static void collect(TreeNode node, int level, int depth, BigInteger all, Traffic traffic,
                                List<String[]> rows) {
        Cost c = node.total();
        String label = "  ".repeat(level) + node.name()
                + (node.kind() == TreeNode.Kind.PROTOCOL && node.repeat().compareTo(BigInteger.ONE) > 0
                        ? " x" + node.repeat() : "")
                + (node.kind() == TreeNode.Kind.OP && !node.name().equals(node.detail()) ? " (" + node.detail() + ")"
                        : "");
        List<String> row = new ArrayList<>(List.of(label, Units.bytes(c.onlineBits())));
        for (int i = 0; i < traffic.parties().size(); i++) {
            row.add(c.onlineSent().known() ? Units.bytes(c.onlineSent().byParty().get(i)) : "?");
        }
        row.addAll(List.of(c.onlineRounds().toString(), Units.bytes(c.offlineBits()), c.offlineRounds().toString(),
                Units.percent(c.totalBits(), all)));
        rows.add(row.toArray(String[]::new));
        if (level >= depth) {
            return;
        }
        int hidden = 0;
        for (TreeNode child : node.children()) {
            if (child.total().isZero()) {
                hidden++;
            } else {
                collect(child, level + 1, depth, all, traffic, rows);
            }
        }
        if (hidden > 0) {
            String[] free = new String[row.size()];
            java.util.Arrays.fill(free, "");
            free[0] = "  ".repeat(level + 1) + "(" + hidden + " free)";
            rows.add(free);
        }
    }

    /** A table with every column left-aligned (for text, not numbers). */
    public static String plainTable(List<String[]> rows) {
        return layout(rows, false);
    }

    /** Left-aligned first column, right-aligned numbers. */
    static String table(List<String[]> rows) {
        return layout(rows, true);
    }

    private static String layout(List<String[]> rows, boolean numbersRight) {
        int cols = rows.get(0).length;
        int[] width = new int[cols];
        for (String[] row : rows) {
            for (int i = 0; i < cols; i++) {
                width[i] = Math.max(width[i], row[i].length());
            }
        }
        StringBuilder sb = new StringBuilder();
        for (String[] row : rows) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < cols; i++) {
                String pad = " ".repeat(width[i] - row[i].length());
                boolean right = numbersRight && i > 0;
                line.append(i == 0 ? "" : "  ").append(right ? pad + row[i] : row[i] + pad);
            }
            sb.append(line.toString().stripTrailing()).append('\n');
        }
        return sb.toString();
    }

    /** A comparison of several profiles of one model (used by demo): one row per framework. */
    public static String comparison(String model, Map<String, ProfileResult> byFramework) {
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"framework", "online", "rounds", "offline", "rounds", "not costed"});
        byFramework.forEach((name, r) -> rows.add(new String[] {name, Units.bytes(r.total().onlineBits()),
                r.total().onlineRounds().toString(), Units.bytes(r.total().offlineBits()),
                r.total().offlineRounds().toString(), r.unsupported().isEmpty() ? "-"
                        : r.unsupported().stream().map(u -> u.op() + " x" + u.count()).collect(Collectors.joining(", "))}));
        return model + "\n" + table(rows);
    }
}
