package org.hawkeye.engine.lowering;

import org.kie.api.definition.rule.Rule;
import org.kie.api.event.rule.AfterMatchFiredEvent;
import org.kie.api.event.rule.BeforeMatchFiredEvent;
import org.kie.api.event.rule.DefaultAgendaEventListener;
import org.kie.api.runtime.KieSession;

/**
 * The rule whose consequence is running, so that what it reports or creates can say who did it, so that a
 * consequence that fails can be reported with its rule and the op it was working on, and, when asked for, a
 * record of what fired ({@link RuleTrace} for one node, {@link RuleCoverage} for the build).
 */
final class FiringRule {
    private String name = "";
    private Rule rule;
    private Op op;

    FiringRule(KieSession session) {
        RuleTrace trace = RuleTrace.current();
        session.addEventListener(new DefaultAgendaEventListener() {
            @Override
            public void beforeMatchFired(BeforeMatchFiredEvent event) {
                rule = event.getMatch().getRule();
                name = rule.getName();
                op = null;
                for (Object o : event.getMatch().getObjects()) {
                    if (o instanceof Op first) {
                        op = first;
                        break;
                    }
                }
                RuleCoverage.fired(rule.getPackageName(), name);
                if (trace != null) {
                    String phase = rule instanceof org.drools.base.definitions.rule.impl.RuleImpl impl
                            ? impl.getAgendaGroup() : "";
                    trace.fired(name, phase, event.getMatch().getObjects());
                }
            }

            @Override
            public void afterMatchFired(AfterMatchFiredEvent event) {
                rule = null;
                op = null;
            }
        });
    }

    String name() {
        return name;
    }

    /** The rule whose consequence is running now, or null between consequences. */
    Rule running() {
        return rule;
    }

    /** The first op the running consequence matched, or null. */
    Op op() {
        return op;
    }
}
