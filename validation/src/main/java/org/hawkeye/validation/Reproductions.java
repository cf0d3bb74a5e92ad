package org.hawkeye.validation;

import java.io.IOException;
import java.math.BigDecimal;
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
import org.hawkeye.engine.cost.Cost;
import org.hawkeye.engine.report.TextReport;
import org.hawkeye.specs.ClasspathFolder;
import org.hawkeye.specs.ProfilerException;
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
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".yaml")).sorted().toList()) {
                String shown = "validation/src/main/resources/reproduce/" + f.getFileName();
                Reproduction r = reader.read(shown, Files.readString(f, StandardCharsets.UTF_8), Reproduction.class)
                        .value();
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
        Scopes scopes = new Scopes(categories);
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"model", "column", "measured", "HawkEye", "dev %", "hawkeye", "dev %"});
        for (Reproduction.Row row : r.rows()) {
            ProfileOptions options = ProfileOptions.of(r.framework()).withParams(row.params()).withBatch(row.batch())
                    .withWeights(row.weights() == null ? null : WeightsMode.parse(row.weights()));
            ProfileResult result = profiler.profile(root.resolve(row.model()), options);
            for (int i = 0; i < r.columns().size(); i++) {
                Cost c = scopes.cost(result, r.columns().get(i).scope());
                BigDecimal ours = Units.fromBase(r.metric(), new BigDecimal(Scopes.pick(c, r.phase(), r.metric())),
                        r.unit());
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
        return r.title() + "\n" + r.framework() + ", " + r.phase() + " " + r.metric() + " in " + r.unit()
                + "; source: " + r.source() + "\n\n" + TextReport.plainTable(rows)
                + (r.note() == null ? "" : "\n" + r.note() + "\n");
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
