package org.hawkeye.engine.lowering;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hawkeye.engine.graph.Graph;
import org.hawkeye.specs.ProfilerException;
import org.kie.api.KieBase;
import org.kie.api.definition.KiePackage;
import org.kie.api.definition.rule.Global;
import org.kie.api.runtime.KieSession;

/**
 * Lowers a graph with a rule base: every node and tensor goes in as a fact, with the what-if rewrites requested,
 * the phases fire in the pipeline's order, and the result is read from the ops left in the session at the end,
 * so that ops a rewrite created are costed and ops it removed are not. Each op gets what the rules reported
 * through {@code lower}; ops no rule decided are reported as such (an {@link OpDecision.Kind#UNSUPPORTED}
 * decision with an empty rule name).
 */
public final class Lowering {
    /** The attribute that carries a rewritten node's origin through {@link #rewrite} into a later lowering. */
    public static final String ORIGIN = "hawkeye.origin";
    /** The name of the Setting facts that list the data inputs every party knows. */
    public static final String PUBLIC_INPUT = "public_input";

    private Lowering() {
    }

    /** A graph as the what-if rewrites changed it, and what they did. */
    public record Rewritten(Graph graph, RewriteLog log) {
    }

    /**
     * Applies the what-if rewrites only (the phases up to and including {@code approximate}) and returns the
     * rewritten graph, whose created nodes carry their rule in {@link #ORIGIN}: a training step is then derived
     * from the model as rewritten, so a ReLU made x*x gets the gradient of x*x.
     */
    public static Rewritten rewrite(Graph graph, KieBase rules, List<String> phases, Map<String, String> settings,
                                    Map<String, Double> params, List<Rewrite> rewrites) {
        int last = phases.indexOf("approximate");
        if (last < 0) {
            throw new IllegalStateException("the pipeline has no approximate phase for the what-if rewrites");
        }
        try (Fired fired = fireAll(graph, rules, phases.subList(0, last + 1), settings, params, rewrites, Set.of())) {
            return new Rewritten(fired.facts.toGraph(), fired.rewriter.log());
        }
    }

    /** The decisions for every node of the graph, in graph order, keyed by node name (no rewrites). */
    public static Map<String, OpDecision> lower(Graph graph, KieBase rules, List<String> phases,
                                                Map<String, String> settings, Map<String, Double> params) {
        Map<String, OpDecision> out = new LinkedHashMap<>();
        for (LoweredOp op : run(graph, rules, phases, settings, params, List.of()).ops()) {
            out.put(op.op().id(), op.decision());
        }
        return out;
    }

    /** Lowers the graph as rewritten by {@code rewrites} (facts the approximate-phase rules match). */
    public static LoweringResult run(Graph graph, KieBase rules, List<String> phases, Map<String, String> settings,
                                     Map<String, Double> params, List<Rewrite> rewrites) {
        return run(graph, rules, phases, settings, params, rewrites, Set.of());
    }

    /**
     * Lowers the graph as rewritten by {@code rewrites}; {@code publicInputs} are data inputs every party knows,
     * each a {@code Setting("public_input", name)} fact, which the classify rules do not make secret.
     */
    public static LoweringResult run(Graph graph, KieBase rules, List<String> phases, Map<String, String> settings,
                                     Map<String, Double> params, List<Rewrite> rewrites, Set<String> publicInputs) {
        try (Fired fired = fireAll(graph, rules, phases, settings, params, rewrites, publicInputs)) {
            List<LoweredOp> out = new ArrayList<>();
            for (Op op : fired.facts.ops()) {
                OpDecision d = fired.sink.decisions().get(op.id());
                if (d == null) {
                    d = new OpDecision(OpDecision.Kind.UNSUPPORTED, "no rule lowers op type " + op.type(), "");
                }
                d.addFollowUps(fired.sink.followUps().getOrDefault(op.id(), List.of()));
                out.add(new LoweredOp(op, d));
            }
            return new LoweringResult(out, fired.rewriter.log());
        }
    }

    /** A session whose phases have all fired, open so that tests can look at the facts rules derived. */
    static final class Fired implements AutoCloseable {
        final KieSession session;
        final LoweringSink sink;
        final FactGraph facts;
        final GraphRewriter rewriter;

        private Fired(KieSession session, LoweringSink sink, FactGraph facts, GraphRewriter rewriter) {
            this.session = session;
            this.sink = sink;
            this.facts = facts;
            this.rewriter = rewriter;
        }

