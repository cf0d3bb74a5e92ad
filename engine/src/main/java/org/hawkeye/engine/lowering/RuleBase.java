package org.hawkeye.engine.lowering;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.drools.base.definitions.rule.impl.RuleImpl;
import org.hawkeye.specs.ProfilerException;
import org.hawkeye.specs.RuleFile;
import org.kie.api.KieBase;
import org.kie.api.KieServices;
import org.kie.api.builder.KieBuilder;
import org.kie.api.builder.KieFileSystem;
import org.kie.api.builder.Message;
import org.kie.api.builder.ReleaseId;
import org.kie.api.definition.KiePackage;
import org.kie.api.definition.rule.Rule;

/**
 * Builds a Drools rule base from DRL text at run time (the common rules plus one framework's), so that a framework
 * folder needs no compilation. Building costs seconds cold, so built bases are kept for the life of the process,
 * keyed by the exact rule texts, and compiled packages are kept on disk between runs ({@link RuleBaseCache}).
 */
public final class RuleBase {
    private static final Map<String, KieBase> CACHE = new ConcurrentHashMap<>();
    private static final AtomicInteger BUILDS = new AtomicInteger();
    /** Each rule base's resource paths (as Drools knows the files) to the paths users see. */
    private static final Map<KieBase, Map<String, String>> DISPLAY_PATHS =
            java.util.Collections.synchronizedMap(new java.util.WeakHashMap<>());

    private RuleBase() {
    }

    /**
     * The rule base for these files; DRL errors are reported with the file the user knows and the line. Every
     * rule must belong to one of {@code phases} (its agenda-group), or it would never fire.
     */
    public static KieBase build(List<RuleFile> files, List<String> phases) {
        StringBuilder key = new StringBuilder(String.join(",", phases));
        for (RuleFile f : files) {
            key.append('\u0000').append(f.displayPath()).append('\u0000').append(f.text());
        }
        KieBase cached = CACHE.get(key.toString());
        if (cached != null) {
            return cached;
        }
        String diskKey = RuleBaseCache.key(key.toString());
        KieBase base = RuleBaseCache.load(diskKey);
        if (base == null) {
            base = compile(files);
            checkPhases(base, files, phases);
            RuleBaseCache.store(diskKey, base);
        }
        CACHE.put(key.toString(), base);
        // read from the texts, not from the compiled rules: a rule base loaded from the disk cache has no sources
        Map<String, String> display = new HashMap<>();
        for (RuleFile f : files) {
            java.util.regex.Matcher pkg = PACKAGE.matcher(f.text());
            String packageName = pkg.find() ? pkg.group(1) : "";
            java.util.regex.Matcher rule = RULE.matcher(f.text());
            while (rule.find()) {
                display.putIfAbsent(packageName + "\u0000" + (rule.group(1) != null ? rule.group(1) : rule.group(2)),
                        f.displayPath());
            }
        }
        DISPLAY_PATHS.put(base, display);
        return base;
    }

    private static final java.util.regex.Pattern PACKAGE = java.util.regex.Pattern.compile(
            "(?m)^\\s*package\\s+([\\w.]+)");
    private static final java.util.regex.Pattern RULE = java.util.regex.Pattern.compile(
            "(?m)^\\s*rule\\s+(?:\"([^\"]*)\"|(\\w+))");

    /** The file a rule of {@code base} was read from, as users name it; its package when that is unknown. */
    static String fileOf(KieBase base, Rule rule) {
        String shown = DISPLAY_PATHS.getOrDefault(base, Map.of()).get(rule.getPackageName() + "\u0000"
                + rule.getName());
        return shown != null ? shown : "package " + rule.getPackageName();
    }

    private static String resourceOf(int index, RuleFile f) {
        return "hawkeye/f" + index + "/" + f.displayPath().replaceAll(".*/", "");
    }

    private static KieBase compile(List<RuleFile> files) {
        KieServices ks = KieServices.Factory.get();
        KieFileSystem kfs = ks.newKieFileSystem();
        ReleaseId release = ks.newReleaseId("org.hawkeye.rules", "lowering", "1.0." + BUILDS.incrementAndGet());
        kfs.generateAndWritePomXML(release);
        Map<String, String> displayByPath = new HashMap<>();
        for (int i = 0; i < files.size(); i++) {
            RuleFile f = files.get(i);
            // Drools reports errors by resource path, with or without the source folder in front
            String resource = resourceOf(i, f);
            displayByPath.put(resource, f.displayPath());
            displayByPath.put("src/main/resources/" + resource, f.displayPath());
            kfs.write("src/main/resources/" + resource, f.text());
        }
        KieBuilder builder = ks.newKieBuilder(kfs).buildAll();
        List<Message> errors = builder.getResults().getMessages(Message.Level.ERROR);
        if (!errors.isEmpty()) {
            Message first = errors.get(0);
            String file = first.getPath() == null ? "" : displayByPath.getOrDefault(first.getPath(), first.getPath());
            String where = first.getLine() > 0 ? file + ":" + first.getLine() + ":" + Math.max(1, first.getColumn())
                    : file;
            String more = errors.size() > 1 ? " (and " + (errors.size() - 1) + " more DRL errors)" : "";
            throw new ProfilerException(where, "rule does not compile: " + oneLine(first.getText()) + more);
        }
        return ks.newKieContainer(release).getKieBase();
    }

    private static void checkPhases(KieBase base, List<RuleFile> files, List<String> phases) {
        List<String> wrong = new ArrayList<>();
        for (KiePackage pkg : base.getKiePackages()) {
            for (Rule rule : pkg.getRules()) {
                String group = rule instanceof RuleImpl impl ? impl.getAgendaGroup() : null;
                if (group == null || !phases.contains(group)) {
                    wrong.add("'" + rule.getName() + "' (agenda-group '" + group + "')");
                }
            }
        }
        if (!wrong.isEmpty()) {
            String file = files.isEmpty() ? "" : files.get(0).displayPath().replaceAll("/rules/.*", "/rules");
            throw new ProfilerException(file, "rules outside the pipeline's phases " + phases + " never fire: "
                    + String.join(", ", wrong));
        }
    }

    private static String oneLine(String text) {
        return text.replaceAll("\\s*\\n\\s*", " ").trim();
    }
}
