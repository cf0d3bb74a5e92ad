package org.hawkeye.engine.report;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.hawkeye.engine.ProfileResult;
import org.hawkeye.engine.UnsupportedOp;
import org.hawkeye.engine.cost.Cost;
import org.hawkeye.engine.cost.Traffic;
import org.hawkeye.engine.tree.TreeNode;

/**
 * Profiles side by side, a column each (one model under several frameworks, or two variants of a model under
 * one framework), with a row per top-level module and the total, in sections: online bits, online rounds,
 * offline bits, offline rounds, and estimated time per network. With exactly two columns and {@code diff},
 * each section adds the change and the change in percent, from the first column to the second.
 */
public final class Comparison {
    private static final String TOTAL = "total";

    private Comparison() {
    }

    /** A metric of a cost, and how to show it and a signed difference of it. */
    private record Metric(String title, java.util.function.BiFunction<Cost, Traffic, BigDecimal> value,
                          Function<BigDecimal, String> show) {
    }

    public static String render(String title, Map<String, ProfileResult> columns, List<Network> networks,
                                boolean diff) {
        List<String> names = new ArrayList<>(columns.keySet());
        Map<String, List<Cost>> rows = rows(columns);
        List<Metric> metrics = new ArrayList<>(List.of(
                new Metric("online bits", (c, t) -> new BigDecimal(c.onlineBits()), Comparison::bytes),
                new Metric("online rounds", (c, t) -> new BigDecimal(c.onlineRounds()), Comparison::count),
                new Metric("offline bits", (c, t) -> new BigDecimal(c.offlineBits()), Comparison::bytes),
                new Metric("offline rounds", (c, t) -> new BigDecimal(c.offlineRounds()), Comparison::count)));
        for (Network n : networks) {
            metrics.add(new Metric("time on " + n.name() + " (" + n.describe() + "), online + offline",
                    (c, t) -> n.estimate(c, t).totalSeconds(), v -> Network.duration(v.doubleValue())));
        }
        List<Traffic> traffic = columns.values().stream().map(ProfileResult::traffic).toList();
        StringBuilder sb = new StringBuilder(title).append("\n");
        List<String> quiet = new ArrayList<>();
        for (Metric m : metrics) {
            List<Cost> totals = rows.get(TOTAL);
            boolean allZero = java.util.stream.IntStream.range(0, totals.size())
                    .allMatch(i -> m.value().apply(totals.get(i), traffic.get(i)).signum() == 0);
            if (allZero) {
                quiet.add(m.title());
                continue;
            }
            sb.append('\n').append(section(m, names, rows, traffic, diff && names.size() == 2));
        }
        if (!quiet.isEmpty()) {
            sb.append("\nzero in every column: ").append(String.join(", ", quiet)).append('\n');
        }
        sb.append(notCosted(columns));
        return sb.toString();
    }

    /** Row name to one cost per column: top-level modules in order of first appearance, then the total. */
    private static Map<String, List<Cost>> rows(Map<String, ProfileResult> columns) {
        Set<String> order = new LinkedHashSet<>();
        for (ProfileResult r : columns.values()) {
            r.tree().children().stream().filter(c -> !c.total().isZero()).forEach(c -> order.add(c.name()));
        }
        Map<String, List<Cost>> rows = new LinkedHashMap<>();
        for (String name : order) {
            List<Cost> costs = new ArrayList<>();
            for (ProfileResult r : columns.values()) {
                costs.add(r.tree().children().stream().filter(c -> c.name().equals(name)).map(TreeNode::total)
                        .reduce(Cost.ZERO, Cost::plus));
            }
            rows.put(name, costs);
        }
        rows.put(TOTAL, columns.values().stream().map(ProfileResult::total).toList());
        return rows;
    }

    private static String section(Metric m, List<String> names, Map<String, List<Cost>> rows, List<Traffic> traffic,
                                  boolean diff) {
        List<String[]> table = new ArrayList<>();
        List<String> head = new ArrayList<>();
        head.add("  module");
        head.addAll(names);
        if (diff) {
            head.add("change");
            head.add("change %");
        }
        table.add(head.toArray(String[]::new));
        rows.forEach((name, costs) -> {
            List<String> row = new ArrayList<>();
            row.add("  " + name);  // indented under the section title
            List<BigDecimal> values = java.util.stream.IntStream.range(0, costs.size())
                    .mapToObj(i -> m.value().apply(costs.get(i), traffic.get(i))).toList();
            values.forEach(v -> row.add(m.show().apply(v)));
            if (diff) {
                BigDecimal change = values.get(1).subtract(values.get(0));
                row.add(change.signum() == 0 ? "0" : (change.signum() > 0 ? "+" : "-") + m.show().apply(change.abs()));
                row.add(percent(values.get(0), values.get(1)));
            }
            table.add(row.toArray(String[]::new));
        });
        return m.title() + "\n" + TextReport.table(table);
    }

    /** The change from a to b in percent with one decimal; "new" and "gone" where one side is zero. */
    static String percent(BigDecimal a, BigDecimal b) {
        if (a.signum() == 0) {
            return b.signum() == 0 ? "-" : "new";
        }
        if (b.signum() == 0) {
            return "gone";
        }
        BigDecimal p = b.subtract(a).multiply(BigDecimal.valueOf(100)).divide(a, 1, RoundingMode.HALF_UP);
        return (p.signum() > 0 ? "+" : "") + p.toPlainString() + "%";
    }

    private static String bytes(BigDecimal bits) {
        return Units.bytes(bits.toBigIntegerExact());
    }

    private static String count(BigDecimal v) {
        return v.toBigIntegerExact().toString();
    }

    private static String notCosted(Map<String, ProfileResult> columns) {
        StringBuilder sb = new StringBuilder();
        columns.forEach((name, r) -> {
            if (!r.complete()) {
                List<String> ops = new ArrayList<>();
                for (UnsupportedOp u : r.unsupported()) {
                    ops.add(u.op() + " x" + u.count());
                }
                sb.append("  ").append(name).append(": ").append(String.join(", ", ops)).append('\n');
            }
        });
        return sb.length() == 0 ? "\nevery op was costed in every column\n"
                : "\nNOT COSTED (those columns are lower bounds):\n" + sb;
    }
}
