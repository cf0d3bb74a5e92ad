package org.hawkeye.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hawkeye.validation.SpecCosts.assertCost;

import java.math.BigInteger;
import java.util.Map;
import org.hawkeye.engine.ProfileResult;
import org.junit.jupiter.api.Test;

/**
 * hawkeye's PUMA spec (SPU 0.9.4 ABY3 kernels under the SPU program of specs/semi2k, PUMA's GELU, SiLU and
 * softmax) against costs derived by hand from SPU's code: K = 64 (FM64), three parties, bits are all the parties
 * put on the network. A rotate (re-sharing) of w-bit values sends 3 w bits per element in one round.
 */
class PumaTest {
    private static final SpecCosts PUMA = new SpecCosts("puma");
    private static final String BERT = "/models/puma/puma_bert_base_seq128.onnx";

    @Test
    void aby3KernelsCostWhatSpusCodeSends() {
        // MulAA: z1 = x1 y1 + x1 y2 + x2 y1 + r, one rotate of K bits (aby3/arithmetic.cc)
        assertCost(PUMA.call("mul_aa", Map.of(), "n", 1000), 3 * 64 * 1000, 1);
        // TruncA: only party 1 sends its re-masked share to party 0
        assertCost(PUMA.call("trunc", Map.of(), "n", 1000, "bits", 18), 64 * 1000, 1);
        // MulA1B: two 3-party OTs, each m0, m1 from the sender (2K), the helper's K, the receiver's K to the helper
        assertCost(PUMA.call("mul_a1b", Map.of(), "n", 1000), 2 * (2 + 1 + 1) * 64 * 1000, 2);
        // B2AByOT of 1 bit: P0's mc (K per bit), P2's m0, m1 (2K per bit), P1's c2 (K per element)
        assertCost(PUMA.call("b2a", Map.of(), "n", 1000, "w", 1), (3 * 1 + 1) * 64 * 1000, 2);
        // B2AByPPA of 36 bits: rotate of the mask (3K), Kogge-Stone adder on K bits (generate 3K, 6 levels of
        // 2 x 3K), reveal to P0 (K), rotate (3K); 1 + 7 + 1 + 1 rounds
        assertCost(PUMA.call("b2a", Map.of(), "n", 1000, "w", 36),
                (192 + 192 + 6 * 384 + 64 + 192) * 1000, 10);
    }

    @Test
    void comparisonIsMsbA2BWithSpusCarryCircuit() {
        // x < y = msb(x - y): rotate of K bits (192), carry_a2b: AND on K bits (192), then 6 levels of an AND of
        // 2n values at 32, 16, 8, 4, 2, 1 valid bits stored in 32, 16, 8, 8, 8, 8 bits: 3 * 2 * 80 = 480
        assertCost(PUMA.call("less", Map.of(), "n", 1000), (192 + 192 + 480) * 1000, 1 + 1 + 6);
    }

    @Test
    void pumaGeluPerElement() {
        // hack_gelu: 3 comparisons (864 each), x2, x3, x4, x6 (MulAA 192 + TruncA 64 each), 7 public
        // coefficient products (TruncA 64 each), 3 MulA1B (512 each); rounds 3 x 8 + 4 x 2 + 7 + 3 x 2
        assertCost(PUMA.call("puma_gelu", Map.of(), "n", 1000), (3 * 864 + 4 * 256 + 7 * 64 + 3 * 512) * 1000, 45);
    }

    @Test
    void pumaSiluPerElement() {
        // hack_silu: 3 comparisons, x2, x4, x6 (3 f_mul), 6 public coefficient products, 3 MulA1B
        assertCost(PUMA.call("puma_silu", Map.of(), "n", 1000), (3 * 864 + 3 * 256 + 6 * 64 + 3 * 512) * 1000, 42);
    }

    @Test
    void secretMatrixProductResharesOnlyItsOutput() {
        // MatMulAA (128 x 768)(768 x 768): rotate of the 128 x 768 output, then TruncA of it
        assertCost(PUMA.call("fmmul", Map.of(), "m", 128, "k", 768, "n", 768), (3 * 64 + 64) * 128 * 768, 2);
    }

    @Test
    void bertBaseProfilesCompletelyWithPumasApproximations() {
        ProfileResult r = PUMA.profile(BERT, Map.of());
        assertThat(r.complete()).as("unsupported: %s", r.unsupported()).isTrue();
        // 12 GELUs of 128 x 3072 values, 5600 bits each (the export's Erf form is one Gelu op once imported)
        assertThat(SpecCosts.opsOfType(r, "Gelu").onlineBits())
                .isEqualTo(BigInteger.valueOf(12L * 128 * 3072 * 5600));
        // the only Divs that cost are the scores' / sqrt(64): one TruncA of 12 heads x 128 x 128 per layer; the
        // GELU's x / sqrt(2) is inside gelu
        assertThat(SpecCosts.opsOfType(r, "Div").onlineBits())
                .isEqualTo(BigInteger.valueOf(12L * 64 * 12 * 128 * 128));
        assertThat(SpecCosts.callsOfFirst(r, "Softmax")).contains("softmax", "above_minus_14", "zero_below");
    }

    @Test
    void withoutTheHijacksSpusOwnFunctionsAreCosted() {
        ProfileResult r = PUMA.profile(BERT, Map.of("puma_approximations", "0"));
        assertThat(r.complete()).isTrue();
        // SPU's own jax.nn.gelu: x / sqrt 2, then erf
        assertThat(SpecCosts.callsOfFirst(r, "Gelu")).startsWith("gelu", "divide_by_sqrt2", "erf");
        assertThat(SpecCosts.callsOfFirst(r, "Softmax")).doesNotContain("above_minus_14");
    }
}
