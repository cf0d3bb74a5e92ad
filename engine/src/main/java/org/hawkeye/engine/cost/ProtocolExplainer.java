package org.hawkeye.engine.cost;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hawkeye.grammar.Rational;
import org.hawkeye.specs.CallSpec;
import org.hawkeye.specs.CostSpec;
import org.hawkeye.specs.FrameworkFolder;
import org.hawkeye.specs.LocatedFormula;
import org.hawkeye.specs.ProfilerException;
import org.hawkeye.specs.ProtocolSpec;

/**
 * Explains a protocol of a framework to a user auditing it: its doc and source, every formula with each symbol's
 * value, and the bits and rounds that result for given arguments, then the same for its calls, as a tree.
 */
public final class ProtocolExplainer {
    private final FrameworkFolder framework;
    private final Map<String, Rational> params;

    public ProtocolExplainer(FrameworkFolder framework, Map<String, Rational> params) {
        this.framework = framework;
        this.params = params;
    }

    /** The explanation of {@code protocol} called with {@code args} (every argument must be given). */
    public String explain(String protocol, Map<String, String> args) {
        ProtocolSpec spec = framework.spec().protocol(protocol);
        if (spec == null) {
            throw new ProfilerException("", "unknown protocol '" + protocol + "' in " + framework.name()
                    + " (known: " + String.join(", ", framework.spec().protocolNames()) + ")");
        }
        Map<String, BigInteger> values = new LinkedHashMap<>();
        for (String name : spec.args()) {
            String v = args.get(name);
            if (v == null) {
                throw new ProfilerException("", "protocol '" + protocol + "' takes " + String.join(", ", spec.args())
                        + ": give each with --arg NAME=VALUE (missing '" + name + "')");
            }
            if (v.trim().length() > org.hawkeye.specs.ParameterValues.MAX_DIGITS) {
                throw new ProfilerException("", "--arg " + name + ": more than "
                        + org.hawkeye.specs.ParameterValues.MAX_DIGITS + " digits");
            }
            try {
                values.put(name, new BigInteger(v.trim()));
            } catch (NumberFormatException e) {
                throw new ProfilerException("", "--arg " + name + "=" + v + ": not a whole number");
            }
        }
        for (String given : args.keySet()) {
            if (!spec.args().contains(given)) {
                throw new ProfilerException("", "--arg " + given + ": protocol '" + protocol + "' takes "
                        + (spec.args().isEmpty() ? "no arguments" : String.join(", ", spec.args())));
            }
        }
        CostNode root = new ProtocolCoster(framework, params).expandCall(protocol, values, "explain");
        StringBuilder sb = new StringBuilder();
        describe(root, 0, sb, java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>()));
        return sb.toString();
    }

    /**
     * One call and, the first time it appears, its formulas and calls. The coster shares the node of identical
     * calls, so a sub-protocol many callers use is explained once and referred to after: the text grows with the
     * number of distinct calls, not with the number of paths to them.
     */
    private void describe(CostNode node, int level, StringBuilder sb, java.util.Set<CostNode> explained) {
        String pad = "  ".repeat(level);
        ProtocolSpec spec = framework.spec().protocol(node.protocol());
        Map<String, Rational> env = new HashMap<>(params);
        env.putAll(node.args());
        sb.append(pad).append(node.label()).append(node.label().equals(node.protocol()) ? "" : " = " + node.protocol())
                .append('(').append(joinArgs(node.args())).append(')')
                .append(node.repeat().compareTo(BigInteger.ONE) > 0 ? " x" + node.repeat() : "").append('\n');
        if (!explained.add(node)) {
            sb.append(pad).append("  (explained above)\n");
            return;
        }
        sb.append(pad).append("  ").append(spec.doc()).append('\n');
        sb.append(pad).append("  source: ").append(spec.source()).append('\n');
        sb.append(pad).append("  defined at ").append(framework.locationOf(spec)).append('\n');
        formula(sb, pad, "online bits", spec.online() == null ? null : spec.online().bits(), env);
        formula(sb, pad, "online rounds", spec.online() == null ? null : spec.online().rounds(), env);
        formula(sb, pad, "offline bits", spec.offline() == null ? null : spec.offline().bits(), env);
        formula(sb, pad, "offline rounds", spec.offline() == null ? null : spec.offline().rounds(), env);
        Cost t = node.total();
        sb.append(pad).append("  total").append(node.repeat().compareTo(BigInteger.ONE) > 0 ? " (all repeats)" : "")
                .append(": online ").append(t.onlineBits()).append(" bits, ").append(t.onlineRounds())
                .append(" rounds; offline ").append(t.offlineBits()).append(" bits, ").append(t.offlineRounds())
                .append(" rounds\n");
        List<CallSpec> calls = spec.calls();
        if (!calls.isEmpty()) {
            sb.append(pad).append("  calls, in sequence:\n");
        }
        for (CostNode child : node.children()) {
            describe(child, level + 2, sb, explained);
        }
    }

    private static void formula(StringBuilder sb, String pad, String what, LocatedFormula f,
                                Map<String, Rational> env) {
        if (f == null) {
            return;
        }
        List<String> symbols = new ArrayList<>();
        for (String v : f.formula().variables()) {
            symbols.add(v + " = " + env.get(v));
        }
        sb.append(pad).append("  ").append(what).append(" = ").append(f.text())
                .append(symbols.isEmpty() ? "" : "   [" + String.join(", ", symbols) + "]")
                .append("  => ").append(f.evaluate(env)).append('\n');
    }

    private static String joinArgs(Map<String, Rational> args) {
        List<String> parts = new ArrayList<>();
        args.forEach((k, v) -> parts.add(k + "=" + v));
        return String.join(", ", parts);
    }
}
