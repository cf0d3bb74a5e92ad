package org.hawkeye.engine.lowering;

import org.kie.api.definition.rule.Rule;
import org.kie.api.event.rule.BeforeMatchFiredEvent;
import org.kie.api.event.rule.DefaultAgendaEventListener;
import org.kie.api.runtime.KieSession;

/**
 * The name of the rule whose consequence is running, so that what it reports or creates can say who did it; and,
 * when asked for, a record of what fired ({@link RuleTrace} for one node, {@link RuleCoverage} for the build).
 */
final class FiringRule {
    private String name = "";

    FiringRule(KieSession session) {
        RuleTrace trace = RuleTrace.current();
        session.addEventListener(new DefaultAgendaEventListener() {
            @Override
            public void beforeMatchFired(BeforeMatchFiredEvent event) {
                Rule rule = event.getMatch().getRule();
                name = rule.getName();
                RuleCoverage.fired(rule.getPackageName(), name);
                if (trace != null) {
                    String phase = rule instanceof org.drools.base.definitions.rule.impl.RuleImpl impl
                            ? impl.getAgendaGroup() : "";
                    trace.fired(name, phase, event.getMatch().getObjects());
                }
            }
        });
    }

    String name() {
        return name;
    }
}
