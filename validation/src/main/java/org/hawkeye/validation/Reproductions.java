package org.hawkeye.validation;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.hawkeye.engine.ProfileOptions;
import org.hawkeye.engine.ProfileResult;
import org.hawkeye.engine.Profiler;
import org.hawkeye.engine.autograd.TrainingOptions;
import org.hawkeye.engine.cost.Cost;
import org.hawkeye.engine.report.TextReport;
import org.hawkeye.specs.ClasspathFolder;
import org.hawkeye.specs.ProfilerException;
import org.hawkeye.specs.RewriteCatalog;
import org.hawkeye.specs.SpecLibrary;
import org.hawkeye.specs.SpecReader;
import org.hawkeye.specs.WeightsMode;

/** The paper reproductions shipped in reproduce/*.yaml, and the table each one prints. */
public final class Reproductions {
    private final Map<String, Reproduction> byName = new LinkedHashMap<>();
    private final Path root;

    private Reproductions(Path root) {
        this.root = root;
    }

    public static Reproductions load() {
        Path dir = ClasspathFolder.of(Reproductions.class, "reproduce", "index.txt");
        Reproductions all = new Reproductions(dir.toAbsolutePath().getParent());
        SpecReader reader = new SpecReader(Set.of());
        RewriteCatalog rewrites = SpecLibrary.load(List.of()).common().rewrites();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".yaml")).sorted().toList()) {
                String shown = "validation/src/main/resources/reproduce/" + f.getFileName();
                Reproduction r = reader.read(shown, Files.readString(f, StandardCharsets.UTF_8), Reproduction.class)
                        .value();
                for (Reproduction.Row row : r.rows()) {
                    RecordRewrites.parse(row.rewrite(), rewrites, shown, "row '" + row.label() + "'");
                }
                all.byName.put(r.name(), r);
            }
        } catch (IOException e) {
            throw new ProfilerException("reproduce/", "cannot read: " + e.getMessage());
        }
        return all;
    }

    public List<Reproduction> all() {
        return List.copyOf(byName.values());
    }

    public Reproduction get(String name) {
        Reproduction r = byName.get(name);
        if (r == null) {
            throw new ProfilerException("", "unknown reproduction '" + name + "' (known: "
                    + String.join(", ", byName.keySet()) + "; see hawkeye reproduce --list)");
        }
        return r;
    }

    /** The reproduction as a table: per model and column, measured, HawkEye's static value, hawkeye's. */
    public String render(Reproduction r, Profiler profiler, Categories categories) {
        return render(r, profiler, categories, r.framework());
    }

    /**
     * The reproduction profiled under {@code framework} instead of the paper's (e.g. HawkEye's SEMI2K training
     * table under crypten while no SEMI2K spec exists): the paper's numbers stay as they are, for comparison.
     */
    public String render(Reproduction r, Profiler profiler, Categories categories, String framework) {
        return render(r, profiler, categories, framework, Map.of());
    }

    /** As above, with framework parameters set for every row (a row's own params win). */
    public String render(Reproduction r, Profiler profiler, Categories categories, String framework,
                         Map<String, String> params) {
        return render(r, profiler, categories, framework, params, false);
    }

    /** The reproduction's phase and metric of a cost: all parties' bits, or the sending party's when it names one. */
    private static BigInteger pick(ProfileResult result, Cost c, Reproduction r) {
        if (r.party() == null) {
            return Scopes.pick(c, r.phase(), r.metric());
        }
        int p = result.traffic().parties().indexOf(r.party());
        BigInteger bits = p < 0 || !r.metric().equals("bits") ? null : Scopes.pickParty(c, r.phase(), p);
        if (bits == null) {
            throw new ProfilerException(r.name(), "party '" + r.party() + "' sends no " + r.metric()
                    + " in this profile (parties: " + result.traffic().parties() + "; party is for metric bits)");
        }
        return bits;
    }

    /**
     * As above; {@code forced} profiles every row under {@code framework} even where the row names its own (the
     * command line's --framework), otherwise a row's framework wins over the reproduction's.
     */
    public String render(Reproduction r, Profiler profiler, Categories categories, String framework,
                         Map<String, String> params, boolean forced) {
        Scopes scopes = new Scopes(categories);
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"model", "column", "measured", "HawkEye", "dev %", "hawkeye", "dev %"});
        for (Reproduction.Row row : r.rows()) {
            Map<String, String> rowParams = new LinkedHashMap<>(params);
            rowParams.putAll(row.params());
            String under = forced || row.framework() == null ? framework : row.framework();
            ProfileOptions options = ProfileOptions.of(under).withParams(rowParams).withBatch(row.batch())
                    .withWeights(row.weights() == null ? null : WeightsMode.parse(row.weights()))
                    .withTraining(training(row.training()));
            ProfileResult result = RecordRewrites.profile(profiler, root.resolve(row.model()), options, row.rewrite(),
                    r.name(), "row '" + row.label() + "'");
            boolean share = r.unit().equals("%");
            BigInteger whole = pick(result, result.total(), r);
            for (int i = 0; i < r.columns().size(); i++) {
                Cost c = scopes.cost(result, r.columns().get(i).scope());
                if (c == null) {
                    throw new ProfilerException(r.name(), "column '" + r.columns().get(i).name() + "': scope '"
                            + r.columns().get(i).scope() + "' names nothing in the profile of " + row.model());
                }
                BigDecimal base = new BigDecimal(pick(result, c, r));
                BigDecimal ours = share ? (whole.signum() == 0 ? BigDecimal.ZERO : base.multiply(BigDecimal.valueOf(100))
                        .divide(new BigDecimal(whole), MathContext.DECIMAL64))
                        : Units.fromBase(r.metric(), base, r.unit());
                BigDecimal measured = at(row.measured(), i);
                BigDecimal theirs = at(row.hawkeyeStatic(), i);
                rows.add(new String[] {i == 0 ? row.label() : "", r.columns().get(i).name(), show(measured),
                        show(theirs), measured == null || theirs == null ? "-" : dev(theirs, measured), show(ours),
                        measured == null ? "-" : dev(ours, measured)});
            }
            if (!result.complete()) {
                rows.add(new String[] {"", "(not costed: " + result.unsupported().size() + " op types)", "", "", "",
                        "", ""});
            }
        }
        String under = framework.equals(r.framework()) ? r.framework()
                : framework + " (the paper's numbers are " + r.framework() + "'s)";
        String unit = r.unit().equals("%") ? "% of the total" : "in " + r.unit();
        return r.title() + "\n" + under + ", " + r.phase() + " " + r.metric() + " " + unit
                + "; source: " + r.source() + "\n\n" + TextReport.plainTable(rows)
                + (r.note() == null ? "" : "\n" + r.note() + "\n");
    }

    private static TrainingOptions training(Reproduction.Training t) {
        if (t == null) {
            return null;
        }
        TrainingOptions o = TrainingOptions.DEFAULT;
        if (t.loss() != null) {
            o = o.withLoss(TrainingOptions.Loss.parse(t.loss()));
        }
        return t.optimizer() == null ? o : o.withOptimizer(TrainingOptions.Optimizer.parse(t.optimizer()));
    }

    private static BigDecimal at(List<BigDecimal> values, int i) {
        return values == null || i >= values.size() ? null : values.get(i);
    }

    private static String show(BigDecimal v) {
        return v == null ? "-" : v.setScale(2, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString();
    }

    private static String dev(BigDecimal value, BigDecimal measured) {
        BigDecimal d = Harness.deviation(value, measured);
        return (d.signum() > 0 ? "+" : "") + d.setScale(1, RoundingMode.HALF_UP).toPlainString();
    }
}
