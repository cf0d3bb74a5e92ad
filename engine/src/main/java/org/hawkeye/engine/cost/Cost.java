package org.hawkeye.engine.cost;

import java.math.BigInteger;

/**
 * Communication of one piece of work: bits put on the network by all parties together and sequential rounds,
 * for the online and the offline (preprocessing) phase. Exact integers: model totals pass 2^53 and 2^63.
 */
public record Cost(BigInteger onlineBits, BigInteger onlineRounds, BigInteger offlineBits, BigInteger offlineRounds) {

    public static final Cost ZERO = new Cost(BigInteger.ZERO, BigInteger.ZERO, BigInteger.ZERO, BigInteger.ZERO);

    public static Cost online(long bits, long rounds) {
        return new Cost(BigInteger.valueOf(bits), BigInteger.valueOf(rounds), BigInteger.ZERO, BigInteger.ZERO);
    }

    /** Work done after this: bits add up, and so do rounds, since frameworks run ops one after another. */
    public Cost plus(Cost other) {
        return new Cost(onlineBits.add(other.onlineBits), onlineRounds.add(other.onlineRounds),
                offlineBits.add(other.offlineBits), offlineRounds.add(other.offlineRounds));
    }

    /** The same work repeated {@code times} times in sequence. */
    public Cost times(BigInteger times) {
        return new Cost(onlineBits.multiply(times), onlineRounds.multiply(times),
                offlineBits.multiply(times), offlineRounds.multiply(times));
    }

    public boolean isZero() {
        return equals(ZERO);
    }

    public BigInteger totalBits() {
        return onlineBits.add(offlineBits);
    }
}
