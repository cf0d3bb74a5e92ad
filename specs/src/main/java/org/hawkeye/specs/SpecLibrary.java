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
 * Nothing here is compiled per framework: a folder is read, checked and used as it is. A folder holds either a
 * {@code framework.yaml} (a framework to profile) or a {@code base.yaml} (a base that frameworks extend, never
 * profiled by itself); either may extend another ({@link Inheritance}).
 */
public final class SpecLibrary {
    private static final String RESOURCE_ROOT = "hawkeye-specs";
    private static final String COMMON = "common";
    private static final String FRAMEWORK_FILE = "framework.yaml";
    private static final String BASE_FILE = "base.yaml";
    private static final String NETWORKS_FILE = "networks.yaml";

    private final Map<String, Path> folders;
    private final Map<String, String> displayDirs;
    private final java.util.Set<String> builtIns;
    private final Path commonDir;
    private final SpecReader reader = new SpecReader();
    private final Map<String, FrameworkFolder> loaded = new LinkedHashMap<>();
    private final Map<String, Inheritance.Layer> layers = new java.util.HashMap<>();
    private final Inheritance inheritance = new Inheritance(this::layer, this::knownBesides);
    private final List<Path> userDirs;
    private CommonRules common;
    private NetworkCatalog networks;

    private SpecLibrary(Map<String, Path> folders, Map<String, String> displayDirs, java.util.Set<String> builtIns,
                        Path commonDir, List<Path> userDirs) {
        this.folders = folders;
        this.displayDirs = displayDirs;
        this.builtIns = builtIns;
        this.commonDir = commonDir;
        this.userDirs = List.copyOf(userDirs);
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
            List<Path> dirs = specFile(user) != null ? List.of(user) : frameworkDirs(user);
            if (dirs.isEmpty() && !Files.isRegularFile(user.resolve(NETWORKS_FILE))) {
                throw new ProfilerException(user.toString(),
                        "--specs: no framework.yaml, base.yaml or networks.yaml in this folder or its subfolders");
            }
            for (Path dir : dirs) {
                String name = dir.toAbsolutePath().normalize().getFileName().toString();
                folders.put(name, dir);
                display.put(name, dir.toString());
                builtIns.remove(name);
            }
        }
        return new SpecLibrary(folders, display, builtIns, common, userDirs);
    }

    /** The frameworks one can profile with (bases are left out). */
    public List<String> names() {
        return folders.entrySet().stream().filter(e -> !isBaseFolder(e.getValue())).map(Map.Entry::getKey).toList();
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
                    + String.join(", ", new TreeSet<>(names())) + ")");
        }
        if (isBaseFolder(dir)) {
            throw new ProfilerException("", "'" + name + "' is a base that frameworks extend (" + displayDirs.get(name)
                    + "/" + BASE_FILE + "), not a framework to profile; see 'hawkeye frameworks'");
        }
        f = inheritance.merge(name).toFolder(displayDirs.get(name), isBuiltIn(name));
        loaded.put(name, f);
        return f;
    }

    /** A folder's file as read, and its rule files; null for a name no folder has. Read once. */
    private synchronized Inheritance.Layer layer(String name) {
        Path dir = folders.get(name);
        if (dir == null) {
            return null;
        }
        Inheritance.Layer layer = layers.get(name);
        if (layer == null) {
            String display = displayDirs.get(name);
            boolean base = isBaseFolder(dir);
            String yaml = display + "/" + (base ? BASE_FILE : FRAMEWORK_FILE);
            SpecReader.Read<FrameworkFile> read = reader.read(yaml, readText(specFile(dir)), FrameworkFile.class);
            if (!read.value().name().equals(name)) {
                throw new ProfilerException(yaml, "name '" + read.value().name() + "' differs from its folder name '"
                        + name + "'");
            }
            Map<String, RuleFile> rules = new LinkedHashMap<>();
            String prefix = display + "/rules/";
            rules(dir, display).forEach(r -> rules.put(r.displayPath().substring(prefix.length()), r));
            layer = new Inheritance.Layer(read.value(), yaml, read.locations(), rules, base);
            layers.put(name, layer);
        }
        return layer;
    }

    private String knownBesides(String name) {
        return String.join(", ", new TreeSet<>(folders.keySet()).stream().filter(n -> !n.equals(name)).toList());
    }

    private static boolean isBaseFolder(Path dir) {
        return !Files.isRegularFile(dir.resolve(FRAMEWORK_FILE));
    }

    /** The folder's framework.yaml, else its base.yaml, else null. */
    private static Path specFile(Path dir) {
        for (String name : List.of(FRAMEWORK_FILE, BASE_FILE)) {
            if (Files.isRegularFile(dir.resolve(name))) {
                return dir.resolve(name);
            }
        }
        return null;
    }

    /** The phase order, the framework-independent rules and the what-if rewrites they implement, read once. */
    public synchronized CommonRules common() {
        if (common == null) {
            common = readCommon();
        }
        return common;
    }

    /**
     * The named networks: specs/common/networks.yaml, then the networks.yaml of each --specs folder that has one
     * (adding networks, replacing those of the same name, and replacing the defaults if it names any). Read once.
     */
    public synchronized NetworkCatalog networks() {
        if (networks == null) {
            SpecReader located = new SpecReader(java.util.Set.of(NetworkSpec.class));
            String builtInFile = "specs/common/" + NETWORKS_FILE;
            SpecReader.Read<NetworkCatalog> read = located.read(builtInFile,
                    readText(commonDir.resolve(NETWORKS_FILE)), NetworkCatalog.class);
            read.value().check(builtInFile, read.locations());
            NetworkCatalog all = read.value();
            for (Path dir : userDirs) {
                Path file = dir.resolve(NETWORKS_FILE);
                if (Files.isRegularFile(file)) {
                    SpecReader.Read<NetworkCatalog> more = located.read(file.toString(), readText(file),
                            NetworkCatalog.class);
                    all = all.merge(more.value());
                    all.check(file.toString(), more.locations());
                }
            }
            networks = all;
        }
        return networks;
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
            return children.filter(d -> specFile(d) != null)
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
