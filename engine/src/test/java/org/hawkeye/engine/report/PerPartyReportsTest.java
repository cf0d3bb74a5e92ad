package org.hawkeye.engine.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.List;
import org.hawkeye.engine.ProfileOptions;
import org.hawkeye.engine.ProfileResult;
import org.hawkeye.engine.Profiler;
import org.hawkeye.engine.TestFiles;
import org.hawkeye.engine.cost.Cost;
import org.hawkeye.engine.tree.TreeNode;
import org.hawkeye.specs.SpecLibrary;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Bits per sending party through the tree and every report, under the duplex test framework: relu(n) is an OT the
 * server sends (128n bits from the server, n from the client) and one on 2n elements with the roles exchanged, so
 * the server sends 128n + 2n = 130n and the client n + 256n = 257n bits; the setup is 1000 bits from the client.
 * LeNet's ReLUs have 3456 + 1024 + 120 + 84 = 4684 elements (read from the ops). Every OT draws its n from the
 * stock of its sender (50,000 at the start, 100,000 per refill of 1000 bits from the owner): the server's OTs draw
 * n, the client's 2n per ReLU, 4684 and 9368 in all, so no refill is needed; {@link #aDrainedStockIsRefilledByTheCall}
 * drains it.
 */
class PerPartyReportsTest {
    private static ProfileResult lenet;
    private static long reluElements;

    @BeforeAll
    static void load() {
        lenet = new Profiler(SpecLibrary.load(List.of(TestFiles.resource("specs/duplex")))).profile(TestFiles.lenet(),
                ProfileOptions.of("duplex"));
        reluElements = lenet.tree().ops().stream().filter(op -> op.detail().equals("Relu"))
                .mapToLong(op -> op.children().get(0).args().get("n").toBigIntegerExact().longValueExact()).sum();
    }

    private static TreeNode find(TreeNode n, String name) {
        if (n.name().equals(name)) {
            return n;
        }
        for (TreeNode c : n.children()) {
            TreeNode f = find(c, name);
            if (f != null) {
                return f;
            }
        }
        return null;
    }

    @Test
    void theTreeCarriesEachPartysBitsAndTheyAddUpToTheTotal() {
        Cost total = lenet.total();
        assertThat(reluElements).isPositive();
        assertThat(total.onlineSent().byParty()).containsExactly(BigInteger.valueOf(130 * reluElements),
                BigInteger.valueOf(257 * reluElements));
        assertThat(total.onlineBits()).isEqualTo(BigInteger.valueOf(387 * reluElements));
        // the reversed OT shows its callee's server bits as the client's: 2n elements x 128 bits from the client
        TreeNode reversed = find(lenet.tree(), "reversed");
        long n = reversed.args().get("n").toBigIntegerExact().longValueExact();
        assertThat(reversed.total().onlineSent().byParty()).containsExactly(BigInteger.valueOf(n),
                BigInteger.valueOf(128 * n));
        assertThat(lenet.traffic().parties()).containsExactly("server", "client");
    }

    @Test
    void theSetupIsItsOwnLineOutsideTheTotals() {
        Cost setup = lenet.setup().total();
        assertThat(setup.onlineBits()).isEqualTo(BigInteger.valueOf(1000));
        assertThat(setup.onlineSent().byParty()).containsExactly(BigInteger.ZERO, BigInteger.valueOf(1000));
        assertThat(lenet.total().onlineBits().mod(BigInteger.valueOf(387))).isZero();
        String text = TextReport.render(lenet, 1);
        assertThat(text).contains("by server").contains("by client")
                .contains("; sent by server " + Units.bytes(BigInteger.valueOf(130 * reluElements)) + ", client "
                        + Units.bytes(BigInteger.valueOf(257 * reluElements)))
                .contains("one-time setup (before the online window, not in the totals): 125 B (1000 bits); sent by "
                        + "server 0, client 125 B");
    }

