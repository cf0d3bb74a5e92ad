package org.hawkeye.specs;

import java.util.List;

/**
 * The framework-independent part of lowering: the phase order, the shared rules (normalize, classify...) and
 * the what-if rewrites those rules can carry out.
 */
public record CommonRules(Pipeline pipeline, List<RuleFile> rules, RewriteCatalog rewrites) {

    public CommonRules {
        rules = List.copyOf(rules);
    }
}
