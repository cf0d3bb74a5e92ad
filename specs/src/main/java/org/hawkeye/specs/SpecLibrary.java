package org.hawkeye.specs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * Every framework hawkeye knows: the built-in folders shipped in the jar plus folders a user gives with
 * {@code --specs DIR} (a framework folder, or a folder of them), which win over a built-in of the same name.
 * Nothing here is compiled per framework: a folder is read, checked and used as it is.
 */
public final class SpecLibrary {
    private static final String RESOURCE_ROOT = "hawkeye-specs";
    private static final String COMMON = "common";

    private final Map<String, Path> folders;
    private final Map<String, String> displayDirs;
    private final java.util.Set<String> builtIns;
    private final Path commonDir;
    private final SpecReader reader = new SpecReader();
    private final Map<String, FrameworkFolder> loaded = new LinkedHashMap<>();
    private CommonRules common;

    private SpecLibrary(Map<String, Path> folders, Map<String, String> displayDirs, java.util.Set<String> builtIns,
                        Path commonDir) {
        this.folders = folders;
        this.displayDirs = displayDirs;
        this.builtIns = builtIns;
        this.commonDir = commonDir;
    }

    /** The built-in frameworks plus those under {@code userDirs}. */
    public static SpecLibrary load(List<Path> userDirs) {
        Map<String, Path> folders = new LinkedHashMap<>();
        Map<String, String> display = new LinkedHashMap<>();
        java.util.Set<String> builtIns = new java.util.HashSet<>();
        Path builtIn = builtInRoot();
        Path common = builtIn.resolve(COMMON);
        for (Path dir : frameworkDirs(builtIn)) {
            String name = dir.getFileName().toString();
            folders.put(name, dir);
            display.put(name, "specs/" + name);
            builtIns.add(name);
        }
        for (Path user : userDirs) {
            if (!Files.isDirectory(user)) {
                throw new ProfilerException(user.toString(), "--specs: no such folder");
            }
            List<Path> dirs = Files.isRegularFile(user.resolve("framework.yaml")) ? List.of(user) : frameworkDirs(user);
            if (dirs.isEmpty()) {
                throw new ProfilerException(user.toString(), "--specs: no framework.yaml in this folder or its subfolders");
            }
            for (Path dir : dirs) {
                String name = dir.toAbsolutePath().normalize().getFileName().toString();
                folders.put(name, dir);
                display.put(name, dir.toString());
                builtIns.remove(name);
            }
        }
        return new SpecLibrary(folders, display, builtIns, common);
    }

    public List<String> names() {
        return List.copyOf(folders.keySet());
    }

    public boolean isBuiltIn(String name) {
        return builtIns.contains(name);
    }

    /** The framework called {@code name}, read and checked once. */
    public synchronized FrameworkFolder framework(String name) {
        FrameworkFolder f = loaded.get(name);
        if (f != null) {
            return f;
        }
        Path dir = folders.get(name);
        if (dir == null) {
            throw new ProfilerException("", "unknown framework '" + name + "' (known: "
                    + String.join(", ", new TreeSet<>(folders.keySet())) + ")");
        }
        String display = displayDirs.get(name);
        SpecReader.Read<FrameworkSpec> read = reader.read(display + "/framework.yaml",
                readText(dir.resolve("framework.yaml")), FrameworkSpec.class);
        f = new FrameworkFolder(name, display, isBuiltIn(name), read.value(), rules(dir, display),
                read.locations());
        SpecChecker.check(f);
        loaded.put(name, f);
        return f;
    }

    /** The phase order, the framework-independent rules and the what-if rewrites they implement, read once. */
    public synchronized CommonRules common() {
        if (common == null) {
            common = readCommon();
        }
        return common;
    }

    private CommonRules readCommon() {
        Pipeline pipeline = reader.read("specs/common/pipeline.yaml", readText(commonDir.resolve("pipeline.yaml")),
                Pipeline.class).value();
        RewriteCatalog rewrites = reader.read("specs/common/rewrites.yaml",
                readText(commonDir.resolve("rewrites.yaml")), RewriteCatalog.class).value();
        return new CommonRules(pipeline, rules(commonDir, "specs/common"), rewrites);
    }

    private static List<RuleFile> rules(Path dir, String display) {
        Path rulesDir = dir.resolve("rules");
        if (!Files.isDirectory(rulesDir)) {
            return List.of();
        }
        List<RuleFile> out = new ArrayList<>();
        try (Stream<Path> files = Files.walk(rulesDir)) {
            for (Path p : files.filter(p -> p.toString().endsWith(".drl")).sorted().toList()) {
                String relative = rulesDir.relativize(p).toString().replace('\\', '/');
                out.add(new RuleFile(display + "/rules/" + relative, readText(p)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    private static List<Path> frameworkDirs(Path root) {
        try (Stream<Path> children = Files.list(root)) {
            return children.filter(d -> Files.isRegularFile(d.resolve("framework.yaml")))
                    .sorted((a, b) -> a.getFileName().toString().compareTo(b.getFileName().toString()))
                    .toList();
        } catch (IOException e) {
            throw new ProfilerException(root.toString(), "cannot list: " + e.getMessage());
        }
    }

    private static String readText(Path file) {
        boolean rules = file.getFileName().toString().endsWith(".drl");
        return InputFiles.readText(file, rules ? InputFiles.MAX_RULE_BYTES : InputFiles.MAX_SPEC_BYTES,
                rules ? "rule file" : "spec file");
    }

    /** The built-in spec folders, inside the jar or in target/classes when run from a build. */
    private static Path builtInRoot() {
        return ClasspathFolder.of(SpecLibrary.class, RESOURCE_ROOT, COMMON + "/pipeline.yaml");
    }
}
