package org.hawkeye.engine.cost;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.hawkeye.grammar.Rational;
import org.hawkeye.specs.CallSpec;
import org.hawkeye.specs.CostSpec;
import org.hawkeye.specs.DrawSpec;
import org.hawkeye.specs.FrameworkFolder;
import org.hawkeye.specs.LocatedFormula;
import org.hawkeye.specs.ProfilerException;
import org.hawkeye.specs.ProtocolSpec;

/**
 * Evaluates a framework's protocols: a primitive's formulas over its arguments and the parameters, a composed
 * protocol's calls in sequence. Results are memoised per (protocol, arguments): a model calls the same protocol
 * with the same sizes many times (every ReLU of a ResNet stage), and the trees are immutable.
 *
 * <p>In a framework that splits traffic per party, every node's cost is seen from the top-level call's roles: a
 * call that maps parties ({@code parties: {server: client, client: server}}) shows its callee's bits with the
 * roles exchanged, and so on down the chain.
 */
public final class ProtocolCoster {
    private static final Rational ZERO = Rational.of(0);

    private final FrameworkFolder framework;
    private final Map<String, Rational> params;
    /** Shared by the profiles of one Profiler, possibly on several threads: a race only computes a node twice. */
    private final Map<String, CostNode> memo = new ConcurrentHashMap<>();
    private final List<String> parties;
    private final int[] identity;

    public ProtocolCoster(FrameworkFolder framework, Map<String, Rational> params) {
        this.framework = framework;
        this.params = params;
        this.parties = framework.spec().models().partyNames();
        this.identity = new int[parties.size()];
        for (int i = 0; i < identity.length; i++) {
            identity[i] = i;
        }
    }

    /** The one-time setup the spec names ({@code setup:}), or null when it names none. */
    public CostNode setup() {
        String setup = framework.spec().setup();
        return setup == null ? null : expand(setup, setup, Map.of(), BigInteger.ONE, identity);
    }

    /** Expands a call a rule emitted; {@code origin} names the rule, for errors. */
    public CostNode expandCall(String protocol, Map<String, BigInteger> args, String origin) {
        ProtocolSpec spec = framework.spec().protocol(protocol);
        String where = framework.displayDir() + "/rules";
        if (spec == null) {
            throw new ProfilerException(where, "rule '" + origin + "' calls unknown protocol '" + protocol + "'");
        }
        if (!spec.args().equals(new ArrayList<>(args.keySet())) && !sameNames(spec.args(), args.keySet())) {
            throw new ProfilerException(where, "rule '" + origin + "' calls '" + protocol + "' with arguments "
                    + args.keySet() + ", but it takes " + spec.args());
        }
        Map<String, Rational> exact = new LinkedHashMap<>();
        for (String name : spec.args()) {
            exact.put(name, Rational.of(args.get(name)));
        }
        return expand(protocol, protocol, exact, BigInteger.ONE, identity);
    }

    private static boolean sameNames(List<String> expected, java.util.Set<String> given) {
        return expected.size() == given.size() && given.containsAll(expected);
    }

    private CostNode expand(String label, String protocol, Map<String, Rational> args, BigInteger repeat,
                            int[] roles) {
        return expand(label, protocol, args, repeat, roles, true);
    }

    /**
     * {@code roles[i]} is the top-level index of this protocol's party i; {@code counted} is false under a call that
     * runs in parallel on a channel whose flights are not counted.
     */
    private CostNode expand(String label, String protocol, Map<String, Rational> args, BigInteger repeat,
                            int[] roles, boolean counted) {
        String key = label + '\u0000' + protocol + '\u0000' + args + '\u0000' + repeat + '\u0000'
                + java.util.Arrays.toString(roles) + '\u0000' + counted;
        CostNode cached = memo.get(key);
        if (cached != null) {
            return cached;
        }
        ProtocolSpec spec = framework.spec().protocol(protocol);
        Map<String, Rational> env = new HashMap<>(params);
        env.putAll(args);
        Cost own = phaseCost(spec.online(), env, true).plus(phaseCost(spec.offline(), env, false)).permuted(roles);
        if (!counted) {
            own = new Cost(own.onlineBits(), BigInteger.ZERO, own.offlineBits(), BigInteger.ZERO, own.onlineSent(),
                    own.offlineSent());
        }
        Cost once = own;
        Map<PoolKey, BigInteger> draws = new LinkedHashMap<>();
        for (DrawSpec d : spec.draws()) {
            int party = d.party() == null ? -1 : roles[parties.indexOf(d.party())];
            BigInteger instance = d.instance() == null ? BigInteger.ZERO : count(d.instance(), env, "pool instance");
            draws.merge(new PoolKey(d.pool(), party, instance), count(d.n(), env, "draw from " + d.pool()),
                    BigInteger::add);
        }
        List<CostNode> children = new ArrayList<>();
        for (CallSpec call : spec.calls()) {
            if (call.when() != null && call.when().evaluate(env).equals(ZERO)) {
                continue;
            }
            BigInteger times = call.repeat() == null ? BigInteger.ONE : count(call.repeat(), env, "repeat count");
            if (times.signum() == 0) {
                continue;
            }
            Map<String, Rational> calleeArgs = new LinkedHashMap<>();
            for (String name : framework.spec().protocol(call.protocol()).args()) {
                calleeArgs.put(name, call.args().get(name).evaluate(env));
            }
            CostNode child = expand(call.label(), call.protocol(), calleeArgs, times, calleeRoles(call, roles),
                    counted && !call.inParallel());
            children.add(child);
            once = once.plus(child.total());
            child.draws().forEach((k, v) -> draws.merge(k, v, BigInteger::add));
        }
        Map<PoolKey, BigInteger> allDraws = new LinkedHashMap<>();
        draws.forEach((k, v) -> allDraws.put(k, v.multiply(repeat)));
        CostNode node = new CostNode(label, protocol, args, repeat, own, children, once.times(repeat),
                spec.source(), allDraws);
        memo.put(key, node);
        return node;
    }

