package org.hawkeye.engine.report;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;

/** Human units for communication: bits shown as bytes with IEC prefixes (papers report MB and GB). */
public final class Units {
    private static final String[] PREFIXES = {"B", "KiB", "MiB", "GiB", "TiB", "PiB", "EiB"};

    private Units() {
    }

    /** {@code 8 * 1536} bits → "1.50 KiB"; below 1 KiB whole bytes ("464 B"); fractions of a byte in bits. */
    public static String bytes(BigInteger bits) {
        if (bits.signum() == 0) {
            return "0";
        }
        if (bits.mod(BigInteger.valueOf(8)).signum() != 0 && bits.compareTo(BigInteger.valueOf(8 * 1024)) < 0) {
            return bits + " bit";
        }
        BigDecimal value = new BigDecimal(bits).divide(BigDecimal.valueOf(8));
        int i = 0;
        BigDecimal k = BigDecimal.valueOf(1024);
        while (value.compareTo(k) >= 0 && i < PREFIXES.length - 1) {
            value = value.divide(k);
            i++;
        }
        return i == 0 ? value.setScale(0, RoundingMode.HALF_UP) + " B"
                : value.setScale(2, RoundingMode.HALF_UP) + " " + PREFIXES[i];
    }

    /** A share of a total as a percentage with one decimal. */
    public static String percent(BigInteger part, BigInteger whole) {
        if (whole.signum() == 0) {
            return "-";
        }
        BigDecimal p = new BigDecimal(part).multiply(BigDecimal.valueOf(100))
                .divide(new BigDecimal(whole), 1, RoundingMode.HALF_UP);
        return p.toPlainString() + "%";
    }
}
