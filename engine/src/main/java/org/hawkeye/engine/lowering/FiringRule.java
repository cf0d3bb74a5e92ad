package org.hawkeye.engine.lowering;

import org.kie.api.event.rule.BeforeMatchFiredEvent;
import org.kie.api.event.rule.DefaultAgendaEventListener;
import org.kie.api.runtime.KieSession;

/** The name of the rule whose consequence is running, so that what it reports or creates can say who did it. */
final class FiringRule {
    private String name = "";

    FiringRule(KieSession session) {
        session.addEventListener(new DefaultAgendaEventListener() {
            @Override
            public void beforeMatchFired(BeforeMatchFiredEvent event) {
                name = event.getMatch().getRule().getName();
            }
        });
    }

    String name() {
        return name;
    }
}
