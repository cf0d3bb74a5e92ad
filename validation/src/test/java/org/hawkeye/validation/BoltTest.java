package org.hawkeye.validation;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hawkeye.engine.ProfileOptions;
import org.hawkeye.engine.ProfileResult;
import org.hawkeye.engine.Profiler;
import org.hawkeye.engine.cost.Cost;
import org.hawkeye.engine.cost.CostNode;
import org.hawkeye.engine.cost.ProtocolCoster;
import org.hawkeye.engine.onnx.OnnxImporter;
import org.hawkeye.engine.tree.TreeNode;
import org.hawkeye.grammar.Rational;
import org.hawkeye.specs.FrameworkFolder;
import org.hawkeye.specs.ParameterValues;
import org.hawkeye.specs.SpecLibrary;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * hawkeye's BOLT spec against costs derived by hand from the bert branch's code (specs/bolt/framework.yaml names
 * the functions) and against the server's per-op bytes of the word-elimination log (measurements/bolt/SOURCE.md).
 * Party 0 is the server, party 1 the client; BOLT counts what its process sent.
 */
class BoltTest {
    private static final int SERVER = 0;
    private static final int CLIENT = 1;
    private static FrameworkFolder bolt;
    private static Profiler profiler;

    @BeforeAll
    static void load() {
        SpecLibrary library = SpecLibrary.load(List.of());
        bolt = library.framework("bolt");
        profiler = new Profiler(library);
    }

    @Test
    void linearOneReturnsTheScoresAsCiphertexts() {
        // 12 heads x 128 x 128 scores = 196,608 slots = 24 ciphertexts of N = 8192, 123,397 bytes each (he_ct_bytes);
        // the client's input, 128 x 768 = 12 fresh ciphertexts of 331,880 bytes (he_fresh_ct_bytes)
        Cost c = call("linear_qk", Map.of(), "h", 12, "n", 128, "d", 768);
        assertSent(c, 8L * 24 * 123_397, 8L * 12 * 331_880);
        // Linear 3 at 64 tokens: 64 x 3072 outputs = 24 ciphertexts of the {60, 60, 60} context, 131,208 bytes each;
        // its input 64 x 768 = 6 fresh ciphertexts of 262,280 bytes (he_fresh_ct_bytes_tiny)
        assertSent(call("he_linear", Map.of(), "inputs", 64 * 768, "outputs", 64 * 3072), 8L * 24 * 131_208,
                8L * 6 * 262_280);
    }

    @Test
    void andPairsBitsIntoOneOfSixteenOts() {
        // 100 bits: 50 OTs of 1-of-16 with 2-bit messages: the server sends 16 * 2 bits per OT in uint8 words,
        // ceil(16 * 50 * 2 / 8) = 200 bytes; the client's KKOT matrix pads 50 to 256 OTs of 256 bits: 8192 bytes
        Cost c = call("bolt_and", Map.of(), "n", 100);
        assertSent(c, 8L * 200, 8L * 8192);
    }

    @Test
    void multiplexerRunsACotEachWay() {
        // 1000 selections of 37-bit values: straight COTs, server sends ceil(1000 * 37 / 64) = 579 words of 64 bits
        // (one batch of 1000 < 1024), the client its IKNP matrix: 1000 padded to 1024 OTs of 128 bits = 16,384 bytes;
        // the reversed COTs the other way round; the reversed half runs on io_rev in parallel (no rounds)
        Cost c = call("bolt_mux", Map.of(), "n", 1000, "bw", 37);
        assertSent(c, 64L * 579 + 8L * 16_384, 64L * 579 + 8L * 16_384);
        assertThat(c.onlineRounds()).isEqualTo(BigInteger.TWO);
    }

    @Test
    void crossTermCotsRoundEachMessageUpToBytes() {
        // 10 products, 20 bits decomposed, into 37 bits: the OT of bit i carries 37 - i bits, i = 0..19, that is
        // message lengths 18..37: ceil(m / 8) = 3 for 18..24 (7), 4 for 25..32 (8), 5 for 33..37 (5) = 78 bytes per
        // product; the client's matrix: 200 OTs padded to 256 of 128 bits = 4096 bytes
        Cost c = call("bolt_batched_cot", Map.of(), "n", 10, "r", 20, "c", 37);
        assertSent(c, 8L * 780, 8L * 4096);
    }

    @Test
    void batchedCotsOfSeveralValuesRoundEachOtUpToBytes() {
        // 2 OTs per bit, 3 values per OT, m = 1..4 bits: ceil(3 / 8) + ceil(6 / 8) + ceil(9 / 8) + ceil(12 / 8) =
        // 1 + 1 + 2 + 2 = 6 bytes per OT row, 12 bytes; the client's matrix: 8 OTs padded to 256 of 128 bits
        assertSent(call("cot_bytes_sum", Map.of(), "ots", 2, "msgs", 3, "lo", 1, "hi", 4), 8L * 12, 8L * 4096);
    }

