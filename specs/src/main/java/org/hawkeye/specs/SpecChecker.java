package org.hawkeye.specs;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Checks a framework spec when it loads, so that nothing fails half-way through a profile: every formula names
 * only known symbols, every call names an existing protocol with exactly its arguments, no protocol calls
 * itself (directly or not), calls nest and expand within {@link CallGraph}'s bounds, and parameter defaults
 * respect their own ranges.
 */
final class SpecChecker {
    private final FrameworkFolder folder;
    private final FrameworkSpec spec;
    private final boolean base;

    private SpecChecker(FrameworkFolder folder, boolean base) {
        this.folder = folder;
        this.spec = folder.spec();
        this.base = base;
    }

    /**
     * Checks a merged framework; a {@code base} may leave protocols without cost and parameters without default
     * for the frameworks extending it ({@link Inheritance} checks that those give them).
     */
    static void check(FrameworkFolder folder, boolean base) {
        new SpecChecker(folder, base).run();
    }

    private void run() {
        if (spec.models() != null && spec.models().parties() < 1) {
            throw new ProfilerException(folder.yamlPath(), "models.parties must be at least 1");
        }
        if (!spec.embeddingPolicies().contains(spec.defaults().embedding())) {
            throw new ProfilerException(folder.yamlPath(), "defaults.embedding '" + spec.defaults().embedding()
                    + "' is no embedding policy of this framework (known: "
                    + String.join(", ", spec.embeddingPolicies()) + "; others are declared under embeddings:)");
        }
        spec.parameters().forEach(this::checkParameter);
        checkTraffic();
        spec.protocols().forEach(this::checkProtocol);
        checkSetup();
        CallGraph.check(folder);
        checkPools();
    }

    private void checkParameter(String name, ParameterSpec p) {
        List<BigDecimal> numbers = new ArrayList<>(p.allowed());
        numbers.add(p.defaultValue());
        numbers.add(p.min());
        numbers.add(p.max());
        for (BigDecimal n : numbers) {
            String size = n == null ? null : ParameterValues.sizeProblem(n);
            if (size != null) {
                throw new ProfilerException(folder.locationOf(p).toString(), "parameter '" + name + "': "
                        + n.toString() + " is " + size);
            }
        }
        if (p.doc() == null) {
            throw new ProfilerException(folder.locationOf(p).toString(), "missing key 'doc' in parameters." + name);
        }
        if (p.defaultValue() == null) {
            return;
        }
        String why = p.rejection(p.defaultValue());
        if (why != null) {
            throw new ProfilerException(folder.locationOf(p).toString(), "parameter '" + name + "': default "
                    + p.defaultValue().toPlainString() + " is not allowed (" + why + ")");
        }
    }

    private void checkProtocol(String name, ProtocolSpec p) {
        String at = folder.locationOf(p).toString();
        Set<String> args = new LinkedHashSet<>();
        for (String arg : p.args()) {
            if (!args.add(arg)) {
                throw new ProfilerException(at, "protocol '" + name + "' lists argument '" + arg + "' twice");
            }
            if (spec.parameters().containsKey(arg)) {
                throw new ProfilerException(at, "protocol '" + name + "': argument '" + arg
                        + "' has the name of a parameter");
            }
        }
        if (!base && Inheritance.isAbstract(p)) {
            throw new ProfilerException(at, "protocol '" + name + "' has no cost: give online/offline or calls");
        }
        Set<String> known = new TreeSet<>(args);
        known.addAll(spec.parameters().keySet());
        for (CostSpec cost : new CostSpec[] {p.online(), p.offline()}) {
            if (cost != null) {
                checkBits(name, cost, at, known);
                cost.rounds().check(known);
            }
        }
        for (CallSpec call : p.calls()) {
            checkCall(name, call, known);
        }
        for (DrawSpec d : p.draws()) {
            checkDraw(name, d, at, known);
        }
    }

    private void checkDraw(String protocol, DrawSpec d, String at, Set<String> known) {
        PoolSpec pool = spec.pools().get(d.pool());
        if (pool == null) {
            throw new ProfilerException(at, "protocol '" + protocol + "' draws from unknown pool '" + d.pool()
                    + "' (pools: " + String.join(", ", new TreeSet<>(spec.pools().keySet())) + ")");
        }
        List<String> parties = spec.models().partyNames();
        if (parties.isEmpty() ? d.party() != null : !parties.contains(d.party())) {
            throw new ProfilerException(at, "protocol '" + protocol + "' draws from pool '" + d.pool() + "' of party '"
                    + d.party() + "': " + (parties.isEmpty() ? "only frameworks splitting traffic per party name one"
                    : "name one of " + String.join(", ", parties)));
        }
        d.n().check(known);
        if (d.instance() != null) {
            d.instance().check(known);
        }
    }

    private void checkPools() {
        for (Map.Entry<String, PoolSpec> e : spec.pools().entrySet()) {
            PoolSpec pool = e.getValue();
            pool.capacity().check(spec.parameters().keySet());
            pool.start().check(spec.parameters().keySet());
            ProtocolSpec refill = spec.protocol(pool.refill());
            if (refill == null || !refill.args().isEmpty()) {
                throw new ProfilerException(folder.yamlPath(), "pool '" + e.getKey() + "': refill '" + pool.refill()
                        + "' must name a protocol without arguments");
            }
        }
    }

