package org.hawkeye.engine.report;

import java.util.ArrayList;
import java.util.List;
import org.hawkeye.engine.cost.Cost;
import org.hawkeye.engine.generate.Generation;
import org.hawkeye.engine.generate.Polynomial;
import org.hawkeye.engine.tree.ModelPart;

/**
 * A generation as one HTML page: the prefill and the whole run as cards, a line chart of the cost of each
 * generated token split into attention, MLP, norm, embedding, head (and other), the exact per-token cost in the
 * cache length, and a table of the steps.
 */
public final class GenerationHtml {
    private GenerationHtml() {
    }

    public static String render(Generation.Result r, List<Network> networks) {
        SeriesPage page = new SeriesPage();
        page.title = r.model() + " generating under " + r.framework();
        page.subtitle = "prompt " + r.prompt() + " tokens, " + r.newTokens() + " new tokens, weights " + r.weights()
                + (r.batch() == null ? "" : ", batch " + r.batch()) + "; bits are what all parties send together, "
                + "rounds are sequential communication rounds";
        page.params = r.params();
        page.networks = networks;
        page.traffic = r.traffic();
        page.unsupported = r.unsupported();
        Generation.Step prefill = r.steps().get(0);
        List<Generation.Step> decode = r.decode();
        page.cards.add(card("Whole run", r.total(), "prefill + " + decode.size() + " decode steps"));
        page.cards.add(card("Prefill", prefill.cost(), prefill.tokensIn() + " tokens, empty cache"));
        page.cards.add(card("First token", decode.get(0).cost(), "cache " + decode.get(0).cache()));
        Generation.Step last = decode.get(decode.size() - 1);
        page.cards.add(card("Last token", last.cost(), "cache " + last.cache()));
        for (Network n : networks) {
            Network.Estimate e = n.estimate(r.total(), r.traffic());
            page.cards.add(new SeriesPage.Card("Time on " + n.name(), Network.duration(e.totalSeconds().doubleValue()),
                    "whole run; online " + Network.duration(e.onlineSeconds().doubleValue()) + " (" + n.describe()
                            + ")", n.source()));
        }
        page.chartTitle = "Cost per generated token";
        page.chartNote = "Decode step t takes one new token with a cache of " + r.prompt() + " + t - 1 tokens; each "
                + "line is one part of the model (by its module path, model-parts.properties), the dashed line the "
                + "whole step. The prefill is in the cards and the table.";
        page.xLabel = "generated token t";
        List<Long> xs = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        for (Generation.Step s : decode) {
            xs.add((long) s.index());
            notes.add("cache " + s.cache() + " tokens");
        }
        page.xs = xs;
        page.xNotes = notes;
        for (ModelPart p : ModelPart.values()) {
            List<Cost> points = decode.stream().map(s -> s.parts().get(p)).toList();
            if (p != ModelPart.OTHER || points.stream().anyMatch(c -> !c.isZero())) {
                page.series.add(new SeriesPage.Series(p.label(), false, points));
            }
        }
        page.series.add(new SeriesPage.Series("whole step", true, decode.stream().map(Generation.Step::cost).toList()));
        page.fitsNote = "One decode step as an exact polynomial in the tokens in its cache, fitted on the first steps "
                + "and confirmed on every later one.";
        if (decode.size() >= 2) {
            GenerationReport.perToken(r).forEach((m, fit) -> {
                if (Polynomial.zero(fit)) {
                    return;
                }
                page.fits.add(m.label() + " = " + Polynomial.describe(fit, decode.size()));
                if (fit.isEmpty()) {
                    GenerationReport.pieceLines(GenerationReport.pieces(r, m)).forEach(l -> page.fits.add("    " + l));
                }
            });
        }
        page.tableTitle = "Steps";
        List<String> head = new ArrayList<>(List.of("step", "tokens in", "cache", "online", "rounds", "offline",
                "rounds"));
        for (ModelPart p : ModelPart.values()) {
            head.add(p.label());
        }
        page.tableHead = head;
        for (Generation.Step s : r.steps()) {
            Cost c = s.cost();
            List<String> row = new ArrayList<>(List.of(s.prefill() ? "prefill" : Integer.toString(s.index()),
                    Long.toString(s.tokensIn()), Long.toString(s.cache()), Units.bytes(c.onlineBits()),
                    c.onlineRounds().toString(), Units.bytes(c.offlineBits()), c.offlineRounds().toString()));
            for (ModelPart p : ModelPart.values()) {
                row.add(Units.bytes(s.parts().get(p).totalBits()));
            }
            page.tableRows.add(row);
        }
        return page.render();
    }

    private static SeriesPage.Card card(String label, Cost c, String what) {
        return new SeriesPage.Card(label, Units.bytes(c.totalBits()), "online " + Units.bytes(c.onlineBits()) + ", "
                + c.onlineRounds() + " rounds; offline " + Units.bytes(c.offlineBits()) + ", " + c.offlineRounds()
                + " rounds; " + what, c.onlineBits() + " online bits");
    }
}