    /**
     * A pool refill: its protocol, with the pool owner's roles (the protocol is written with the owner as the first
     * party), {@code times} times.
     */
    public CostNode refill(PoolKey pool, BigInteger times) {
        String protocol = framework.spec().pools().get(pool.pool()).refill();
        int[] roles = identity.clone();
        if (pool.party() > 0) {
            roles[0] = pool.party();
            roles[pool.party()] = 0;
        }
        String label = protocol + (pool.party() < 0 ? "" : "_" + parties.get(pool.party()));
        return expand(label, protocol, Map.of(), times, roles);
    }

    /** {@code node} with {@code child} run after its other steps (once per run of it: repeat 1 nodes only). */
    public static CostNode withChild(CostNode node, CostNode child) {
        List<CostNode> children = new ArrayList<>(node.children());
        children.add(child);
        return new CostNode(node.label(), node.protocol(), node.args(), node.repeat(), node.own(), children,
                node.total().plus(child.total()), node.source(), node.draws());
    }

    private int[] calleeRoles(CallSpec call, int[] roles) {
        if (call.parties().isEmpty()) {
            return roles;
        }
        int[] out = new int[roles.length];
        for (int i = 0; i < parties.size(); i++) {
            out[i] = roles[parties.indexOf(call.parties().get(parties.get(i)))];
        }
        return out;
    }

    private Cost phaseCost(CostSpec spec, Map<String, Rational> env, boolean online) {
        if (spec == null) {
            return parties.isEmpty() ? Cost.ZERO : new Cost(BigInteger.ZERO, BigInteger.ZERO, BigInteger.ZERO,
                    BigInteger.ZERO, Sent.zero(parties.size()), Sent.zero(parties.size()));
        }
        BigInteger rounds = count(spec.rounds(), env, "round count");
        Sent sent = Sent.NONE;
        BigInteger bits;
        if (spec.split()) {
            List<BigInteger> byParty = new ArrayList<>();
            for (String party : parties) {
                LocatedFormula f = spec.sent().get(party);
                byParty.add(f == null ? BigInteger.ZERO : count(f, env, "bit count of " + party));
            }
            sent = new Sent(byParty);
            bits = sent.sum();
        } else {
            bits = count(spec.bits(), env, "bit count");
            sent = parties.isEmpty() ? Sent.NONE : Sent.zero(parties.size());
        }
        Sent none = parties.isEmpty() ? Sent.NONE : Sent.zero(parties.size());
        return online ? new Cost(bits, rounds, BigInteger.ZERO, BigInteger.ZERO, sent, none)
                : new Cost(BigInteger.ZERO, BigInteger.ZERO, bits, rounds, none, sent);
    }

    /** Bits, rounds and repeat counts are whole and non-negative; anything else is a spec error. */
    private static BigInteger count(LocatedFormula f, Map<String, Rational> env, String what) {
        Rational r = f.evaluate(env);
        if (!r.isInteger()) {
            throw f.error(what + " is " + r + ", not a whole number, for " + describe(f, env));
        }
        BigInteger v = r.toBigIntegerExact();
        if (v.signum() < 0) {
            throw f.error(what + " is negative (" + v + ") for " + describe(f, env));
        }
        return v;
    }

    private static String describe(LocatedFormula f, Map<String, Rational> env) {
        List<String> parts = new ArrayList<>();
        for (String v : f.formula().variables()) {
            parts.add(v + " = " + env.get(v));
        }
        return String.join(", ", parts);
    }
}
