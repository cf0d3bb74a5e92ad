package org.hawkeye.validation;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.hawkeye.engine.ProfileOptions;
import org.hawkeye.engine.ProfileResult;
import org.hawkeye.engine.Profiler;
import org.hawkeye.engine.onnx.OnnxImporter;
import org.hawkeye.engine.tree.TreeNode;
import org.hawkeye.grammar.Rational;
import org.hawkeye.specs.SpecLibrary;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * hawkeye's Cheetah spec against costs derived by hand from OpenCheetah's code (no measured Cheetah run is in the
 * repository). Each case is one layer (models/cheetah/SOURCE.md); the derivation is written next to the number.
 * Symbols: l = 41 ring bits, f = 12, T = 4 threads (one 128-bit seed per silent-OT call and thread), m = 4
 * Millionaire digit bits, N = 4096. Ferret's buffers start with ot_limit - 1 = 10,001,852 COTs, which none of these
 * layers drains, so no extension is paid.
 */
class CheetahTest {
    private static final String MODELS = "/models/cheetah/";
    private static Profiler profiler;

    @BeforeAll
    static void loadSpecs() {
        profiler = new Profiler(SpecLibrary.load(List.of()));
    }

    @Test
    void convCiphertextCountsFollowCheetahsPartition() {
        ProfileResult r = profile("cheetah_conv16", Map.of());
        // shape_inference.cc Conv2D on 16x32x32, 3x3, SAME: padded 34x34, H'W' = 1156 <= N, so the sub-block
        // holds C' = min(4096 / 1156, 16, 4096 / 9) = 3 channels of the whole 34x34 plane:
        // ceil(16 / 3) = 6 input ciphertexts; one response per filter and spatial block: 16 x 1 x 1 = 16,
        // holding 16 x 32 x 32 = 16384 used coefficients.
        assertThat(protocol(r, "he_conv").args()).containsEntry("n_in", Rational.of(6))
                .containsEntry("n_out", Rational.of(16)).containsEntry("used", Rational.of(16384));
    }

    @Test
    void convWithRawCiphertextWordsCostsWhatTheSerializedWordsWeigh() {
        ProfileResult r = profile("cheetah_conv16", Map.of("ct_zstd", "0"));
        // upload (cheetah-api.cpp send_encrypted_vector): 32-bit count + per ct 8*(8 size + 16 SEAL header + 60
        //   metadata + 64 seed) = 1184 bits + c0 over 2 primes: 32 + 6*1184 + 6*4096*2*64        = 3,152,864
        // download: 32 + 16*8*(8+16+60) + c1 16*4096*64 + c0 used 16384*64                     = 5,253,664
        // ScaleDown (the conv output is the graph output, so no ReLU takes the rescaling) on 16384 elements,
        //   truncate_msb0: msb1_to_wrap 1-bit OT: 16384 choice bits + 4*128 + 16384*2 = 49,664;
        //   B2A by a 12-bit COT: 16384 + 512 + 16384*8*ceil(12/8) = 279,040                      =   328,704
        // rounds: upload 1 + download 1 + OT 2 + COT 2 = 6
        assertOnline(r, 3_152_864L + 5_253_664L + 328_704L, 6);
        // the one-time setup is its own line, not offline (emp-ot 7f3d4f0 FerretCOT::setup, docs/sci-runs.md):
        // per thread two Ferret instances, one with each party as COT sender; per instance the COT sender sends
        //   8 + 128 base-OT points * 552 + t_pre 1269 * (2 * 9 + 1) * 128 + 128                   = 3,157,000
        //   + the warm-up extension 1295 * (2 * 13 + 1) * 128 + 128                                = 4,475,648
        // and the receiver 8 + 552 + 128 * 256 + 128 * 128 * ceil(1269 * 9 / 128)
        //   + 128 * 128 * ceil((36288 + 128) / 128)                                                = 6,177,328
        // so each party sends 13,809,976 per thread; thread 0's classic IKNP pair adds, from each party,
        //   128 * 552 + 552 + 128 * (552 + 256)                                                    =   174,632
        // and the client's (1 + 3 CRT) seeded public keys, each sized like an upload of one ciphertext without
        // the vector's count, here with raw words: 1184 + 2 * 4096 * 64 = 525,472
        long perParty = 4 * (3_157_000L + 4_475_648L + 6_177_328L) + 174_632L;
        assertThat(r.total().offlineBits()).isZero();
        assertThat(r.setup().total().onlineSent().byParty()).containsExactly(BigInteger.valueOf(perParty),
                BigInteger.valueOf(perParty + 4 * 525_472L));
        // the setup's flights are not modelled (the runs' flight counters start after it): docs/sci-runs.md
    }

