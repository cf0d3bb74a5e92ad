package org.hawkeye.specs;

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
 * itself (directly or not), and parameter defaults respect their own ranges.
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
        spec.parameters().forEach(this::checkParameter);
        checkTraffic();
        spec.protocols().forEach(this::checkProtocol);
        checkSetup();
        for (String name : spec.protocols().keySet()) {
            findCycle(name, new ArrayList<>(), new HashSet<>());
        }
    }

    private void checkParameter(String name, ParameterSpec p) {
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

    /** Depth-first search; {@code path} holds the protocols being expanded, {@code done} those proven acyclic. */
    private void findCycle(String name, List<String> path, Set<String> done) {
        if (done.contains(name)) {
            return;
        }
        if (path.contains(name)) {
            List<String> cycle = new ArrayList<>(path.subList(path.indexOf(name), path.size()));
            cycle.add(name);
            throw new ProfilerException(folder.locationOf(spec.protocol(name)).toString(),
                    "protocols call each other in a cycle: " + String.join(" -> ", cycle));
        }
        path.add(name);
        for (CallSpec call : spec.protocol(name).calls()) {
            findCycle(call.protocol(), path, done);
        }
        path.remove(path.size() - 1);
        done.add(name);
    }
}
