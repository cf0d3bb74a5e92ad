package org.hawkeye.specs;

import java.util.List;

/** The framework-independent part of lowering: the phase order and the shared rules (normalize, classify...). */
public record CommonRules(Pipeline pipeline, List<RuleFile> rules) {

    public CommonRules {
        rules = List.copyOf(rules);
    }
}