    @Test
    void convWithZstdCiphertextsCostsTheEntropyOfTheirWords() {
        ProfileResult r = profile("cheetah_conv16", Map.of());
        // zstd cost per 64-bit word = 8 x entropy of the mixture of its 8 byte distributions, x 1.023 for uploads
        // and x 1.012 for responses (the excess calibrated on the measured SqueezeNet run):
        // H(z=0, q=60) = 63.07411, H(0, 49) = 55.80001 (upload), H(z1=5, 60) = 61.46835 for c1 and
        // H(z0=17, 60) = 52.69592 for the used c0 words (z0 = 60 - 41 - 2, z1 = z0 - 12):
        // upload 32 + 6*1184 + ceil(24576*1.023*63.07411) + ceil(24576*1.023*55.80001)         = 2,995,780
        // download 32 + 16*672 + ceil(65536*1.012*61.46835) + ceil(16384*1.012*52.69592)        = 4,961,246
        // + the ScaleDown above 328,704
        assertOnline(r, 2_995_780L + 4_961_246L + 328_704L, 6);
    }

    @Test
    void reluOnTheReducedRingUsesATwentyEightBitMillionaire() {
        ProfileResult r = profile("cheetah_relu1000", Map.of());
        // relu-ring.h approx: lo = f = 12 (no fused truncation: the input is not a linear layer's output),
        // this_l = 41 - 12 = 29, 29 - (28 mod 4) = 29, Millionaire on 28 bits: q = 7 digits, 3 AND levels,
        // 2*7 - 2 - 3 = 9 triples per comparison. n = 1000 (already a multiple of 8):
        // leaf 1-of-16 OTs: 7000 * (4 choice + 16*2 message bits) + 4*128 = 252,512
        // triples by 2 ROTs: 4*256 = 1,024; AND tree 4 * 1000 * 9 = 36,000
        // multiplexer: 2 * (1000 + 512 + 1000*8*ceil(41/8)) = 99,024
        // rounds: leaf 2 + triples 2 + AND 2*3 - 1 + multiplexer 2 = 11
        assertOnline(r, 252_512L + 1_024L + 36_000L + 99_024L, 11);
    }

    @Test
    void theTwentyTwentyTwoReluComparesFortyBits() {
        ProfileResult r = profile("cheetah_relu1000", Map.of("relu_approx", "0"));
        // exact ReLU: Millionaire on l - 1 = 40 bits: q = 10, 4 levels, 20 - 2 - 4 = 14 triples
        // leaf 10000 * 36 + 512 = 360,512; triples 1,024; AND 4 * 1000 * 14 = 56,000; multiplexer 99,024;
        // rounds 2 + 2 + 7 + 2 = 13
        assertOnline(r, 360_512L + 1_024L + 56_000L + 99_024L, 13);
    }

    @Test
    void reluAfterAConvTakesTheFusedTruncation() {
        ProfileResult r = profile("cheetah_conv_relu", Map.of());
        assertThat(protocol(r, "relu").args()).containsEntry("fuse", Rational.of(1));
        assertThat(protocols(r, "scale_down")).isEmpty();
        // do_trunc: lo = floor(1.5 * 12) = 18, this_l = 23 - (22 mod 4) = 21, Millionaire on 20 bits: q = 5,
        // 3 levels, 5 triples. n = 16384:
        // leaf 81920 * 36 + 512 = 2,949,632; triples 1,024; AND 4 * 16384 * 5 = 327,680;
        // multiplexer 2 * (16384 + 512 + 16384*48) = 1,606,656; truncate_msb0 by 12: 49,664 and 279,040
        long relu = 2_949_632L + 1_024L + 327_680L + 1_606_656L + 49_664L + 279_040L;
        assertThat(opTotal(r, "Relu").onlineBits()).isEqualTo(BigInteger.valueOf(relu));
        // rounds: Millionaire 9 + multiplexer 2 + truncation 3 (its first flight continues the multiplexer's)
        assertThat(opTotal(r, "Relu").onlineRounds()).isEqualTo(BigInteger.valueOf(14));
    }

