package org.hawkeye.engine.lowering;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Which rules fired in this JVM, for the rule-coverage check of the build: with {@code -Dhawkeye.coverage.dir=DIR}
 * (the test runs set it, one folder per build) every firing is recorded as its package and rule name, and the set is
 * written to a file in DIR when the JVM ends, named after {@code -Dhawkeye.coverage.module} (which module's tests
 * fired them). Without the property nothing is recorded.
 */
public final class RuleCoverage {
    private static final String DIR = System.getProperty("hawkeye.coverage.dir");
    private static final Set<String> FIRED = ConcurrentHashMap.newKeySet();

    static {
        if (DIR != null) {
            Runtime.getRuntime().addShutdownHook(new Thread(RuleCoverage::write, "hawkeye-rule-coverage"));
        }
    }

    private RuleCoverage() {
    }

    static void fired(String pkg, String rule) {
        if (DIR != null) {
            FIRED.add(key(pkg, rule));
        }
    }

    /** How a fired rule is written: its package, a tab, its name. */
    public static String key(String pkg, String rule) {
        return pkg + "\t" + rule;
    }

    private static void write() {
        try {
            Path dir = Path.of(DIR);
            Files.createDirectories(dir);
            String module = System.getProperty("hawkeye.coverage.module", "unknown");
            Path file = dir.resolve("fired-" + module + "-" + ProcessHandle.current().pid() + "-" + System.nanoTime()
                    + ".txt");
            Files.write(file, new TreeSet<>(FIRED), StandardCharsets.UTF_8);
        } catch (IOException e) {
            System.err.println("hawkeye: cannot write rule coverage to " + DIR + ": " + e.getMessage());
        }
    }
}
