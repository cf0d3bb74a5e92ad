package org.hawkeye.engine.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.hawkeye.engine.cost.Cost;
import org.hawkeye.engine.cost.Sent;
import org.hawkeye.engine.cost.Traffic;
import org.hawkeye.specs.NetworkCatalog;
import org.hawkeye.specs.ProfilerException;
import org.hawkeye.specs.SpecLibrary;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Network presets (specs/common/networks.yaml and a --specs folder's), the BANDWIDTH,RTT syntax, and the time
 * formula bits / bandwidth + rounds x RTT.
 */
class NetworkTest {

    @Test
    void presetsCarryTheSettingsTheArtifactsEmulated() {
        // Cheetah's throttle.sh lan: 3000 Mbit/s, netem 0.15 ms each way on lo
        Network lan = Network.parse("lan");
        assertThat(lan.bitsPerSecond()).isEqualByComparingTo("3000000000");
        assertThat(lan.rttSeconds()).isEqualByComparingTo("0.0003");
        // HawkEye's resnet-opt.sh: netem rate 9Mbps (tc: megabytes/s) delay 36ms on lo
        Network wan = Network.parse("WAN");
        assertThat(wan.bitsPerSecond()).isEqualByComparingTo(BigDecimal.valueOf(9L * 8 * 1_000_000));
        assertThat(wan.rttSeconds()).isEqualByComparingTo("0.072");
        assertThat(Network.parse("cheetah-wan").describe()).isEqualTo("400 Mbit/s, 40.0 ms RTT");
        assertThat(Network.defaults()).extracting(Network::name).containsExactly("lan", "wan");
    }

    @Test
    void aSpecsFolderAddsNetworksAndMayChangeTheDefaults(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("networks.yaml"), """
                networks:
                  campus:
                    bandwidth: 10Gbps
                    rtt: 0.1ms
                    source: "two servers on one campus"
                  lan:
                    same_as: cheetah-wan
                defaults: [campus, wan]
                """);
        NetworkCatalog catalog = SpecLibrary.load(List.of(dir)).networks();
        Map<String, Network> presets = Network.presets(catalog);
        assertThat(Network.parse("campus", presets).describe()).isEqualTo("10 Gbit/s, 100 µs RTT");
        assertThat(Network.parse("lan", presets).bitsPerSecond()).isEqualByComparingTo("400000000");
        assertThat(Network.defaults(catalog)).extracting(Network::name).containsExactly("campus", "wan");
        assertThat(presets.keySet()).containsExactly("lan", "wan", "cheetah-lan", "cheetah-wan", "hawkeye-wan",
                "campus");
    }

    @Test
    void aBadNetworkFileIsAnErrorAtItsPlace(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("networks.yaml"), """
                networks:
                  campus:
                    bandwidth: 10GBps
                    rtt: 0.1ms
                    source: "two servers on one campus"
                """);
        assertThatThrownBy(() -> SpecLibrary.load(List.of(dir)).networks()).hasMessage(dir.resolve("networks.yaml")
                + ":3:5: network 'campus': unknown bandwidth unit 'GBps' (bits per second: bps, Kbps, Mbps, Gbps)");
        Files.writeString(dir.resolve("networks.yaml"), "networks:\n  fast:\n    same_as: nowhere\n");
        assertThatThrownBy(() -> SpecLibrary.load(List.of(dir)).networks()).hasMessageStartingWith(
                dir.resolve("networks.yaml") + ":3:5: network 'fast': same_as 'nowhere' is not a network with its own "
                        + "bandwidth (known: lan, wan, ");
    }

    @Test
    void bandwidthAndRttWithUnits() {
        Network n = Network.parse("1Gbps,0.5ms");
        assertThat(n.bitsPerSecond()).isEqualByComparingTo("1000000000");
        assertThat(n.rttSeconds()).isEqualByComparingTo("0.0005");
        Network slow = Network.parse(" 250 Kbps , 2 s ");
        assertThat(slow.bitsPerSecond()).isEqualByComparingTo("250000");
        assertThat(slow.rttSeconds()).isEqualByComparingTo("2");
        assertThat(Network.parse("10bps,100us").rttSeconds()).isEqualByComparingTo("0.0001");
        assertThat(Network.parse("1.5Mbps,0ms").describe()).isEqualTo("1.5 Mbit/s, 0 s RTT");
    }

    @Test
    void timeIsBitsOverBandwidthPlusRoundsTimesRttWhenNothingSaysWhoSends() {
        Network n = Network.parse("1Gbps,0.5ms");
        // 8e9 bits in 10 rounds online: 8 s + 10 x 0.5 ms; 1e9 bits in 2 rounds offline: 1 s + 1 ms
        Cost c = new Cost(BigInteger.valueOf(8_000_000_000L), BigInteger.TEN, BigInteger.valueOf(1_000_000_000L),
                BigInteger.TWO);
        Network.Estimate e = n.estimate(c, new Traffic(Traffic.TOTAL, List.of(), 2, ""));
        assertThat(e.onlineSeconds()).isEqualByComparingTo("8.005");
        assertThat(e.offlineSeconds()).isEqualByComparingTo("1.001");
        assertThat(e.totalSeconds()).isEqualByComparingTo("9.006");
    }

    @Test
    void aFullDuplexLinkTakesTheBusierDirection() {
        Network n = Network.parse("1Gbps,0.5ms");
        Traffic twoParties = new Traffic("per_party", List.of("server", "client"), 2, "");
        // online: the server sends 6e9 bits, the client 2e9: 6 s + 10 x 0.5 ms; offline: the client 1e9: 1 s + 1 ms
        Cost c = new Cost(BigInteger.valueOf(8_000_000_000L), BigInteger.TEN, BigInteger.valueOf(1_000_000_000L),
                BigInteger.TWO, new Sent(List.of(BigInteger.valueOf(6_000_000_000L), BigInteger.valueOf(2_000_000_000L))),
                new Sent(List.of(BigInteger.ZERO, BigInteger.valueOf(1_000_000_000L))));
        Network.Estimate e = n.estimate(c, twoParties);
        assertThat(e.onlineSeconds()).isEqualByComparingTo("6.005");
        assertThat(e.offlineSeconds()).isEqualByComparingTo("1.001");
        // symmetric among 3 parties: each sends a third of 9e9 bits: 3 s + 10 x 0.5 ms
        Cost sym = new Cost(BigInteger.valueOf(9_000_000_000L), BigInteger.TEN, BigInteger.ZERO, BigInteger.ZERO);
        assertThat(n.estimate(sym, new Traffic("symmetric", List.of(), 3, "")).onlineSeconds())
                .isEqualByComparingTo("3.005");
    }

    @Test
    void aBandwidthOfZeroIsRefused() {
        assertThatThrownBy(() -> Network.parse("0Gbps,1ms")).isInstanceOf(ProfilerException.class)
                .hasMessage("--network 0Gbps,1ms: bandwidth must be more than 0");
    }

    @Test
    void unknownNamesAndUnitsAreRefusedWithWhatIsKnown() {
        assertThatThrownBy(() -> Network.parse("moon")).hasMessageStartingWith(
                "--network moon: not a preset (lan, wan, cheetah-lan, cheetah-wan, hawkeye-wan) nor BANDWIDTH,RTT");
        // MBps would be megabytes: refused rather than read as megabits
        assertThatThrownBy(() -> Network.parse("9MBps,36ms")).hasMessageContaining("unknown bandwidth unit 'MBps'");
        assertThatThrownBy(() -> Network.parse("1Gbps,1h")).hasMessageContaining("unknown latency unit 'h'");
        assertThatThrownBy(() -> Network.parse("1Gbps")).hasMessageContaining("not a preset");
    }

    @Test
    void durationsReadAtAGlance() {
        assertThat(Network.duration(0)).isEqualTo("0 s");
        assertThat(Network.duration(0.0003)).isEqualTo("300 µs");
        assertThat(Network.duration(0.0123)).isEqualTo("12.3 ms");
        assertThat(Network.duration(22)).isEqualTo("22.0 s");
        assertThat(Network.duration(1014)).isEqualTo("16.9 min");
        assertThat(Network.duration(3 * 3600)).isEqualTo("3.00 h");
        assertThat(Network.duration(2000 * 86400.0)).isEqualTo("2000 d");
    }
}
