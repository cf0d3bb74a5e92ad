package org.hawkeye.engine.report;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.MathContext;
import org.hawkeye.engine.cost.Cost;
import org.hawkeye.engine.cost.Traffic;

/**
 * The {@code "time"} object that {@code --network} adds to the JSON report: the network and the estimated
 * seconds per phase. Seconds are decimals with six significant digits; they are estimates, not counts.
 */
final class TimeJson {
    private TimeJson() {
    }

    static void write(JsonGenerator g, Network network, Cost total, Traffic traffic) throws IOException {
        Network.Estimate e = network.estimate(total, traffic);
        g.writeObjectFieldStart("time");
        g.writeStringField("network", network.name());
        g.writeFieldName("bandwidth_bits_per_second");
        g.writeNumber(plain(network.bitsPerSecond()));
        g.writeFieldName("rtt_seconds");
        g.writeNumber(plain(network.rttSeconds()));
        g.writeStringField("formula", "bits of the busier direction / bandwidth + rounds * rtt, per phase");
        g.writeFieldName("online_seconds");
        g.writeNumber(plain(e.onlineSeconds()));
        g.writeFieldName("offline_seconds");
        g.writeNumber(plain(e.offlineSeconds()));
        g.writeFieldName("total_seconds");
        g.writeNumber(plain(e.totalSeconds()));
        g.writeStringField("source", network.source());
        g.writeEndObject();
    }

    private static String plain(BigDecimal v) {
        return v.round(new MathContext(6)).stripTrailingZeros().toPlainString();
    }
}
