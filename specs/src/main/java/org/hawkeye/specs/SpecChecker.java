package org.hawkeye.specs;

import java.math.BigDecimal;
import java.util.ArrayList;
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
        spec.parameters().forEach(this::checkParameter);
        spec.protocols().forEach(this::checkProtocol);
        CallGraph.check(folder);
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
}
