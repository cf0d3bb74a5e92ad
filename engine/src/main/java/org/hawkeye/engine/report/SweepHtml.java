package org.hawkeye.engine.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hawkeye.engine.cost.Cost;
import org.hawkeye.engine.generate.Polynomial;
import org.hawkeye.engine.generate.Sweep;

/**
 * A sweep as one HTML page: a line chart with the varied number that has the most values on the x axis and a
 * line per combination of the others, the exact closed forms, and a table of every point.
 */
public final class SweepHtml {
    private SweepHtml() {
    }

    public static String render(Sweep.Result r, List<Network> networks) {
        SeriesPage page = new SeriesPage();
        page.title = r.model() + " swept under " + r.framework();
        page.subtitle = r.points().size() + " profiles, weights " + r.weights() + "; bits are what all parties send "
                + "together, rounds are sequential communication rounds";
        page.params = r.params();
        page.networks = networks;
        page.traffic = r.points().get(0).traffic();
        page.unsupported = r.unsupported();
        Sweep.Variable x = xAxis(r);
        Cost max = r.points().stream().map(Sweep.Point::cost)
                .max(Comparator.comparing(Cost::totalBits)).orElse(Cost.ZERO);
        Cost min = r.points().stream().map(Sweep.Point::cost)
                .min(Comparator.comparing(Cost::totalBits)).orElse(Cost.ZERO);
        page.cards.add(new SeriesPage.Card("Profiles", Integer.toString(r.points().size()), r.vary().stream()
                .map(v -> v.name() + " " + String.join(",", v.values())).reduce((a, b) -> a + "; " + b).orElse(""),
                ""));
        page.cards.add(new SeriesPage.Card("Smallest", Units.bytes(min.totalBits()), min.onlineRounds() + " online "
                + "rounds", min.totalBits() + " bits"));
        page.cards.add(new SeriesPage.Card("Largest", Units.bytes(max.totalBits()), max.onlineRounds() + " online "
                + "rounds", max.totalBits() + " bits"));
        page.chartTitle = "Cost by " + x.name();
        page.chartNote = x.numeric() ? "One line per combination of the other varied names." : x.name() + " is not a "
                + "number: its values are shown in order.";
        page.xLabel = x.name();
        List<Long> xs = new ArrayList<>();
        for (int i = 0; i < x.values().size(); i++) {
            xs.add(x.numeric() ? Long.parseLong(x.values().get(i)) : i);
        }
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < xs.size(); i++) {
            order.add(i);
        }
        order.sort(Comparator.comparing(xs::get));
        page.xs = order.stream().map(xs::get).toList();
        Map<Map<String, String>, Cost[]> lines = new LinkedHashMap<>();
        for (Sweep.Point p : r.points()) {
            Map<String, String> rest = new LinkedHashMap<>(p.values());
            String value = rest.remove(x.name());
            int slot = order.indexOf(x.values().indexOf(value));
            lines.computeIfAbsent(rest, k -> new Cost[xs.size()])[slot] = p.cost();
        }
        lines.forEach((rest, costs) -> page.series.add(new SeriesPage.Series(rest.isEmpty() ? "total"
                : Sweep.describe(rest), false, List.of(costs))));
        page.fitsNote = "Every cost hawkeye computes is exact, so where a cost is a polynomial in a varied number, "
                + "degree + 1 points fix it and the other points confirm it. Metrics that are 0 everywhere are left out.";
        for (Sweep.Fits f : r.fits()) {
            String where = "in " + f.variable() + (f.at().isEmpty() ? "" : ", " + Sweep.describe(f.at())) + ": ";
            f.fits().forEach((m, fit) -> {
                if (!Polynomial.zero(fit)) {
                    page.fits.add(where + m.label() + " = " + Polynomial.describe(fit, f.points()));
                }
            });
        }
        page.tableTitle = "Points";
        List<String> head = new ArrayList<>(r.vary().stream().map(Sweep.Variable::name).toList());
        head.addAll(List.of("online", "rounds", "offline", "rounds", "complete"));
        page.tableHead = head;
        for (Sweep.Point p : r.points()) {
            List<String> row = new ArrayList<>(p.values().values());
            Cost c = p.cost();
            row.addAll(List.of(Units.bytes(c.onlineBits()), c.onlineRounds().toString(),
                    Units.bytes(c.offlineBits()), c.offlineRounds().toString(), p.complete() ? "yes" : "no"));
            page.tableRows.add(row);
        }
        return page.render();
    }

    /** The numeric variable with the most values (the first on a tie), else the first variable. */
    static Sweep.Variable xAxis(Sweep.Result r) {
        Sweep.Variable best = null;
        for (Sweep.Variable v : r.vary()) {
            if (v.numeric() && (best == null || v.values().size() > best.values().size())) {
                best = v;
            }
        }
        return best != null ? best : r.vary().get(0);
    }
}
