package org.hawkeye.validation;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.hawkeye.engine.lowering.RuleBase;
import org.hawkeye.engine.lowering.RuleCatalog;
import org.hawkeye.engine.lowering.RuleCoverage;
import org.hawkeye.specs.CommonRules;
import org.hawkeye.specs.FrameworkFolder;
import org.hawkeye.specs.RuleFile;
import org.hawkeye.specs.SpecLibrary;
import org.junit.jupiter.api.Test;
import org.kie.api.KieBase;
import org.kie.api.definition.KiePackage;
import org.kie.api.definition.rule.Rule;

/**
 * Every rule of every built-in framework (every folder under specs/, and specs/common) fires in some test of this
 * build, so that a rule cannot stop firing unnoticed. The test runs of every module record what fired
 * ({@code hawkeye.coverage.dir}, one folder per build, set in the top pom); validation's pom runs this check after
 * all of them, in phase integration-test, and leaves it out of runs narrowed with {@code -Dtest}.
 * A rule no test reaches gets a test (a case in specs/FRAMEWORK/golden.yaml is the quickest) or is deleted; the
 * allow-list {@value #ALLOWED} names the exceptions, each with why, and they are reported on every run.
 */
class RuleCoverageCheck {
    static final String ALLOWED = "/rule-coverage-allowed.txt";
    /** Rules only the tests over the shared model zoo (beside the checkout, hawkeye.shared.dir) reach. */
    static final String ZOO_ONLY = "/rule-coverage-zoo-only.txt";
    /** The modules whose tests profile models: without their records this build's coverage is not known. */
    private static final List<String> PROFILING_MODULES = List.of("hawkeye-engine", "hawkeye-validation");
    private static final Pattern PACKAGE = Pattern.compile("(?m)^\\s*package\\s+([\\w.]+)");
    private static final Pattern ALLOWED_LINE = Pattern.compile("^(\\S+)\\s+\"([^\"]+)\"\\s*(?:#\\s*(.*))?$");

    /** A rule as authors find it: its file and line, its name, and the frameworks whose rule base holds it. */
    private record Where(String file, int line, String rule, Set<String> frameworks) {
        String key() {
            return file + " \"" + rule + "\"";
        }
    }

    @Test
    void everyRuleOfEveryBuiltInFrameworkFiresInSomeTest() {
        Set<String> fired = firedInThisBuild();
        Map<String, Where> rules = everyBuiltInRule();
        Map<String, String> allowed = allowList(ALLOWED);
        // without the shared zoo its tests skip; the rules only they reach are listed apart and stay required with it
        if (!sharedZooPresent()) {
            allowed.putAll(allowList(ZOO_ONLY));
        }

        Set<String> frameworks = new TreeSet<>();
        rules.values().forEach(w -> frameworks.addAll(w.frameworks()));
        List<String> uncovered = new ArrayList<>();
        List<String> stale = new ArrayList<>();
        int covered = 0;
        for (Map.Entry<String, Where> e : rules.entrySet()) {
            Where w = e.getValue();
            boolean hit = fired.contains(e.getKey());
            covered += hit ? 1 : 0;
            if (!hit && !allowed.containsKey(w.key())) {
                String in = w.frameworks().equals(frameworks) ? "every framework" : String.join(", ", w.frameworks());
                uncovered.add(w.file() + ":" + w.line() + " \"" + w.rule() + "\" (in " + in + ")");
            } else if (hit && allowed.containsKey(w.key())) {
                stale.add(w.key() + ": fires now, take it off the allow-list");
            }
        }
        java.util.Collections.sort(uncovered); // by file: a framework's rules together
        Set<String> known = new TreeSet<>();
        rules.values().forEach(w -> known.add(w.key()));
        allowed.keySet().stream().filter(k -> !known.contains(k))
                .forEach(k -> stale.add(k + ": no built-in framework has this rule, take it off the allow-list"));
        System.out.printf("rule coverage: %d of %d rules of the built-in frameworks fire in a test; %d allowed "
                + "not to (%s)%n", covered, rules.size(), allowed.size(), ALLOWED.substring(1));
        allowed.forEach((k, why) -> System.out.println("  allowed, not fired: " + k + "  # " + why));

        assertThat(stale).as("the allow-list " + ALLOWED.substring(1) + " of validation's test resources is out of "
                + "date").isEmpty();
        assertThat(uncovered).as(uncovered.size() + " rules fire in no test of this build. Give each a test that "
                + "profiles a model on which it fires and checks the cost it gives (a case in specs/FRAMEWORK/"
                + "golden.yaml: one op, its rule, calls and hand-derived bits and rounds; docs/testing.md), or "
                + "delete a rule nothing can reach").isEmpty();
    }