    @Test
    void fullyConnectedLayerUsesTheCheapestSplit() {
        ProfileResult r = profile("cheetah_fc1024", Map.of());
        // hom_fc_ss.cc getSplit for 10 x 1024, N = 4096: d0 = 4 rows x d1 = 1024 columns gives
        // ceil(1024/1024) + ceil(10/4) = 1 + 3 = 4 ciphertexts, the first minimum (d0 = 1, 2, 3 give 11, 6, 5)
        assertThat(protocol(r, "he_fc").args()).containsEntry("n_in", Rational.of(1))
                .containsEntry("n_out", Rational.of(3)).containsEntry("used", Rational.of(10));
    }

    @Test
    void maxPoolRunsThreeExactRelusPerFourItemWindow() {
        ProfileResult r = profile("cheetah_maxpool", Map.of());
        // maxpool.h funcMaxMPC: k - 1 = 3 ReLUs (approx = false) on 16*4*4 = 256 rows, Millionaire on 40 bits
        // (q = 10, 14 triples): leaf 2560 * 36 + 512 = 92,672; triples 1,024; AND 4 * 256 * 14 = 14,336;
        // multiplexer 2 * (256 + 512 + 256*48) = 26,112 -> 134,144 each; rounds 3 * (2 + 2 + 7 + 2) = 39
        assertOnline(r, 3 * 134_144L, 39);
    }

    private static ProfileResult profile(String model, Map<String, String> params) {
        ProfileOptions options = ProfileOptions.of("cheetah").withStrict(true);
        for (Map.Entry<String, String> p : params.entrySet()) {
            options = options.withParam(p.getKey(), p.getValue());
        }
        ProfileResult r = profiler.profile(OnnxImporter.read(model + ".onnx", bytes(MODELS + model + ".onnx")),
                model, options);
        System.out.printf("%-18s %s -> %s bits, %s rounds online%n", model, params, r.total().onlineBits(),
                r.total().onlineRounds());
        return r;
    }

    private static void assertOnline(ProfileResult r, long bits, long rounds) {
        assertThat(r.total().onlineBits()).as("online bits").isEqualTo(BigInteger.valueOf(bits));
        assertThat(r.total().onlineRounds()).as("online rounds").isEqualTo(BigInteger.valueOf(rounds));
    }

    private static org.hawkeye.engine.cost.Cost opTotal(ProfileResult r, String opType) {
        List<TreeNode> found = new ArrayList<>();
        collect(r.tree(), n -> n.kind() == TreeNode.Kind.OP && n.detail().equals(opType), found);
        assertThat(found).as("ops of type %s", opType).hasSize(1);
        return found.get(0).total();
    }

    private static TreeNode protocol(ProfileResult r, String name) {
        List<TreeNode> found = protocols(r, name);
        assertThat(found).as("calls of %s", name).isNotEmpty();
        return found.get(0);
    }

    private static List<TreeNode> protocols(ProfileResult r, String name) {
        List<TreeNode> found = new ArrayList<>();
        collect(r.tree(), n -> n.kind() == TreeNode.Kind.PROTOCOL && n.detail().equals(name), found);
        return found;
    }

    private static void collect(TreeNode n, java.util.function.Predicate<TreeNode> p, List<TreeNode> out) {
        if (p.test(n)) {
            out.add(n);
        }
        for (TreeNode c : n.children()) {
            collect(c, p, out);
        }
    }

    private static byte[] bytes(String resource) {
        try (InputStream in = CheetahTest.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " missing from the classpath");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
