package org.hawkeye.validation;

import java.math.BigDecimal;
import java.util.Map;

/**
 * Units a measurement may be written in, converted to bits (or rounds). Papers write MB and GB for 2^20 and
 * 2^30 bytes (HawkEye's artifact, SCI's prints), so MB/GB are binary here; decimal ones are spelled out.
 */
final class Units {
    private static final Map<String, BigDecimal> BITS_PER_UNIT = Map.ofEntries(
            Map.entry("bits", BigDecimal.ONE),
            Map.entry("bytes", BigDecimal.valueOf(8)),
            Map.entry("KiB", BigDecimal.valueOf(8L << 10)),
            Map.entry("MiB", BigDecimal.valueOf(8L << 20)),
            Map.entry("MB", BigDecimal.valueOf(8L << 20)),
            Map.entry("GiB", BigDecimal.valueOf(8L << 30)),
            Map.entry("GB", BigDecimal.valueOf(8L << 30)),
            Map.entry("decimal_MB", BigDecimal.valueOf(8_000_000L)),
            Map.entry("decimal_GB", BigDecimal.valueOf(8_000_000_000L)));

    private Units() {
    }

    static boolean isKnown(String metric, String unit) {
        return "rounds".equals(metric) ? "rounds".equals(unit) : BITS_PER_UNIT.containsKey(unit);
    }

    static String known(String metric) {
        return "rounds".equals(metric) ? "rounds" : String.join(", ", new java.util.TreeSet<>(BITS_PER_UNIT.keySet()));
    }

    /** The value in bits (metric bits) or rounds (metric rounds). */
    static BigDecimal toBase(String metric, BigDecimal value, String unit) {
        return "rounds".equals(metric) ? value : value.multiply(BITS_PER_UNIT.get(unit));
    }

    /** Bits (or rounds) expressed in {@code unit}. */
    static BigDecimal fromBase(String metric, BigDecimal base, String unit) {
        return "rounds".equals(metric) ? base
                : base.divide(BITS_PER_UNIT.get(unit), java.math.MathContext.DECIMAL64);
    }
}
