package org.hawkeye.engine.lowering;

import java.util.List;
import org.hawkeye.specs.CommonRules;
import org.hawkeye.specs.SpecLibrary;
import org.kie.api.KieBase;

/** The common rules alone as a rule base, built once for the tests that sketch graphs against them. */
final class CommonRuleBase {
    static final List<String> PHASES;
    static final KieBase RULES;

    static {
        CommonRules common = SpecLibrary.load(List.of()).common();
        PHASES = common.pipeline().phaseNames();
        RULES = RuleBase.build(common.rules(), PHASES);
    }

    private CommonRuleBase() {
    }

    static GraphSketch sketch() {
        return new GraphSketch(RULES, PHASES);
    }
}