    @Test
    void jsonCarriesPartiesBesideTheTotals() throws Exception {
        JsonNode j = new ObjectMapper().readTree(JsonReport.render(lenet));
        assertThat(j.at("/traffic/split").asText()).isEqualTo("per_party");
        assertThat(j.at("/traffic/parties/1").asText()).isEqualTo("client");
        assertThat(j.at("/total/online/parties/server").asLong()).isEqualTo(130 * reluElements);
        assertThat(j.at("/total/online/parties/client").asLong()).isEqualTo(257 * reluElements);
        assertThat(j.at("/tree/online/parties/client").asLong()).isEqualTo(257 * reluElements);
        assertThat(j.at("/setup/bits").asLong()).isEqualTo(1000);
        assertThat(j.at("/setup/parties/client").asLong()).isEqualTo(1000);
        assertThat(j.at("/setup/protocol").asText()).isEqualTo("keys");
    }

    @Test
    void csvCarriesPartiesInTwoColumns() {
        List<String[]> rows = Arrays.stream(CsvReport.render(lenet).split("\r\n")).map(l -> l.split(",", -1)).toList();
        assertThat(rows.get(1)[11]).isEqualTo("server=" + 130 * reluElements + ";client=" + 257 * reluElements);
        assertThat(rows.get(1)[12]).isEqualTo("server=0;client=0");
    }

    @Test
    void aDrainedStockIsRefilledByTheCallThatDrainsIt() {
        ProfileResult big = new Profiler(SpecLibrary.load(List.of(TestFiles.resource("specs/duplex")))).profile(
                TestFiles.lenet(), ProfileOptions.of("duplex").withBatch(8L));
        // batch 8: 8 x 4684 = 37,472 ReLU elements; the client's stock (reversed OTs, 2n each) needs 74,944 > 50,000:
        // one refill (1000 bits from the client), paid by the ReLU during which the stock ran out; the server's
        // 37,472 fit in its 50,000
        List<TreeNode> refills = new java.util.ArrayList<>();
        collect(big.tree(), n -> n.name().startsWith("restock"), refills);
        assertThat(refills).hasSize(1);
        assertThat(refills.get(0).name()).isEqualTo("restock_client");
        assertThat(refills.get(0).total().onlineSent().byParty()).containsExactly(BigInteger.ZERO,
                BigInteger.valueOf(1000));
        assertThat(big.total().onlineBits()).isEqualTo(BigInteger.valueOf(387L * 8 * reluElements + 1000));
    }

    private static void collect(TreeNode n, java.util.function.Predicate<TreeNode> p, List<TreeNode> out) {
        if (p.test(n)) {
            out.add(n);
        }
        n.children().forEach(c -> collect(c, p, out));
    }

    @Test
    void aParallelCallAddsItsBitsButNotItsRounds() {
        var duplex = SpecLibrary.load(List.of(TestFiles.resource("specs/duplex"))).framework("duplex");
        var coster = new org.hawkeye.engine.cost.ProtocolCoster(duplex, java.util.Map.of());
        var node = coster.expandCall("relu_threads", java.util.Map.of("n", BigInteger.TEN), "test");
        // thread 0: the server sends 1280 bits and the client 10; thread 1 the other way round
        assertThat(node.total().onlineSent().byParty()).containsExactly(BigInteger.valueOf(1290),
                BigInteger.valueOf(1290));
        assertThat(node.total().onlineRounds()).isEqualTo(BigInteger.TWO);
        assertThat(node.children().get(1).total().onlineRounds()).isZero();
        assertThat(node.children().get(1).total().onlineBits()).isEqualTo(BigInteger.valueOf(1290));
    }

    @Test
    void theNetworkTimeTakesTheBusierDirection() {
        Network n = Network.parse("1Gbps,1ms");
        // the client sends more: 257 bits per ReLU element over 1e9 bit/s, plus the rounds at 1 ms
        double expected = 257.0 * reluElements / 1e9 + lenet.total().onlineRounds().longValueExact() * 0.001;
        assertThat(n.estimate(lenet.total(), lenet.traffic()).onlineSeconds().doubleValue())
                .isCloseTo(expected, org.assertj.core.data.Offset.offset(1e-12));
    }

    @Test
    void htmlDataHasTheSplitAndTheSetup() {
        String data = HtmlReport.data(lenet, List.of(Network.parse("1Gbps,1ms")));
        assertThat(data).contains("\"traffic\":{\"split\":\"per_party\",\"count\":2,\"parties\":[\"server\",\"client\"]}")
                .contains("\"setup\":[\"1000\",1,\"0\",0,[\"0\",\"1000\"],[\"0\",\"0\"]]")
                .contains("[\"" + 130 * reluElements + "\",\"" + 257 * reluElements + "\"]");
    }
}