    private void checkCall(String caller, CallSpec call, Set<String> known) {
        String at = folder.locationOf(call).toString();
        ProtocolSpec callee = spec.protocol(call.protocol());
        if (callee == null) {
            throw new ProfilerException(at, "protocol '" + caller + "' calls unknown protocol '" + call.protocol()
                    + "' (known: " + String.join(", ", new TreeSet<>(spec.protocols().keySet())) + ")");
        }
        for (String needed : callee.args()) {
            if (!call.args().containsKey(needed)) {
                throw new ProfilerException(at, "call of '" + call.protocol() + "' in '" + caller
                        + "' misses argument '" + needed + "' (it takes " + String.join(", ", callee.args()) + ")");
            }
        }
        for (Map.Entry<String, LocatedFormula> arg : call.args().entrySet()) {
            if (!callee.args().contains(arg.getKey())) {
                throw new ProfilerException(arg.getValue().start().toString(), "call of '" + call.protocol()
                        + "' in '" + caller + "' passes '" + arg.getKey() + "', which it does not take (it takes "
                        + (callee.args().isEmpty() ? "none" : String.join(", ", callee.args())) + ")");
            }
            arg.getValue().check(known);
        }
        if (call.repeat() != null) {
            call.repeat().check(known);
        }
        if (call.when() != null) {
            call.when().check(known);
        }
        if (!call.parties().isEmpty()) {
            List<String> names = partyNames();
            if (names.isEmpty()) {
                throw new ProfilerException(at, "call of '" + call.protocol() + "' in '" + caller + "' maps parties, "
                        + "but models.traffic.split is not per_party");
            }
            if (!call.parties().keySet().equals(new HashSet<>(names))
                    || !new HashSet<>(call.parties().values()).equals(new HashSet<>(names))) {
                throw new ProfilerException(at, "call of '" + call.protocol() + "' in '" + caller + "': parties "
                        + call.parties() + " must map each of " + names + " to a different one of them");
            }
        }
    }

    private void checkTraffic() {
        TrafficSpec t = spec.models() == null ? null : spec.models().traffic();
        if (t == null) {
            return;
        }
        String at = folder.yamlPath();
        if (t.perParty()) {
            if (t.parties().size() != spec.models().parties() || new HashSet<>(t.parties()).size() != t.parties().size()) {
                throw new ProfilerException(at, "models.traffic.parties must name each of the "
                        + spec.models().parties() + " parties once, not " + t.parties());
            }
        } else if (t.symmetric()) {
            if (!t.parties().isEmpty()) {
                throw new ProfilerException(at, "models.traffic.parties is only for split per_party");
            }
            if (t.partyCount() != null && !spec.parameters().containsKey(t.partyCount())) {
                throw new ProfilerException(at, "models.traffic.party_count '" + t.partyCount()
                        + "' is not a parameter of " + spec.name());
            }
        } else {
            throw new ProfilerException(at, "models.traffic.split '" + t.split() + "' is not per_party or symmetric");
        }
    }

    /** Bits are a total or split by sending party, never both; a per-party framework splits every non-zero phase. */
    private void checkBits(String name, CostSpec cost, String at, Set<String> known) {
        List<String> parties = partyNames();
        if ((cost.bits() != null) == cost.split()) {
            throw new ProfilerException(at, "protocol '" + name + "': give bits or sent (bits per sending party), "
                    + "exactly one of them");
        }
        if (cost.split()) {
            if (parties.isEmpty()) {
                throw new ProfilerException(at, "protocol '" + name + "' gives bits per party (sent), but "
                        + "models.traffic.split is not per_party");
            }
            for (Map.Entry<String, LocatedFormula> e : cost.sent().entrySet()) {
                if (!parties.contains(e.getKey())) {
                    throw new ProfilerException(e.getValue().start().toString(), "protocol '" + name + "': unknown "
                            + "party '" + e.getKey() + "' in sent (parties: " + String.join(", ", parties) + ")");
                }
                e.getValue().check(known);
            }
        } else {
            cost.bits().check(known);
            if (!parties.isEmpty() && !cost.bits().text().strip().equals("0")) {
                throw new ProfilerException(cost.bits().start().toString(), "protocol '" + name + "': "
                        + spec.name() + " splits traffic per party: give sent: {" + String.join(": ..., ", parties)
                        + ": ...} instead of bits");
            }
        }
    }

    /** The sending parties' names; none for a base that leaves models to the frameworks extending it. */
    private List<String> partyNames() {
        return spec.models() == null ? List.of() : spec.models().partyNames();
    }

    private void checkSetup() {
        if (spec.setup() == null) {
            return;
        }
        ProtocolSpec p = spec.protocol(spec.setup());
        if (p == null || !p.args().isEmpty()) {
            throw new ProfilerException(folder.yamlPath(), "setup: '" + spec.setup() + "' must name a protocol "
                    + "without arguments");
        }
    }
}
