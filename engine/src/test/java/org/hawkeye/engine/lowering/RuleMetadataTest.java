package org.hawkeye.engine.lowering;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.hawkeye.engine.Profiler;
import org.hawkeye.specs.FrameworkFolder;
import org.hawkeye.specs.SpecLibrary;
import org.junit.jupiter.api.Test;

/**
 * Every rule of every built-in framework and of specs/common carries its metadata (@lowers, @emits, @models), and
 * the metadata agrees with the compiled rule: @lowers names the types its Op pattern's type constraint admits, and
 * @emits names protocols the framework has (or free, unsupported, facts).
 */
class RuleMetadataTest {
    private static final Set<String> KINDS = Set.of("free", "unsupported", RuleCatalog.FACTS);

    @Test
    void everyBuiltInRuleSaysWhatItLowersEmitsAndModels() {
        SpecLibrary specs = SpecLibrary.load(List.of());
        Profiler profiler = new Profiler(specs);
        Set<String> problems = new java.util.TreeSet<>();
        int rules = 0;
        for (String name : specs.names()) {
            FrameworkFolder f = specs.framework(name);
            for (RuleCatalog.Entry e : profiler.ruleCatalog(name)) {
                rules++;
                String at = e.where() + " \"" + e.rule() + "\"";
                if (!e.annotated() || e.models().isEmpty()) {
                    problems.add(at + ": give @lowers(\"OpType, ...\" or \"*\"), @emits(...) and @models(\"...\")");
                    continue;
                }
                Set<String> lowers = new HashSet<>(e.lowers());
                if (!e.constrained().isEmpty() && (e.decides() ? !lowers.equals(e.constrained())
                        : !lowers.containsAll(e.constrained()))) {
                    problems.add(at + ": @lowers " + e.lowers() + " but its Op pattern admits " + e.constrained());
                }
                List<String> unknown = new ArrayList<>();
                for (String emitted : e.emits()) {
                    boolean common = e.file().startsWith("specs/common/");
                    if (!KINDS.contains(emitted) && f.spec().protocol(emitted) == null && !common) {
                        unknown.add(emitted);
                    }
                }
                if (!unknown.isEmpty()) {
                    problems.add(at + ": @emits " + unknown + ", which " + name + " does not define");
                }
            }
        }
        assertThat(rules).isGreaterThan(250);
        assertThat(problems).as("rules whose metadata is missing or disagrees with the rule").isEmpty();
    }
}
