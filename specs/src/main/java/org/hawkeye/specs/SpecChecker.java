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

    private SpecChecker(FrameworkFolder folder) {
        this.folder = folder;
        this.spec = folder.spec();
    }

    static void check(FrameworkFolder folder) {
        new SpecChecker(folder).run();
    }

    private void run() {
        if (!spec.name().equals(folder.name())) {
            throw new ProfilerException(folder.yamlPath(), "name '" + spec.name()
                    + "' differs from its folder name '" + folder.name() + "'");
        }
        if (spec.models().parties() < 1) {
            throw new ProfilerException(folder.yamlPath(), "models.parties must be at least 1");
        }
        if (!spec.embeddingPolicies().contains(spec.defaults().embedding())) {
            throw new ProfilerException(folder.yamlPath(), "defaults.embedding '" + spec.defaults().embedding()
                    + "' is no embedding policy of this framework (known: "
                    + String.join(", ", spec.embeddingPolicies()) + "; others are declared under embeddings:)");
        }
        spec.parameters().forEach(this::checkParameter);
        spec.protocols().forEach(this::checkProtocol);
        for (String name : spec.protocols().keySet()) {
            findCycle(name, new ArrayList<>(), new HashSet<>());
        }
    }

    private void checkParameter(String name, ParameterSpec p) {
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
        if (p.online() == null && p.offline() == null && p.calls().isEmpty()) {
            throw new ProfilerException(at, "protocol '" + name + "' has no cost: give online/offline or calls");
        }
        Set<String> known = new TreeSet<>(args);
        known.addAll(spec.parameters().keySet());
        for (CostSpec cost : new CostSpec[] {p.online(), p.offline()}) {
            if (cost != null) {
                cost.bits().check(known);
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
