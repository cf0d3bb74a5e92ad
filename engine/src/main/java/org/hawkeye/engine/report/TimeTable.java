package org.hawkeye.engine.report;

import java.util.ArrayList;
import java.util.List;
import org.hawkeye.engine.ProfileResult;
import org.hawkeye.engine.cost.Cost;
import org.hawkeye.engine.cost.Traffic;

/** Estimated times as text: under one model's report, and the summary table of several models. */
public final class TimeTable {
    private TimeTable() {
    }

    /** "estimated time ..." then a line per network with the online and offline phase. */
    public static String forTotal(Cost total, Traffic traffic, List<Network> networks) {
        List<String[]> rows = new ArrayList<>();
        for (Network n : networks) {
            Network.Estimate e = n.estimate(total, traffic);
            rows.add(new String[] {"  " + n.name(), "(" + n.describe() + ")",
                    "online " + Network.duration(e.onlineSeconds().doubleValue()),
                    "offline " + Network.duration(e.offlineSeconds().doubleValue())});
        }
        return "estimated network time (full duplex: bits of the busier direction / bandwidth + rounds x RTT; "
                + "computation not counted):\n"
                + TextReport.plainTable(rows);
    }

    /** One row per model: totals, the estimated time (both phases) per network, and what was not costed. */
    public static String summary(List<ProfileResult> results, List<Network> networks) {
        List<String[]> rows = new ArrayList<>();
        List<String> head = new ArrayList<>(List.of("model", "online", "rounds", "offline", "rounds"));
        networks.forEach(n -> head.add("time " + n.name()));
        head.add("not costed");
        rows.add(head.toArray(String[]::new));
        for (ProfileResult r : results) {
            Cost t = r.total();
            List<String> row = new ArrayList<>(List.of(r.model(), Units.bytes(t.onlineBits()),
                    t.onlineRounds().toString(), Units.bytes(t.offlineBits()), t.offlineRounds().toString()));
            networks.forEach(n -> row.add(Network.duration(n.estimate(t, r.traffic()).totalSeconds().doubleValue())));
            int missing = r.unsupported().stream().mapToInt(u -> u.count()).sum();
            row.add(missing == 0 ? "-" : missing + " node(s), " + r.unsupported().size() + " type(s)");
            rows.add(row.toArray(String[]::new));
        }
        return "summary of " + results.size() + " models under " + results.get(0).framework() + "\n"
                + TextReport.table(rows);
    }
}