        /** Every fact of a type in the session, e.g. the FusableConvBn facts the fuse phase derived. */
        <T> List<T> facts(Class<T> type) {
            List<T> out = new ArrayList<>();
            for (Object o : session.getObjects(type::isInstance)) {
                out.add(type.cast(o));
            }
            return out;
        }

        @Override
        public void close() {
            session.dispose();
        }
    }

    /** Inserts the graph, settings, parameters and requests, and fires every phase in order. */
    static Fired fireAll(Graph graph, KieBase rules, List<String> phases, Map<String, String> settings,
                         Map<String, Double> params, List<Rewrite> rewrites) {
        return fireAll(graph, rules, phases, settings, params, rewrites, Set.of());
    }

    static Fired fireAll(Graph graph, KieBase rules, List<String> phases, Map<String, String> settings,
                         Map<String, Double> params, List<Rewrite> rewrites, Set<String> publicInputs) {
        KieSession session = rules.newKieSession();
        try {
            FiringRule firing = new FiringRule(session);
            FactGraph facts = new FactGraph(session, graph);
            LoweringSink sink = new LoweringSink(session, firing, facts);
            session.setGlobal("lower", sink);
            GraphRewriter rewriter = new GraphRewriter(facts, firing, graph.name());
            if (globalsOf(rules).contains("graph")) {
                session.setGlobal("graph", rewriter);
            }
            settings.forEach((k, v) -> session.insert(new Setting(k, v)));
            publicInputs.forEach(name -> session.insert(new Setting(PUBLIC_INPUT, name)));
            params.forEach((k, v) -> session.insert(new Param(k, v)));
            rewrites.forEach(session::insert);
            for (String phase : phases) {
                session.getAgenda().getAgendaGroup(phase).setFocus();
                fire(session, firing, graph.name());
            }
            List<String> dangling = facts.danglingReads();
            if (!dangling.isEmpty()) {
                throw new ProfilerException(graph.name(), "after the what-if rewrites, " + dangling.get(0)
                        + ", which no op writes any more (a rule removed its producer without replacing it)");
            }
            checkSessionOps(session, facts);
            return new Fired(session, sink, facts, rewriter);
        } catch (RuntimeException e) {
            session.dispose();
            throw e;
        }
    }

    /** The module path an exporter put in a node name: {@code /layer1/layer1.0/conv1/Conv} to {@code /layer1/layer1.0/conv1}. */
    public static String prefixOf(String nodeName) {
        int slash = nodeName.lastIndexOf('/');
        return slash <= 0 ? "" : nodeName.substring(0, slash);
    }

    /**
     * Fires the focused phase; an error a rule's consequence raised reaches the user as itself, not wrapped, and
     * any other failure of a rule is the spec's (or the model's, which the rule did not expect): one line naming
     * the rule, its file and the node, never a Java exception.
     */
    private static void fire(KieSession session, FiringRule firing, String model) {
        try {
            session.fireAllRules();
        } catch (RuntimeException | StackOverflowError e) {
            for (Throwable t = e; t != null; t = t.getCause()) {
                if (t instanceof ProfilerException pe) {
                    throw pe;
                }
            }
            throw RuleFailure.of(e, firing, session.getKieBase(), model);
        }
    }

    /**
     * The result is read from the fact graph, which is only right if every Op fact went through it: a rule that
     * inserts or deletes Op facts itself would leave joins behind or ops without tensors.
     */
    private static void checkSessionOps(KieSession session, FactGraph facts) {
        Set<Op> inSession = new HashSet<>();
        for (Object o : session.getObjects(o -> o instanceof Op)) {
            inSession.add((Op) o);
        }
        Set<Op> known = new HashSet<>(facts.ops());
        if (!inSession.equals(known)) {
            Set<Op> extra = new HashSet<>(inSession);
            extra.removeAll(known);
            Set<Op> missing = new HashSet<>(known);
            missing.removeAll(inSession);
            String which = !extra.isEmpty() ? "inserted Op " + extra.iterator().next().id()
                    : "deleted Op " + missing.iterator().next().id();
            throw new ProfilerException("rules", "a rule " + which + " directly; what-if rules must create and "
                    + "remove ops through the global 'graph' (graph.replace(...)) so that joins and tensors follow");
        }
    }

    private static Set<String> globalsOf(KieBase rules) {
        Set<String> names = new HashSet<>();
        for (KiePackage pkg : rules.getKiePackages()) {
            for (Global g : pkg.getGlobalVariables()) {
                names.add(g.getName());
            }
        }
        return names;
    }
}
