package org.hawkeye.engine.lowering;

import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import org.kie.api.KieBase;

/**
 * The rule bases of the built-in frameworks, compiled when hawkeye is built ({@code RuleBasePrebuilder}) and shipped
 * in the jar, so that a run only reads them back: no DRL compilation on a fresh machine, and no dependence on a
 * writable cache folder. An index names each built-in framework's entry, so a profile can start reading its rule
 * base on a second core while the model and the spec are still being read ({@link #preload}); whether the entry is
 * used is still decided by the exact rule texts ({@link RuleBase#build}), so a {@code --specs} folder that replaces
 * a built-in framework, or a what-if rewrite, takes the run-time path.
 */
public final class PrebuiltRules {
    static final String RESOURCE_DIR = "hawkeye-rules";
    public static final String INDEX = RESOURCE_DIR + "/index.properties";
    private static final Map<String, FutureTask<KieBase>> PENDING = new ConcurrentHashMap<>();

    private PrebuiltRules() {
    }

    /** Starts reading {@code framework}'s built-in rule base in the background; a no-op when the jar has none. */
    public static void preload(String framework) {
        String key = index().getProperty(framework);
        if (key == null || PENDING.containsKey(key)) {
            return;
        }
        FutureTask<KieBase> task = new FutureTask<>(() -> RuleBaseCache.loadPrebuilt(key));
        if (PENDING.putIfAbsent(key, task) == null) {
            Thread t = new Thread(task, "hawkeye-rules-" + framework);
            t.setDaemon(true);  // never keeps a finished run alive
            t.start();
        }
    }

    /** The built-in rule base under {@code key}: the one being read in the background, else read now; or null. */
    static KieBase take(String key) {
        FutureTask<KieBase> pending = PENDING.remove(key);
        if (pending == null) {
            return RuleBaseCache.loadPrebuilt(key);
        }
        try {
            return pending.get();
        } catch (ExecutionException e) {
            return null;  // read again on the run-time path, which reports what is wrong
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    private static Properties index() {
        Properties index = new Properties();
        try (InputStream in = PrebuiltRules.class.getClassLoader().getResourceAsStream(INDEX)) {
            if (in != null) {
                index.load(in);
            }
        } catch (IOException e) {
            // no index: every rule base takes the run-time path
        }
        return index;
    }
}
