package org.hawkeye.engine.cost;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.util.List;
import org.hawkeye.specs.ModelledSystem;
import org.hawkeye.specs.TrafficSpec;

/**
 * Who sends a profile's bits, as its framework declares it: {@code per_party} (the costs carry the bits each of
 * {@code parties} sends), {@code symmetric} (each of the {@code count} parties sends an equal share) or
 * {@code total} (the spec knows totals only). {@code why} is the framework's reason.
 */
public record Traffic(String split, List<String> parties, int count, String why) {

    public static final String TOTAL = "total";

    public Traffic {
        parties = List.copyOf(parties);
    }

    /** The traffic of a framework with its parameters' values (a symmetric count may be a parameter). */
    public static Traffic of(ModelledSystem models, java.util.Map<String, org.hawkeye.grammar.Rational> params) {
        TrafficSpec t = models.traffic();
        if (t == null) {
            return new Traffic(TOTAL, List.of(), models.parties(), "");
        }
        int count = t.partyCount() == null ? models.parties()
                : params.get(t.partyCount()).toBigIntegerExact().intValueExact();
        return new Traffic(t.split(), t.parties(), count, t.why());
    }

    public boolean symmetric() {
        return TrafficSpec.SYMMETRIC.equals(split);
    }

    public boolean perParty() {
        return TrafficSpec.PER_PARTY.equals(split) && !parties.isEmpty();
    }

    /**
     * Bits on the busiest direction of a phase: what the party sending most sends (per party), the total over the
     * number of parties (symmetric), or, when nothing says who sends, the total.
     */
    public BigDecimal largestDirection(BigInteger bits, Sent sent) {
        if (sent.known()) {
            return new BigDecimal(sent.max());
        }
        if (TrafficSpec.SYMMETRIC.equals(split) && count > 0) {
            return new BigDecimal(bits).divide(BigDecimal.valueOf(count), MathContext.DECIMAL64);
        }
        return new BigDecimal(bits);
    }
}
