package org.hawkeye.engine.lowering;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hawkeye.engine.graph.Graph;
import org.hawkeye.engine.graph.Node;
import org.hawkeye.engine.graph.Value;
import org.kie.api.KieBase;
import org.kie.api.runtime.KieSession;

/**
 * Lowers a graph with a rule base: every node and tensor goes in as a fact, the phases fire in the pipeline's
 * order, and what the rules reported through {@code lower} comes out, one decision per op. Ops no rule decided
 * are reported as such (an {@link OpDecision.Kind#UNSUPPORTED} decision with an empty rule name).
 */
public final class Lowering {
    private Lowering() {
    }

    /** The decisions for every node of the graph, in graph order, keyed by node name. */
    public static Map<String, OpDecision> lower(Graph graph, KieBase rules, List<String> phases,
                                                Map<String, String> settings, Map<String, Double> params) {
        KieSession session = rules.newKieSession();
        try {
            LoweringSink sink = new LoweringSink(session);
            session.setGlobal("lower", sink);
            settings.forEach((k, v) -> session.insert(new Setting(k, v)));
            params.forEach((k, v) -> session.insert(new Param(k, v)));
            for (Value v : graph.values().values()) {
                session.insert(tensorFact(v));
            }
            List<Op> ops = new ArrayList<>();
            for (Node n : graph.nodes()) {
                Op op = new Op(n.name(), n.opType(), prefixOf(n.name()), n.inputs(), n.outputs(), n.attributes());
                ops.add(op);
                session.insert(op);
                for (int i = 0; i < n.inputs().size(); i++) {
                    if (!n.inputs().get(i).isEmpty()) {
                        session.insert(new Consumes(op.id(), n.inputs().get(i), i));
                    }
                }
                for (int i = 0; i < n.outputs().size(); i++) {
                    if (!n.outputs().get(i).isEmpty()) {
                        session.insert(new Produces(op.id(), n.outputs().get(i), i));
                    }
                }
            }
            for (String phase : phases) {
                session.getAgenda().getAgendaGroup(phase).setFocus();
                session.fireAllRules();
            }
            Map<String, OpDecision> out = new LinkedHashMap<>();
            for (Op op : ops) {
                OpDecision d = sink.decisions().get(op.id());
                out.put(op.id(), d != null ? d
                        : new OpDecision(OpDecision.Kind.UNSUPPORTED, "no rule lowers op type " + op.type(), ""));
            }
            return out;
        } finally {
            session.dispose();
        }
    }

    /** The module path an exporter put in a node name: {@code /layer1/layer1.0/conv1/Conv} to {@code /layer1/layer1.0/conv1}. */
    public static String prefixOf(String nodeName) {
        int slash = nodeName.lastIndexOf('/');
        return slash <= 0 ? "" : nodeName.substring(0, slash);
    }

    private static Tensor tensorFact(Value v) {
        List<Long> shape = v.shape() == null ? List.of() : v.shape().dims();
        long numel = v.shape() == null ? 0 : v.shape().numel();
        String kind = switch (v.kind()) {
            case INPUT -> "input";
            case WEIGHT -> "weight";
            case CONSTANT -> "constant";
            case ACTIVATION -> v.hasData() ? "constant" : "activation";
        };
        Double scalar = v.hasData() && v.data().size() == 1 ? v.data().doubleAt(0) : null;
        return new Tensor(v.name(), shape, numel, v.dataType() == null ? "UNDEFINED" : v.dataType().name(), kind,
                scalar);
    }
}