    /** The rules the tests of this build fired, by file and name, from every module's record. */
    private static Set<String> firedInThisBuild() {
        String dirName = System.getProperty("hawkeye.coverage.dir");
        assertThat(dirName).as("hawkeye.coverage.dir (set by the top pom for every test run)").isNotBlank();
        Path dir = Path.of(dirName);
        List<Path> records;
        try (Stream<Path> files = Files.isDirectory(dir) ? Files.list(dir) : Stream.empty()) {
            records = files.filter(p -> p.getFileName().toString().startsWith("fired-")).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        for (String module : PROFILING_MODULES) {
            assertThat(records).as("no record of the rules %s's tests fired in %s: the check needs the whole "
                    + "build's tests (mvn -B verify from the top folder)", module, dir)
                    .anyMatch(p -> p.getFileName().toString().startsWith("fired-" + module + "-"));
        }
        Set<String> byPackage = new TreeSet<>();
        for (Path p : records) {
            try {
                byPackage.addAll(Files.readAllLines(p, StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return byPackage;
    }

    /** Every rule of every built-in framework's rule base (with every what-if rewrite), keyed as fired records it. */
    private static Map<String, Where> everyBuiltInRule() {
        SpecLibrary specs = SpecLibrary.load(List.of());
        CommonRules common = specs.common();
        List<String> phases = common.pipeline().phaseNames();
        Map<String, Where> out = new TreeMap<>();
        for (String name : specs.names()) {
            if (!specs.isBuiltIn(name)) {
                continue;
            }
            FrameworkFolder framework = specs.framework(name);
            List<RuleFile> files = new ArrayList<>(common.rules());
            files.addAll(framework.rules());
            KieBase base = RuleBase.build(files, phases);
            Map<String, RuleCatalog.Entry> located = new LinkedHashMap<>();
            for (RuleCatalog.Entry e : RuleCatalog.of(base, files, phases)) {
                located.put(packageOf(files, e.file()) + "\t" + e.rule(), e);
            }
            for (KiePackage pkg : base.getKiePackages()) {
                for (Rule rule : pkg.getRules()) {
                    String key = RuleCoverage.key(pkg.getName(), rule.getName());
                    RuleCatalog.Entry at = located.get(key);
                    assertThat(at).as("where rule %s of %s is written", key, name).isNotNull();
                    out.computeIfAbsent(key, k -> new Where(at.file(), at.line(), rule.getName(), new TreeSet<>()))
                            .frameworks().add(name);
                }
            }
        }
        assertThat(out).as("rules of the built-in frameworks").hasSizeGreaterThan(250);
        return out;
    }

    private static String packageOf(List<RuleFile> files, String displayPath) {
        for (RuleFile f : files) {
            if (f.displayPath().equals(displayPath)) {
                Matcher m = PACKAGE.matcher(f.text());
                return m.find() ? m.group(1) : "";
            }
        }
        return displayPath;
    }

    private static boolean sharedZooPresent() {
        String shared = System.getProperty("hawkeye.shared.dir");
        return shared != null && Files.isDirectory(Path.of(shared, "models"));
    }

    /** The rules allowed to fire in no test, each with why: "FILE \"RULE\"  # why" per line. */
    private static Map<String, String> allowList(String resource) {
        Map<String, String> out = new TreeMap<>();
        try (InputStream in = RuleCoverageCheck.class.getResourceAsStream(resource)) {
            assertThat(in).as(resource + " in validation's test resources").isNotNull();
            int n = 0;
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                n++;
                String text = line.strip();
                if (text.isEmpty() || text.startsWith("#")) {
                    continue;
                }
                Matcher m = ALLOWED_LINE.matcher(text);
                assertThat(m.matches() && m.group(3) != null && !m.group(3).isBlank())
                        .as(resource + ":" + n + ": write FILE \"RULE\"  # why no test fires it").isTrue();
                out.put(m.group(1) + " \"" + m.group(2) + "\"", m.group(3).strip());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }
}
