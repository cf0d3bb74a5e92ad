package org.hawkeye.engine.report;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.hawkeye.engine.cost.Cost;
import org.hawkeye.engine.cost.Traffic;
import org.hawkeye.specs.ProfilerException;

/**
 * A network to turn bits and rounds into an estimated time, per phase: {@code larger direction / bandwidth + rounds x
 * RTT}.
 *
 * <p>The link is full duplex: both directions carry data at once, each at the full bandwidth, so a phase takes as
 * long as its busier direction needs ({@link Traffic#largestDirection}: the bits of the party sending most when the
 * framework splits traffic per party, the total over the parties when it is symmetric, all bits when nothing says
 * who sends). Every round costs one round-trip time (what
 * ping shows; the papers quote it): a round in which the parties exchange messages at the same time really waits
 * about one one-way delay, so the estimate errs long on latency. Computation is not counted at all, so for
 * HE-heavy frameworks it errs short; it is a network floor, not a run-time prediction.
 */
public record Network(String name, BigDecimal bitsPerSecond, BigDecimal rttSeconds, String source) {
    private static final MathContext MC = MathContext.DECIMAL64;

    /**
     * The presets, with the setting each paper's artifact emulated. Names are what {@code --network} accepts.
     * The netem delays are on the loopback device, which both directions cross, so ping is twice the delay.
     */
    static final Map<String, Network> PRESETS = presets();

    private static Map<String, Network> presets() {
        Map<String, Network> m = new LinkedHashMap<>();
        // OpenCheetah scripts/throttle.sh lan: tbf rate 3000mbit, netem delay 0.15msec on lo ("about 0.3ms ping")
        Network cheetahLan = new Network("cheetah-lan", mbps(3000), ms("0.3"),
                "Cheetah (USENIX Security 2022) LAN: OpenCheetah scripts/throttle.sh, 3000 Mbit/s, 0.3 ms ping");
        // wqruan/HawkEye Scripts/resnet-opt.sh: netem rate 9Mbps delay 36ms on lo; tc(8) reads "Mbps" as
        // megabytes per second, so the link carried 72 Mbit/s, and 36 ms each way is a 72 ms ping
        Network hawkeyeWan = new Network("hawkeye-wan", mbps(72), ms("72"),
                "HawkEye (USENIX Security 2025) WAN, Table 5: tc netem rate 9Mbps (9 MB/s = 72 Mbit/s) delay 36ms on lo");
        // OpenCheetah scripts/throttle.sh wan: tbf rate 400mbit, netem delay 20msec on lo ("about 40ms ping")
        Network cheetahWan = new Network("cheetah-wan", mbps(400), ms("40"),
                "Cheetah (USENIX Security 2022) WAN: OpenCheetah scripts/throttle.sh, 400 Mbit/s, 40 ms ping");
        m.put("lan", cheetahLan.renamed("lan"));
        m.put("wan", hawkeyeWan.renamed("wan"));
        m.put(cheetahLan.name(), cheetahLan);
        m.put(cheetahWan.name(), cheetahWan);
        m.put(hawkeyeWan.name(), hawkeyeWan);
        return java.util.Collections.unmodifiableMap(m);
    }

    /** The networks reports show when the user names none: the LAN and the WAN preset. */
    public static List<Network> defaults() {
        return List.of(PRESETS.get("lan"), PRESETS.get("wan"));
    }

    public static Map<String, Network> presetsByName() {
        return PRESETS;
    }

    private static final Pattern CUSTOM = Pattern.compile(
            "\\s*([0-9]+(?:\\.[0-9]+)?)\\s*([A-Za-z]+)\\s*,\\s*([0-9]+(?:\\.[0-9]+)?)\\s*([a-zµ]+)\\s*");

    /** A preset name, or {@code BANDWIDTH,LATENCY} such as {@code 1Gbps,0.5ms} (latency is the round-trip time). */
    public static Network parse(String text) {
        Network preset = PRESETS.get(text.toLowerCase(Locale.ROOT));
        if (preset != null) {
            return preset;
        }
        Matcher m = CUSTOM.matcher(text);
        if (!m.matches()) {
            throw new ProfilerException("--network " + text, "not a preset (" + String.join(", ", PRESETS.keySet())
                    + ") nor BANDWIDTH,RTT such as 1Gbps,0.5ms");
        }
        BigDecimal bps = new BigDecimal(m.group(1)).multiply(bandwidthUnit(text, m.group(2)));
        BigDecimal rtt = new BigDecimal(m.group(3)).multiply(latencyUnit(text, m.group(4)));
        if (bps.signum() == 0) {
            throw new ProfilerException("--network " + text, "bandwidth must be more than 0");
        }
        return new Network(text.strip(), bps, rtt, "given on the command line");
    }

