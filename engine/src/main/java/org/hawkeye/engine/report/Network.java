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
import org.hawkeye.specs.NetworkCatalog;
import org.hawkeye.specs.NetworkSpec;
import org.hawkeye.specs.ProfilerException;
import org.hawkeye.specs.SpecLibrary;

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

    /** The built-in named networks (specs/common/networks.yaml), read once. */
    private static volatile Map<String, Network> builtIn;

    /** The named networks of {@code catalog}, in its order; names are what {@code --network} accepts. */
    public static Map<String, Network> presets(NetworkCatalog catalog) {
        Map<String, Network> m = new LinkedHashMap<>();
        for (String name : catalog.networks().keySet()) {
            NetworkSpec n = catalog.resolve(name);
            m.put(name, new Network(name, NetworkSpec.bitsPerSecond(n.bandwidth(), name),
                    NetworkSpec.seconds(n.rtt(), name), n.source()));
        }
        return java.util.Collections.unmodifiableMap(m);
    }

    /** The built-in named networks. */
    public static Map<String, Network> presetsByName() {
        Map<String, Network> m = builtIn;
        if (m == null) {
            m = presets(SpecLibrary.load(List.of()).networks());
            builtIn = m;
        }
        return m;
    }

    /** The networks reports show when the user names none (the catalog's defaults: the LAN and the WAN preset). */
    public static List<Network> defaults(NetworkCatalog catalog) {
        Map<String, Network> all = presets(catalog);
        return catalog.defaults().stream().map(all::get).toList();
    }

    /** The built-in defaults. */
    public static List<Network> defaults() {
        return defaults(SpecLibrary.load(List.of()).networks());
    }

    private static final Pattern CUSTOM = Pattern.compile("\\s*([0-9.]+\\s*[A-Za-z]+)\\s*,\\s*([0-9.]+\\s*[a-zµ]+)\\s*");

    /** A built-in preset name, or {@code BANDWIDTH,LATENCY} such as {@code 1Gbps,0.5ms}. */
    public static Network parse(String text) {
        return parse(text, presetsByName());
    }

    /**
     * A name of {@code presets}, or {@code BANDWIDTH,LATENCY} such as {@code 1Gbps,0.5ms} (latency is the round-trip
     * time).
     */
    public static Network parse(String text, Map<String, Network> presets) {
        Network preset = presets.get(text.toLowerCase(Locale.ROOT));
        if (preset != null) {
            return preset;
        }
        Matcher m = CUSTOM.matcher(text);
        String where = "--network " + text;
        if (!m.matches()) {
            throw new ProfilerException(where, "not a preset (" + String.join(", ", presets.keySet())
                    + ") nor BANDWIDTH,RTT such as 1Gbps,0.5ms");
        }
        return new Network(text.strip(), NetworkSpec.bitsPerSecond(m.group(1), where),
                NetworkSpec.seconds(m.group(2), where), "given on the command line");
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
