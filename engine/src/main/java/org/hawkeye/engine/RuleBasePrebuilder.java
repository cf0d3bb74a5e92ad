package org.hawkeye.engine;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import org.hawkeye.engine.lowering.PrebuiltRules;
import org.hawkeye.engine.lowering.RuleBase;
import org.hawkeye.specs.ProfilerException;
import org.hawkeye.specs.SpecLibrary;

/**
 * Run by the build (engine's pom, after compiling): compiles the rule base of every built-in framework, as a profile
 * without what-if rewrites uses it, into the classes folder, so the jar ships them ({@link PrebuiltRules}). A
 * framework whose rules do not compile is left out with a warning: the tests name the error, and a run reports it
 * as it would without prebuilt rules.
 */
public final class RuleBasePrebuilder {
    private RuleBasePrebuilder() {
    }

    /** {@code args[0]}: the classes folder to write {@code hawkeye-rules/} into. */
    public static void main(String[] args) throws IOException {
        Path classes = Path.of(args[0]);
        Path dir = classes.resolve(PrebuiltRules.INDEX).getParent();
        SpecLibrary library = SpecLibrary.load(List.of());
        Profiler profiler = new Profiler(library);
        List<String> phases = library.common().pipeline().phaseNames();
        Properties index = new Properties();
        if (Files.isDirectory(dir)) {
            try (var old = Files.list(dir)) {
                for (Path p : old.toList()) {
                    Files.delete(p);  // entries of edited rules would only make the jar bigger
                }
            }
        }
        for (String name : library.names()) {
            try {
                index.setProperty(name, RuleBase.prebuild(profiler.ruleFiles(library.framework(name), List.of()),
                        phases, dir));
            } catch (ProfilerException e) {
                System.err.println("[WARNING] hawkeye: no built-in rule base for " + name + ": " + e.getMessage());
            }
        }
        Files.createDirectories(dir);
        try (OutputStream out = Files.newOutputStream(classes.resolve(PrebuiltRules.INDEX))) {
            index.store(out, "built-in framework -> its compiled rule base (" + dir.getFileName() + "/KEY.bin)");
        }
    }
}
