package org.hawkeye.specs;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.math.BigDecimal;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A named network of {@code networks.yaml}: its bandwidth (e.g. {@code 3000Mbps}) and round-trip time ({@code 0.3ms})
 * written as {@code --network} takes them, and the source of the setting; or {@code same_as} another network's name.
 */
public record NetworkSpec(String bandwidth, String rtt, String source, @JsonProperty("same_as") String sameAs) {
    private static final Pattern QUANTITY = Pattern.compile("\\s*([0-9]+(?:\\.[0-9]+)?)\\s*([A-Za-zµ]+)\\s*");

    /** Bits per second of {@code 3000Mbps}, {@code 1.5 Gbps}...; errors name {@code where}. */
    public static BigDecimal bitsPerSecond(String text, String where) {
        Matcher m = quantity(text, where, "a bandwidth such as 1Gbps");
        BigDecimal unit = switch (m.group(2)) {
            case "bps" -> BigDecimal.ONE;
            case "Kbps", "kbps" -> BigDecimal.TEN.pow(3);
            case "Mbps" -> BigDecimal.TEN.pow(6);
            case "Gbps" -> BigDecimal.TEN.pow(9);
            default -> throw new ProfilerException(where, "unknown bandwidth unit '" + m.group(2)
                    + "' (bits per second: bps, Kbps, Mbps, Gbps)");
        };
        BigDecimal bps = new BigDecimal(m.group(1)).multiply(unit);
        if (bps.signum() == 0) {
            throw new ProfilerException(where, "bandwidth must be more than 0");
        }
        return bps;
    }

    /** Seconds of {@code 0.5ms}, {@code 100us}, {@code 2 s}; errors name {@code where}. */
    public static BigDecimal seconds(String text, String where) {
        Matcher m = quantity(text, where, "a round-trip time such as 0.5ms");
        BigDecimal unit = switch (m.group(2)) {
            case "us", "µs" -> new BigDecimal("0.000001");
            case "ms" -> new BigDecimal("0.001");
            case "s" -> BigDecimal.ONE;
            default -> throw new ProfilerException(where, "unknown latency unit '" + m.group(2) + "' (us, ms, s)");
        };
        return new BigDecimal(m.group(1)).multiply(unit);
    }

    private static Matcher quantity(String text, String where, String expected) {
        Matcher m = QUANTITY.matcher(text);
        if (!m.matches()) {
            throw new ProfilerException(where, "'" + text + "' is not " + expected);
        }
        return m;
    }
}