    private static BigDecimal bandwidthUnit(String text, String unit) {
        return switch (unit) {
            case "bps" -> BigDecimal.ONE;
            case "Kbps", "kbps" -> BigDecimal.TEN.pow(3);
            case "Mbps" -> BigDecimal.TEN.pow(6);
            case "Gbps" -> BigDecimal.TEN.pow(9);
            default -> throw new ProfilerException("--network " + text, "unknown bandwidth unit '" + unit
                    + "' (bits per second: bps, Kbps, Mbps, Gbps)");
        };
    }

    private static BigDecimal latencyUnit(String text, String unit) {
        return switch (unit) {
            case "us", "µs" -> new BigDecimal("0.000001");
            case "ms" -> new BigDecimal("0.001");
            case "s" -> BigDecimal.ONE;
            default -> throw new ProfilerException("--network " + text, "unknown latency unit '" + unit
                    + "' (us, ms, s)");
        };
    }

    private static BigDecimal mbps(long megabits) {
        return BigDecimal.valueOf(megabits).multiply(BigDecimal.TEN.pow(6));
    }

    private static BigDecimal ms(String millis) {
        return new BigDecimal(millis).divide(BigDecimal.valueOf(1000));
    }

    private Network renamed(String alias) {
        return new Network(alias, bitsPerSecond, rttSeconds, source);
    }

    /** Seconds to move {@code bits} on the busier direction in {@code rounds} sequential rounds. */
    public BigDecimal seconds(BigDecimal bits, BigInteger rounds) {
        return bits.divide(bitsPerSecond, MC).add(new BigDecimal(rounds).multiply(rttSeconds), MC);
    }

    /** The estimate for one cost of a profile whose traffic {@code t} describes, per phase. */
    public Estimate estimate(Cost c, Traffic t) {
        return new Estimate(this, seconds(t.largestDirection(c.onlineBits(), c.onlineSent()), c.onlineRounds()),
                seconds(t.largestDirection(c.offlineBits(), c.offlineSent()), c.offlineRounds()));
    }

    /** "72 Mbit/s, 72 ms RTT". */
    public String describe() {
        return rate(bitsPerSecond) + ", " + duration(rttSeconds.doubleValue()) + " RTT";
    }

    /** Estimated seconds of the online and the offline phase on a network. */
    public record Estimate(Network network, BigDecimal onlineSeconds, BigDecimal offlineSeconds) {
        public BigDecimal totalSeconds() {
            return onlineSeconds.add(offlineSeconds);
        }
    }

    static String rate(BigDecimal bps) {
        String[] units = {"bit/s", "Kbit/s", "Mbit/s", "Gbit/s", "Tbit/s"};
        BigDecimal v = bps;
        int i = 0;
        while (v.compareTo(BigDecimal.valueOf(1000)) >= 0 && i < units.length - 1) {
            v = v.divide(BigDecimal.valueOf(1000));
            i++;
        }
        return v.stripTrailingZeros().toPlainString() + " " + units[i];
    }

    /** A duration with a unit a person reads at a glance: 850 µs, 12.3 ms, 4.56 s, 12.3 min, 3.45 h, 2.10 d. */
    public static String duration(double seconds) {
        if (seconds == 0) {
            return "0 s";
        }
        if (seconds < 1e-3) {
            return three(seconds * 1e6) + " µs";
        }
        if (seconds < 1) {
            return three(seconds * 1e3) + " ms";
        }
        if (seconds < 60) {
            return three(seconds) + " s";
        }
        if (seconds < 3600) {
            return three(seconds / 60) + " min";
        }
        if (seconds < 86400) {
            return three(seconds / 3600) + " h";
        }
        return three(seconds / 86400) + " d";
    }

    /** Three significant digits, no exponent: 0.300, 4.56, 12.3, 850; whole from 1000 on (days only). */
    private static String three(double v) {
        if (v >= 1000) {
            return String.valueOf(Math.round(v));
        }
        BigDecimal d = new BigDecimal(v).round(new MathContext(3));
        int integerDigits = d.precision() - d.scale();
        return d.setScale(Math.max(0, 3 - integerDigits), java.math.RoundingMode.HALF_UP).toPlainString();
    }
}
