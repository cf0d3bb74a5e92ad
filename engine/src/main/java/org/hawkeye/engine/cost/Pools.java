package org.hawkeye.engine.cost;

import java.math.BigInteger;
import java.util.LinkedHashMap;
import java.util.Map;
import org.hawkeye.grammar.Rational;
import org.hawkeye.specs.FrameworkFolder;
import org.hawkeye.specs.LocatedFormula;
import org.hawkeye.specs.PoolSpec;

/**
 * The framework's pools as a run uses them: ops draw in execution order, and an op whose draws find a pool short
 * pays for the refills (as the call that drains a Ferret buffer pays for the next LPN extension). Each pool key
 * (pool, owning party, instance) starts with the spec's {@code start} items.
 */
public final class Pools {
    private final FrameworkFolder framework;
    private final Map<String, Rational> params;
    private final Map<PoolKey, BigInteger> available = new LinkedHashMap<>();

    public Pools(FrameworkFolder framework, Map<String, Rational> params) {
        this.framework = framework;
        this.params = params;
    }

    /** Takes one op's draws; returns how many refills each pool needed for them (pools that needed none are absent). */
    public Map<PoolKey, BigInteger> draw(Map<PoolKey, BigInteger> draws) {
        Map<PoolKey, BigInteger> refills = new LinkedHashMap<>();
        draws.forEach((key, n) -> {
            PoolSpec spec = framework.spec().pools().get(key.pool());
            BigInteger capacity = whole(spec.capacity(), "capacity");
            BigInteger left = available.computeIfAbsent(key, k -> whole(spec.start(), "start"));
            if (n.compareTo(left) <= 0) {
                available.put(key, left.subtract(n));
                return;
            }
            BigInteger missing = n.subtract(left);
            BigInteger[] qr = missing.divideAndRemainder(capacity);
            BigInteger times = qr[0].add(qr[1].signum() > 0 ? BigInteger.ONE : BigInteger.ZERO);
            available.put(key, times.multiply(capacity).subtract(missing));
            refills.put(key, times);
        });
        return refills;
    }

    private BigInteger whole(LocatedFormula f, String what) {
        Rational r = f.evaluate(params);
        if (!r.isInteger() || r.signum() < 0 || what.equals("capacity") && r.signum() == 0) {
            throw f.error("pool " + what + " must be a whole number" + (what.equals("capacity") ? " above 0" : "")
                    + ", not " + r);
        }
        return r.toBigIntegerExact();
    }
}
