package org.hawkeye.engine.lowering;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.hawkeye.specs.RewriteSpec;
import org.hawkeye.specs.RuleFile;

/**
 * Leaves out the rule files of what-if rewrites nobody asked for. A rewrite's rules match chains of several ops
 * and join every tensor to check that intermediates have no other reader; in a session they cost memory and time
 * for every fact of the model even when no Rewrite fact lets them fire.
 */
public final class RewriteRuleFiles {
    private static final Pattern RULE_NAME = Pattern.compile("(?m)^\\s*rule\\s+\"([^\"]+)\"");

    private RewriteRuleFiles() {
    }

    /**
     * The files to build a rule base from: every file, except one whose rules all carry out rewrites
     * (rewrites.yaml names them) of which none is requested.
     */
    public static List<RuleFile> select(List<RuleFile> files, List<RewriteSpec> specs, List<Rewrite> requested) {
        Set<String> rewriteRules = new HashSet<>();
        Set<String> wanted = new HashSet<>();
        for (RewriteSpec spec : specs) {
            rewriteRules.addAll(spec.rules());
            for (Rewrite r : requested) {
                if (r.target().equals(spec.target()) && r.replacement().equals(spec.replacement())) {
                    wanted.addAll(spec.rules());
                }
            }
        }
        List<RuleFile> out = new ArrayList<>();
        for (RuleFile f : files) {
            List<String> names = ruleNames(f.text());
            boolean onlyRewrites = !names.isEmpty() && rewriteRules.containsAll(names);
            if (!onlyRewrites || names.stream().anyMatch(wanted::contains)) {
                out.add(f);
            }
        }
        return out;
    }

    private static List<String> ruleNames(String drl) {
        List<String> names = new ArrayList<>();
        Matcher m = RULE_NAME.matcher(drl);
        while (m.find()) {
            names.add(m.group(1));
        }
        return names;
    }
}
