package org.hawkeye.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hawkeye.validation.SpecCosts.assertCost;

import java.math.BigInteger;
import java.util.Map;
import org.hawkeye.engine.ProfileResult;
import org.junit.jupiter.api.Test;

/**
 * hawkeye's SecFormer spec (CrypTen with jinglong696/SecFormer 89269b71 efficiency/utils.py's approximations)
 * against costs derived by hand from its code. CrypTen 2PC: an opening of e 64-bit elements puts 2 x 64 e bits on
 * the network in one round; ltz opens 27 elements per input in 8 rounds; a Beaver mul of x by y elements opens x + y.
 */
class SecformerTest {
    private static final SpecCosts SECFORMER = new SpecCosts("secformer");
    private static final long OPEN = 2 * 64;

    @Test
    void fourierGeluIsTwoComparisonsAnOpeningAndTwoProducts() {
        // x < -2.5 and x < 2.5 (27 each), (x - t) opened (1), z1 * series and 0.5 x * (1 + erf) (2 each):
        // 59 elements per input; 8 + 8 + 1 + 1 + 1 rounds
        assertCost(SECFORMER.call("gelu", Map.of(), "n", 1000), OPEN * 59 * 1000, 19);
    }

    @Test
    void twoQuadSoftmaxWithGoldschmidtDivision() {
        // 128 rows of 128 (n = 16384): (x + 5)(x + 5) opens 2n; div(1, sum): 7 iterations, x * m in 6 of them (the
        // first multiplies the public 1) and y * m in all 7, each opening 2 x 128; quad * 1/sum opens n + 128
        long n = 128 * 128;
        assertCost(SECFORMER.call("softmax", Map.of(), "rows", 128, "d", 128),
                OPEN * (2 * n + 13 * 2 * 128 + n + 128), 1 + 13 + 1);
    }

    @Test
    void goldschmidtLayerNorm() {
        // 128 rows of 768 (n = 98304): variance square n; inv_sqrt: 7 x (m.square() r + x * m^2 2r) and 6 x y * m
        // (2r; the first y is the public 1); x_u * inv_sqrt n + r; weight * (...) d + n
        long n = 128 * 768;
        assertCost(SECFORMER.call("layernorm", Map.of(), "n", n, "rows", 128, "d", 768, "scale_secret", 1),
                OPEN * (n + 7 * (128 + 2 * 128) + 6 * 2 * 128 + n + 128 + 768 + n), 1 + 7 + 7 + 6 + 1 + 1);
    }

    @Test
    void bertBaseProfilesCompletelyWithSecformersFunctions() {
        ProfileResult r = SECFORMER.profile("/models/puma/puma_bert_base_seq128.onnx", Map.of());
        assertThat(r.complete()).as("unsupported: %s", r.unsupported()).isTrue();
        assertThat(SpecCosts.opsOfType(r, "Gelu").onlineBits())
                .isEqualTo(BigInteger.valueOf(12L * 128 * 3072 * 59 * OPEN));
        assertThat(SpecCosts.callsOfFirst(r, "Softmax")).contains("softmax", "quad", "goldschmidt_reciprocal");
        assertThat(SpecCosts.callsOfFirst(r, "LayerNormalization")).contains("layernorm", "goldschmidt_rsqrt");
    }
}
