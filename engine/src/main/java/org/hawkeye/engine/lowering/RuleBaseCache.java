package org.hawkeye.engine.lowering;

import java.io.IOException;
import java.io.InputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import org.drools.base.RuleBase;
import org.drools.base.common.DroolsObjectInputStream;
import org.drools.base.common.DroolsObjectOutputStream;
import org.drools.core.impl.RuleBaseFactory;
import org.drools.kiesession.rulebase.InternalKnowledgeBase;
import org.drools.kiesession.rulebase.KnowledgeBaseFactory;
import org.drools.wiring.api.classloader.ProjectClassLoader;
import org.kie.api.KieBase;
import org.kie.api.definition.KiePackage;

/**
 * Keeps compiled rule packages on disk between runs. Compiling DRL costs about two seconds in a cold JVM, while
 * reading the compiled packages back costs a fraction of that, so a short CLI run pays the compilation once per
 * set of rule texts. The key is a hash of the exact texts (and of the Drools and hawkeye versions), so editing a
 * spec invalidates its entry; an unreadable entry is ignored and rebuilt.
 */
final class RuleBaseCache {
    private static final String FORMAT = "hawkeye-rules-2";

    private RuleBaseCache() {
    }

    /** The cache folder: {@code -Dhawkeye.cache.dir}, {@code $HAWKEYE_CACHE_DIR}, or ~/.cache/hawkeye; null = off. */
    static Path directory() {
        String dir = System.getProperty("hawkeye.cache.dir", System.getenv("HAWKEYE_CACHE_DIR"));
        if ("off".equals(dir)) {
            return null;
        }
        if (dir == null || dir.isEmpty()) {
            String home = System.getProperty("user.home");
            return home == null ? null : Path.of(home, ".cache", "hawkeye", "rules");
        }
        return Path.of(dir);
    }

    static String key(String ruleTexts) {
        return key(ruleTexts, true);
    }

    private static String key(String ruleTexts, boolean versions) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(FORMAT.getBytes(StandardCharsets.UTF_8));
            if (versions) {
                sha.update(String.valueOf(KieBase.class.getPackage().getImplementationVersion())
                        .getBytes(StandardCharsets.UTF_8));
                sha.update(String.valueOf(RuleBaseCache.class.getPackage().getImplementationVersion())
                        .getBytes(StandardCharsets.UTF_8));
            }
            sha.update(ruleTexts.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The rule base stored under {@code key}, or null when absent or unreadable. */
    static KieBase load(String key) {
        Path dir = directory();
        Path file = dir == null ? null : dir.resolve(key + ".bin");
        if (file == null || !Files.isRegularFile(file)) {
            return null;
        }
        try (InputStream raw = Files.newInputStream(file)) {
            return read(raw);
        } catch (IOException | ClassNotFoundException | RuntimeException e) {
            debug("cannot read cached rules " + file + ": " + e);
            return null;
        }
    }

    /**
     * The key of a rule base built into the jar ({@link PrebuiltRules}): the texts only, since the jar that ships
     * the entry ships the Drools and hawkeye that wrote it.
     */
    static String prebuiltKey(String ruleTexts) {
        return key("prebuilt\u0000" + ruleTexts, false);
    }

    /** The rule base built into the jar under {@code key}, or null when there is none or it is unreadable. */
    static KieBase loadPrebuilt(String key) {
        String resource = PrebuiltRules.RESOURCE_DIR + "/" + key + ".bin";
        try (InputStream raw = RuleBaseCache.class.getClassLoader().getResourceAsStream(resource)) {
            return raw == null ? null : read(new java.io.BufferedInputStream(raw, 1 << 16));
        } catch (IOException | ClassNotFoundException | RuntimeException e) {
            debug("cannot read built-in rules " + resource + ": " + e);
            return null;
        }
    }

    private static KieBase read(InputStream raw) throws IOException, ClassNotFoundException {
        ObjectInputStream head = new ObjectInputStream(raw);
        // the classes DRL declares (declare Truncation ...) come first: the packages refer to them by name
        @SuppressWarnings("unchecked")
        Map<String, byte[]> declared = (Map<String, byte[]>) head.readObject();
        ProjectClassLoader loader = ProjectClassLoader.createProjectClassLoader(
                RuleBaseCache.class.getClassLoader(), declared);
        ObjectInputStream in = new DroolsObjectInputStream(raw, loader);
        @SuppressWarnings("unchecked")
        Collection<KiePackage> packages = (Collection<KiePackage>) in.readObject();
        InternalKnowledgeBase base = KnowledgeBaseFactory.newKnowledgeBase(
                RuleBaseFactory.newKnowledgeBaseConfiguration(null, loader));
        base.addPackages(packages);
        return base;
    }

    /** Stores the compiled packages; a failure only costs the next run a compilation. */
    static void store(String key, KieBase base) {
        Path dir = directory();
        if (dir == null) {
            return;
        }
        try {
            write(dir, key, base);
        } catch (IOException | RuntimeException e) {
            // the cache is an optimisation: a read-only home or a full disk must not fail the profile
            debug("cannot store compiled rules in " + dir + ": " + e);
        }
    }

    /** Writes {@code base} as {@code dir/key.bin}, atomically. */
    static void write(Path dir, String key, KieBase base) throws IOException {
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, key, ".tmp");
        try (OutputStream raw = Files.newOutputStream(tmp);
             ObjectOutputStream head = new ObjectOutputStream(raw)) {
            head.writeObject(declaredClasses(base));
            head.flush();
            ObjectOutputStream out = new DroolsObjectOutputStream(raw);
            out.writeObject(new ArrayList<>(base.getKiePackages()));
            out.flush();
        }
        Files.move(tmp, dir.resolve(key + ".bin"), StandardCopyOption.REPLACE_EXISTING,
                StandardCopyOption.ATOMIC_MOVE);
    }

    /** The bytecode of the classes the rules declared, which only the compiled base's class loader holds. */
    private static HashMap<String, byte[]> declaredClasses(KieBase base) {
        HashMap<String, byte[]> out = new HashMap<>();
        if (base instanceof RuleBase rules && rules.getRootClassLoader() instanceof ProjectClassLoader loader
                && loader.getStore() != null) {
            out.putAll(loader.getStore());
        }
        return out;
    }

    /** Why the cache missed, for whoever is chasing a slow start (HAWKEYE_DEBUG=1). */
    private static void debug(String message) {
        if (System.getenv("HAWKEYE_DEBUG") != null) {
            System.err.println("hawkeye: " + message);
        }
    }
}
