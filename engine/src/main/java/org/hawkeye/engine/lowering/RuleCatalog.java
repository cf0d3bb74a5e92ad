package org.hawkeye.engine.lowering;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.drools.base.definitions.rule.impl.RuleImpl;
import org.drools.base.rule.GroupElement;
import org.drools.base.rule.RuleConditionElement;
import org.drools.base.rule.constraint.Constraint;
import org.hawkeye.specs.RuleFile;
import org.kie.api.KieBase;
import org.kie.api.definition.KiePackage;
import org.kie.api.definition.rule.Rule;

/**
 * The rules of a compiled rule base as {@code explain} shows them: in the order they fire (the pipeline's phases,
 * then Drools' load order within a phase), each with the op types it can match, what it emits and what it models.
 * The op types are the rule's {@code @lowers} metadata, or else the {@code type} constraint of its first Op pattern
 * as Drools compiled it; a rule with neither can match any op type.
 */
public final class RuleCatalog {
    private static final Pattern TYPE_TERM = Pattern.compile("\\btype\\s*==\\s*\"([^\"]+)\"");
    private static final Pattern RESOURCE_INDEX = Pattern.compile("hawkeye/f(\\d+)/");
    private static final Pattern EMIT = Pattern.compile(
            "lower\\.(call|after|free|unsupported)\\(\\s*\\$\\w+\\s*,\\s*\"([^\"]*)\"");

    /** What {@code @emits} says a rule does when it derives facts only (classify, fuse, what-if rewrites). */
    public static final String FACTS = "facts";

    /**
     * One rule. {@code lowers} empty means any op type; {@code constrained} is what its first Op pattern's compiled
     * type constraint admits (empty: no such constraint), which {@code @lowers} must agree with.
     */
    public record Entry(String rule, String phase, String file, int line, Set<String> lowers, List<String> emits,
                        String models, boolean annotated, Set<String> constrained) {

        public boolean canMatch(String opType) {
            return lowers.isEmpty() || lowers.contains(opType);
        }

        /** Whether it decides ops or adds calls to them (rather than only deriving facts). */
        public boolean decides() {
            return emits.isEmpty() || !emits.equals(List.of(FACTS));
        }

        /** "file:line", where the rule is written. */
        public String where() {
            return file + ":" + line;
        }
    }

    private RuleCatalog() {
    }

    /** Every rule of {@code base}, built from {@code files}, in firing order over {@code phases}. */
    public static List<Entry> of(KieBase base, List<RuleFile> files, List<String> phases) {
        record Ranked(Entry entry, int phase, int load, int pkg) {
        }
        List<Ranked> ranked = new ArrayList<>();
        int pkgIndex = 0;
        for (KiePackage pkg : base.getKiePackages()) {
            for (Rule rule : pkg.getRules()) {
                RuleImpl impl = (RuleImpl) rule;
                String phase = impl.getAgendaGroup();
                RuleFile file = fileOf(impl, pkg.getName(), files);
                ranked.add(new Ranked(entry(impl, phase, file), phases.indexOf(phase), impl.getLoadOrder(), pkgIndex));
            }
            pkgIndex++;
        }
        ranked.sort(Comparator.comparingInt(Ranked::phase).thenComparingInt(Ranked::load)
                .thenComparingInt(Ranked::pkg));
        return ranked.stream().map(Ranked::entry).toList();
    }

    /** The rules that can decide (or add calls to) an op of {@code opType}, in firing order. */
    public static List<Entry> forOpType(List<Entry> catalog, String opType) {
        return catalog.stream().filter(e -> e.decides() && e.canMatch(opType)).toList();
    }

    private static Entry entry(RuleImpl rule, String phase, RuleFile file) {
        Map<String, Object> meta = rule.getMetaData();
        Object lowers = meta.get("lowers");
        Set<String> constrained = compiledTypes(rule.getLhs());
        Set<String> types = lowers != null ? split(lowers.toString()) : new LinkedHashSet<>(constrained);
        types.remove("*");
        Object emits = meta.get("emits");
        Object models = meta.get("models");
        String text = file == null ? "" : file.text();
        int at = text.indexOf("rule \"" + rule.getName() + "\"");
        int line = at < 0 ? 0 : (int) text.substring(0, at).chars().filter(c -> c == '\n').count() + 1;
        return new Entry(rule.getName(), phase, file == null ? rule.getPackageName() : file.displayPath(), line, types,
                emits != null ? List.copyOf(split(emits.toString())) : emitsInText(text, at),
                models == null ? "" : models.toString().replaceAll("\\s+", " ").strip(),
                lowers != null && models != null && emits != null, constrained);
    }

    /** For a rule without {@code @emits}: the protocols its consequence names (and free/unsupported), from its text. */
    private static List<String> emitsInText(String text, int at) {
        if (at < 0) {
            return List.of();
        }
        int end = text.indexOf("\nend", at);
        Matcher m = EMIT.matcher(text.substring(at, end < 0 ? text.length() : end));
        Set<String> out = new LinkedHashSet<>();
        while (m.find()) {
            out.add(m.group(1).equals("call") || m.group(1).equals("after") ? m.group(2) : m.group(1));
        }
        return List.copyOf(out);
    }

    /** The file a rule came from: by the resource Drools kept, else by its package and name. */
    private static RuleFile fileOf(RuleImpl rule, String pkg, List<RuleFile> files) {
        if (rule.getResource() != null && rule.getResource().getSourcePath() != null) {
            Matcher m = RESOURCE_INDEX.matcher(rule.getResource().getSourcePath());
            if (m.find() && Integer.parseInt(m.group(1)) < files.size()) {
                return files.get(Integer.parseInt(m.group(1)));
            }
        }
        String head = "package " + pkg + ";";
        String name = "rule \"" + rule.getName() + "\"";
        return files.stream().filter(f -> f.text().contains(head) && f.text().contains(name)).findFirst().orElse(null);
    }

    private static Set<String> split(String list) {
        Set<String> out = new LinkedHashSet<>();
        Arrays.stream(list.split(",")).map(String::strip).filter(s -> !s.isEmpty()).forEach(out::add);
        return out;
    }

    /** The types the first Op pattern's compiled {@code type} constraint admits (a disjunction of equalities). */
    private static Set<String> compiledTypes(GroupElement lhs) {
        for (RuleConditionElement e : lhs.getChildren()) {
            if (e instanceof org.drools.base.rule.Pattern p
                    && p.getObjectType().getClassName().equals(Op.class.getName())) {
                for (Constraint c : p.getConstraints()) {
                    String text = c.toString();
                    Matcher m = TYPE_TERM.matcher(text);
                    Set<String> types = new LinkedHashSet<>();
                    while (m.find()) {
                        types.add(m.group(1));
                    }
                    if (!types.isEmpty()) {
                        return types;
                    }
                }
            } else if (e instanceof GroupElement g) {
                Set<String> inner = compiledTypes(g);
                if (!inner.isEmpty()) {
                    return inner;
                }
            }
        }
        return new LinkedHashSet<>();
    }

    /** Rules of the catalog by name, for looking up the rule that decided an op. */
    public static Map<String, Entry> byName(List<Entry> catalog) {
        Map<String, Entry> out = new HashMap<>();
        catalog.forEach(e -> out.putIfAbsent(e.rule(), e));
        return out;
    }
}
