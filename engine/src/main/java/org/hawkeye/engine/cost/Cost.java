package org.hawkeye.engine.cost;

import java.math.BigInteger;

/**
 * Communication of one piece of work: bits put on the network by all parties together and sequential rounds,
 * for the online and the offline (preprocessing) phase, and, when the framework's protocols say who sends what,
 * the bits each party sends in each phase ({@link Sent}; they add up to the phase's bits). Exact integers: model
 * totals pass 2^53 and 2^63.
 */
public record Cost(BigInteger onlineBits, BigInteger onlineRounds, BigInteger offlineBits, BigInteger offlineRounds,
                   Sent onlineSent, Sent offlineSent) {

    public static final Cost ZERO = new Cost(BigInteger.ZERO, BigInteger.ZERO, BigInteger.ZERO, BigInteger.ZERO);

    public Cost {
        if (onlineSent.known() && !onlineSent.sum().equals(onlineBits)
                || offlineSent.known() && !offlineSent.sum().equals(offlineBits)) {
            throw new IllegalArgumentException("bits per party " + onlineSent + " / " + offlineSent
                    + " do not add up to " + onlineBits + " / " + offlineBits);
        }
    }

    /** A cost whose split between the parties is not known. */
    public Cost(BigInteger onlineBits, BigInteger onlineRounds, BigInteger offlineBits, BigInteger offlineRounds) {
        this(onlineBits, onlineRounds, offlineBits, offlineRounds, Sent.NONE, Sent.NONE);
    }

    public static Cost online(long bits, long rounds) {
        return new Cost(BigInteger.valueOf(bits), BigInteger.valueOf(rounds), BigInteger.ZERO, BigInteger.ZERO);
    }

    /** Work done after this: bits add up (per party too), and so do rounds, since frameworks run ops one after another. */
    public Cost plus(Cost other) {
        return new Cost(onlineBits.add(other.onlineBits), onlineRounds.add(other.onlineRounds),
                offlineBits.add(other.offlineBits), offlineRounds.add(other.offlineRounds),
                onlineSent.plus(onlineBits, other.onlineSent, other.onlineBits),
                offlineSent.plus(offlineBits, other.offlineSent, other.offlineBits));
    }

    /** The same work repeated {@code times} times in sequence. */
    public Cost times(BigInteger times) {
        return new Cost(onlineBits.multiply(times), onlineRounds.multiply(times),
                offlineBits.multiply(times), offlineRounds.multiply(times),
                onlineSent.times(times), offlineSent.times(times));
    }

    /** The same cost with the parties' roles exchanged ({@link Sent#permuted}). */
    public Cost permuted(int[] to) {
        return new Cost(onlineBits, onlineRounds, offlineBits, offlineRounds, onlineSent.permuted(to),
                offlineSent.permuted(to));
    }

    /** This cost less {@code other}, which it contains (per party when both splits are known). */
    public Cost minus(Cost other) {
        return new Cost(onlineBits.subtract(other.onlineBits), onlineRounds.subtract(other.onlineRounds),
                offlineBits.subtract(other.offlineBits), offlineRounds.subtract(other.offlineRounds),
                onlineSent.minus(other.onlineSent), offlineSent.minus(other.offlineSent));
    }

    /** The mean of {@code n} equal shares (integer division, per party too). */
    public Cost dividedBy(BigInteger n) {
        Cost c = new Cost(onlineBits.divide(n), onlineRounds.divide(n), offlineBits.divide(n), offlineRounds.divide(n));
        Sent on = onlineSent.dividedBy(n);
        Sent off = offlineSent.dividedBy(n);
        boolean exact = (!on.known() || on.sum().equals(c.onlineBits)) && (!off.known() || off.sum().equals(c.offlineBits));
        return exact ? new Cost(c.onlineBits, c.onlineRounds, c.offlineBits, c.offlineRounds, on, off) : c;
    }

    /** True when nothing is sent and no round is taken (whether or not the split is known). */
    public boolean isZero() {
        return onlineBits.signum() == 0 && onlineRounds.signum() == 0 && offlineBits.signum() == 0
                && offlineRounds.signum() == 0;
    }

    public BigInteger totalBits() {
        return onlineBits.add(offlineBits);
    }
}
