package org.hawkeye.engine.generate;

import java.math.BigInteger;
import org.hawkeye.engine.cost.Cost;

/** The four numbers of a cost, each of which may be a polynomial in a size on its own. */
public enum Metric {
    ONLINE_BITS("online bits", "online_bits"), ONLINE_ROUNDS("online rounds", "online_rounds"),
    OFFLINE_BITS("offline bits", "offline_bits"), OFFLINE_ROUNDS("offline rounds", "offline_rounds");

    private final String label;
    private final String key;

    Metric(String label, String key) {
        this.label = label;
        this.key = key;
    }

    /** How text reports name it: "online bits". */
    public String label() {
        return label;
    }

    /** How JSON and CSV name it: "online_bits". */
    public String key() {
        return key;
    }

    public BigInteger of(Cost c) {
        return switch (this) {
            case ONLINE_BITS -> c.onlineBits();
            case ONLINE_ROUNDS -> c.onlineRounds();
            case OFFLINE_BITS -> c.offlineBits();
            case OFFLINE_ROUNDS -> c.offlineRounds();
        };
    }
}