    @Test
    void oddThreadsExchangeTheRolesSoEachPartySendsHalf() {
        // 32 equal chunks, 16 with the server as OT sender and 16 with the client: both send the same
        Cost c = call("gelu", Map.of(), "n", 196_608);
        assertThat(c.onlineSent().byParty().get(SERVER)).isEqualTo(c.onlineSent().byParty().get(CLIENT));
    }

    @Test
    void wordEliminationNetworkMatchesTheLogWhereTheRecipeIsComplete() {
        ProfileResult r = profile("bolt_bert_base_we_seq128");
        assertThat(r.complete()).isTrue();
        // the server's GELU bytes of the log: 12 layers of 64 x 3072 = 196,608 values, 407,285,760 bytes each
        assertThat(server(calls(r, "gelu"))).isEqualTo(BigInteger.valueOf(4_887_429_120L * 8));
        // softmax: the row max tree, exp, the per-row reciprocal and the per-element division, 2,835,802,560 bytes
        assertThat(server(calls(r, "softmax"))).isEqualTo(BigInteger.valueOf(2_835_802_560L * 8));
        // the pooler's tanh on 768 values (24 per thread): 8,724,480 bytes
        assertThat(server(calls(r, "tanh"))).isEqualTo(BigInteger.valueOf(8_724_480L * 8));
        // gt_sub: every conversion from mod p outside the LayerNorms (Q K^T, softmax x V by 17 bits, the FFN's
        // input at 20 bits, both residuals), layer 0's attention at 128 tokens, the rest at 64: 1,358,362,624 bytes
        assertThat(server(calls(r, "gt_p_sub"))).isEqualTo(BigInteger.valueOf(1_358_362_624L * 8));
        // Pooling / C: the weight shares, the pooler's threaded product and shift, the classifier's: 310,785,796 bytes
        assertThat(server(calls(r, "pooler_fc"))).isEqualTo(BigInteger.valueOf(310_785_796L * 8));
        // Linear 1: 24 + 11 x 6 = 90 ciphertexts
        assertThat(server(calls(r, "linear_qk"))).isEqualTo(BigInteger.valueOf(90L * 123_397 * 8));
    }

    @Test
    void rulesPlaceBoltsStepsOnTheGraph() {
        ProfileResult r = profile("bolt_bert_base_seq128");
        assertThat(r.complete()).isTrue();
        // Q, K and V stay under HE (Linear 1 returns Q K^T): no cost of their own
        assertThat(SpecCosts.opAt(r, "/blocks.0/attn/q/Gemm").total().isZero()).isTrue();
        assertThat(SpecCosts.opAt(r, "/blocks.0/attn/MatMul").children().get(0).args()).containsEntry("h", Rational.of(12))
                .containsEntry("n", Rational.of(128));
        assertThat(SpecCosts.opAt(r, "/blocks.0/attn/MatMul_1").children().get(0).detail()).isEqualTo("context");
        assertThat(SpecCosts.opAt(r, "/blocks.0/up/Gemm").children().get(0).args())
                .containsEntry("outputs", Rational.of(128 * 3072));
        assertThat(SpecCosts.opAt(r, "/blocks.0/attn/Div").total().isZero()).isTrue();
    }

    private static BigInteger server(Cost c) {
        return c.onlineSent().byParty().get(SERVER);
    }

    private static Cost calls(ProfileResult r, String protocol) {
        return new Scopes(new Categories("none", Map.of())).cost(r, "calls:" + protocol);
    }

    private static Cost call(String protocol, Map<String, String> params, Object... namedArgs) {
        Map<String, BigInteger> args = new LinkedHashMap<>();
        for (int i = 0; i < namedArgs.length; i += 2) {
            args.put((String) namedArgs[i], BigInteger.valueOf(((Number) namedArgs[i + 1]).longValue()));
        }
        ProtocolCoster coster = new ProtocolCoster(bolt, ParameterValues.resolve(bolt, params).asRationals());
        CostNode node = coster.expandCall(protocol, args, "BoltTest");
        return node.total();
    }

    private static void assertSent(Cost c, long server, long client) {
        assertThat(c.onlineSent().byParty()).as("bits sent by server, client")
                .containsExactly(BigInteger.valueOf(server), BigInteger.valueOf(client));
    }

    private static ProfileResult profile(String model) {
        String resource = "/models/bolt/" + model + ".onnx";
        try (InputStream in = BoltTest.class.getResourceAsStream(resource)) {
            assertThat(in).as(resource).isNotNull();
            return profiler.profile(OnnxImporter.read(model + ".onnx", in.readAllBytes()), model,
                    ProfileOptions.of("bolt"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

}
