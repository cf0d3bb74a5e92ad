package org.hawkeye.engine.cost;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/**
 * Bits each party sends in one phase, in the order of the framework's {@code models.traffic.parties}; empty when
 * the framework's protocols give totals only. When known, the parts add up to the phase's bits.
 */
public record Sent(List<BigInteger> byParty) {

    public static final Sent NONE = new Sent(List.of());

    public Sent {
        byParty = List.copyOf(byParty);
    }

    /** No bits from any of {@code parties} parties. */
    public static Sent zero(int parties) {
        List<BigInteger> z = new ArrayList<>();
        for (int i = 0; i < parties; i++) {
            z.add(BigInteger.ZERO);
        }
        return new Sent(z);
    }

    public boolean known() {
        return !byParty.isEmpty();
    }

    public BigInteger sum() {
        BigInteger s = BigInteger.ZERO;
        for (BigInteger b : byParty) {
            s = s.add(b);
        }
        return s;
    }

    /** What the party sending most sends (the larger direction of a two-party link). */
    public BigInteger max() {
        BigInteger m = BigInteger.ZERO;
        for (BigInteger b : byParty) {
            m = m.max(b);
        }
        return m;
    }

    /**
     * The split of {@code bits + otherBits}: element-wise when both are known; the known one when the other phase
     * sends nothing; unknown otherwise.
     */
    public Sent plus(BigInteger bits, Sent other, BigInteger otherBits) {
        if (known() && other.known() && byParty.size() == other.byParty.size()) {
            List<BigInteger> s = new ArrayList<>(byParty.size());
            for (int i = 0; i < byParty.size(); i++) {
                s.add(byParty.get(i).add(other.byParty.get(i)));
            }
            return new Sent(s);
        }
        if (known() && otherBits.signum() == 0) {
            return this;
        }
        if (other.known() && bits.signum() == 0) {
            return other;
        }
        return NONE;
    }

    Sent times(BigInteger n) {
        return new Sent(byParty.stream().map(b -> b.multiply(n)).toList());
    }

    /** The same traffic seen with the roles exchanged: the party at index i here is {@code to[i]} there. */
    public Sent permuted(int[] to) {
        if (!known()) {
            return this;
        }
        BigInteger[] out = new BigInteger[byParty.size()];
        for (int i = 0; i < to.length; i++) {
            out[to[i]] = byParty.get(i);
        }
        return new Sent(List.of(out));
    }

    Sent minus(Sent other) {
        if (!known() || !other.known() || byParty.size() != other.byParty.size()) {
            return NONE;
        }
        List<BigInteger> s = new ArrayList<>(byParty.size());
        for (int i = 0; i < byParty.size(); i++) {
            s.add(byParty.get(i).subtract(other.byParty.get(i)));
        }
        return new Sent(s);
    }

    Sent dividedBy(BigInteger n) {
        return new Sent(byParty.stream().map(b -> b.divide(n)).toList());
    }
}
