package org.hawkeye.validation;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.hawkeye.specs.ClasspathFolder;
import org.hawkeye.specs.ProfilerException;
import org.hawkeye.specs.RewriteCatalog;
import org.hawkeye.specs.SourceLocation;
import org.hawkeye.specs.SpecLibrary;
import org.hawkeye.specs.SpecReader;

/**
 * Every measurement shipped with hawkeye (validation/src/main/resources/measurements/*.yaml), read strictly:
 * a missing field, an unknown key, an unknown unit, metric, phase or scope, a rewrite the catalogue rejects, or a
 * model file that does not exist
 * is an error with file:line:col.
 */
public final class MeasurementCatalog {
    static final String ROOT = "measurements";
    private static final Set<String> PHASES = Set.of("online", "offline", "total");
    private static final Set<String> METRICS = Set.of("bits", "rounds");

    /** A measurement and where it stands. */
    public record Entry(Measurement measurement, SourceLocation location, Path model) {
    }

    private final List<Entry> entries;
    private final Categories categories;

    private MeasurementCatalog(List<Entry> entries, Categories categories) {
        this.entries = List.copyOf(entries);
        this.categories = categories;
    }

    public static MeasurementCatalog load() {
        Path root = ClasspathFolder.of(MeasurementCatalog.class, ROOT, "categories.yaml");
        return load(root, "validation/src/main/resources/" + ROOT);
    }

    /** Reads every *.yaml under {@code root} but categories.yaml; {@code display} prefixes file names in errors. */
    public static MeasurementCatalog load(Path root, String display) {
        SpecReader reader = new SpecReader(Set.of(Measurement.class));
        RewriteCatalog rewrites = SpecLibrary.load(List.of()).common().rewrites();
        Categories categories = reader.read(display + "/categories.yaml", read(root.resolve("categories.yaml")),
                Categories.class).value();
        List<Entry> entries = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        try (Stream<Path> files = Files.list(root)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList()) {
                if (file.getFileName().toString().equals("categories.yaml")) {
                    continue;
                }
                String shown = display + "/" + file.getFileName();
                SpecReader.Read<MeasurementFile> read = reader.read(shown, read(file), MeasurementFile.class);
                for (Measurement m : read.value().cases()) {
                    SourceLocation at = read.locations().getOrDefault(m, new SourceLocation(shown, 1, 1));
                    check(m, at, categories, ids);
                    RecordRewrites.parse(m.rewrite(), rewrites, at.toString(), "case '" + m.id() + "'");
                    Path model = root.toAbsolutePath().getParent().resolve(m.model());
                    if (!Files.isRegularFile(model)) {
                        throw new ProfilerException(at.toString(), "case '" + m.id() + "': model file '" + m.model()
                                + "' does not exist (paths are relative to the folder holding measurements/)");
                    }
                    entries.add(new Entry(m, at, model));
                }
            }
        } catch (IOException e) {
            throw new ProfilerException(display, "cannot list: " + e.getMessage());
        }
        return new MeasurementCatalog(entries, categories);
    }

    private static void check(Measurement m, SourceLocation at, Categories categories, Set<String> ids) {
        String where = at.toString();
        if (!ids.add(m.id())) {
            throw new ProfilerException(where, "case id '" + m.id() + "' is used twice");
        }
        if (!PHASES.contains(m.phase())) {
            throw new ProfilerException(where, "case '" + m.id() + "': phase '" + m.phase()
                    + "' is not one of online, offline, total");
        }
        if (!METRICS.contains(m.metric())) {
            throw new ProfilerException(where, "case '" + m.id() + "': metric '" + m.metric()
                    + "' is not one of bits, rounds");
        }
        if (!Units.isKnown(m.metric(), m.unit())) {
            throw new ProfilerException(where, "case '" + m.id() + "': unknown unit '" + m.unit() + "' for "
                    + m.metric() + " (known: " + Units.known(m.metric()) + ")");
        }
        String scope = m.scope();
        if (!Scopes.isWellFormed(scope, categories)) {
            throw new ProfilerException(where, "case '" + m.id() + "': scope '" + scope + "' is not total, "
                    + "path:/module/path, module:NAME, ops:TYPE,TYPE, calls:PROTOCOL,..., phase:forward|backward|update, "
                    + "without:PROTOCOL,PROTOCOL, setup, SCOPE - SCOPE or category:{"
                    + String.join(",", categories.categories().keySet())
                    + "," + Categories.NONLINEAR + "}");
        }
        if (m.party() != null && !m.metric().equals("bits")) {
            throw new ProfilerException(where, "case '" + m.id() + "': party is only for metric bits (rounds are "
                    + "not sent by one party)");
        }
        if (m.tolerancePct().signum() < 0) {
            throw new ProfilerException(where, "case '" + m.id() + "': tolerance_pct must not be negative");
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ProfilerException(file.toString(), "cannot read: " + e.getMessage());
        }
    }

    public List<Entry> entries() {
        return entries;
    }

    public Categories categories() {
        return categories;
    }

    /** Entries whose id, framework or model contains {@code text}. */
    public List<Entry> filter(String text) {
        if (text == null || text.isEmpty()) {
            return entries;
        }
        return entries.stream().filter(e -> e.measurement().id().contains(text)
                || e.measurement().framework().contains(text) || e.measurement().model().contains(text)).toList();
    }
}
