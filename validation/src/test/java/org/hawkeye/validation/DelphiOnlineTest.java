package org.hawkeye.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigInteger;
import java.util.List;
import org.hawkeye.engine.ProfileOptions;
import org.hawkeye.engine.ProfileResult;
import org.hawkeye.engine.Profiler;
import org.hawkeye.engine.onnx.OnnxImporter;
import org.hawkeye.engine.tree.TreeNode;
import org.hawkeye.specs.SpecLibrary;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * hawkeye's Delphi spec against the one measured online phase (the LeNet client log of the HawkEye artifact,
 * measurements/delphi/offline.json "online_total"), and the quadratic-activation lowering on Delphi's MiniONN with
 * num_poly = 2 (no measurement: the expected bytes are derived from protocols/src/beavers_mul.rs and SEAL's
 * ciphertext size, written out below).
 */
class DelphiOnlineTest {
    private static Profiler profiler;

    @BeforeAll
    static void load() {
        profiler = new Profiler(SpecLibrary.load(List.of()));
    }

    @Test
    void lenetOnlinePhaseMatchesTheClientLog() {
        JsonNode m = DelphiOfflineTest.model("lenet");
        JsonNode online = m.get("online_total");
        ProfileResult r = DelphiOfflineTest.profile(profiler, m);
        long total = r.total().onlineBits().divide(BigInteger.valueOf(8)).longValueExact();
        long sent = DelphiOfflineTest.find(r.tree(), "share_message").stream()
                .filter(n -> n.name().equals("client_share")).mapToLong(DelphiOnlineTest::onlineBytes).sum();
        long measuredSent = online.get("client_wrote_bytes").asLong();
        long measuredTotal = online.get("client_read_bytes").asLong() + measuredSent;
        System.out.printf("lenet online: client sent measured %,d B hawkeye %,d B (%+.4f%%) | both ways measured %,d B"
                        + " hawkeye %,d B (%+.4f%%), %s rounds%n", measuredSent, sent,
                DelphiOfflineTest.dev(sent, measuredSent), measuredTotal, total,
                DelphiOfflineTest.dev(total, measuredTotal), r.total().onlineRounds());
        assertThat((double) sent).as("client's online bytes").isCloseTo(measuredSent, within(0.01 * measuredSent));
        assertThat((double) total).as("online bytes").isCloseTo(measuredTotal, within(0.01 * measuredTotal));
    }

    @Test
    void quadraticActivationsUseOneTripleBatch() {
        byte[] bytes = DelphiOfflineTest.resource("/models/delphi/delphi_minionn_poly2.onnx");
        ProfileResult r = profiler.profile(OnnxImporter.read("delphi_minionn_poly2.onnx", bytes), "minionn_poly2",
                ProfileOptions.of("delphi").withStrict(true));
        List<TreeNode> quad = DelphiOfflineTest.find(r.tree(), "quad_approx");
        List<TreeNode> relu = DelphiOfflineTest.find(r.tree(), "relu");
        // construct_minionn(num_poly = 2): ReLUs after conv 1-5, x^2 approximations after the 1x1 convs 6 and 7
        assertThat(relu).hasSize(5);
        assertThat(quad).extracting(n -> DelphiOfflineTest.arg(n, "n")).containsExactly(64L * 8 * 8, 16L * 8 * 8);
        long triples = DelphiOfflineTest.find(r.tree(), "beaver_triples").stream()
                .mapToLong(DelphiOfflineTest::offlineBytes).sum();
        // one batch of 5120 triples: ceil(5120 / 8192) = 1 ciphertext each of Enc(a), Enc(b), Enc(c - r),
        // 524,393 B each, + 24 B framing per direction
        assertThat(triples).isBetween(3 * 524_393L + 48 - 2, 3 * 524_393L + 48);
        long opened = DelphiOfflineTest.find(r.tree(), "beaver_open").stream()
                .mapToLong(DelphiOnlineTest::onlineBytes).sum();
        // both parties send 18 B per element (x - a, x - b) + 16 B per 8192-element chunk
        assertThat(opened).isEqualTo(2 * (18L * (4096 + 1024) + 16 + 16));
        assertThat(r.complete()).isTrue();
    }

    static long onlineBytes(TreeNode node) {
        return node.total().onlineBits().divide(BigInteger.valueOf(8)).longValueExact();
    }
}
