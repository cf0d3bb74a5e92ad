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
 * hawkeye's SIGMA spec against costs derived by hand from GPU-MPC's code (specs/sigma/framework.yaml names the
 * functions). Online bits are both parties' sent bits (16 per byte one party sends); unless a test says otherwise
 * bw = 50, scale = 12, and sizes are multiples of 64 so that bit-packing leaves no partial word.
 */
class SigmaTest {
    private static FrameworkFolder sigma;
    private static Profiler profiler;

    @BeforeAll
    static void load() {
        SpecLibrary library = SpecLibrary.load(List.of());
        sigma = library.framework("sigma");
        profiler = new Profiler(library);
    }

    @Test
    void reconstructsPackBitsAsGpuCommsDoes() {
        // one bit into u32 words: ceil(100 / 32) * 4 = 16 bytes per party
        assertCost(call("reconstruct", Map.of(), "n", 100, "b", 1, "w", 64), 16 * 16, 1);
        // 50 bits into u64 words: ceil(100 * 50 / 64) * 8 = 79 * 8 = 632 bytes
        assertCost(call("reconstruct", Map.of(), "n", 100, "b", 50, "w", 64), 16 * 632, 1);
        // 8 bits held in u8 are sent as they are: 100 bytes
        assertCost(call("reconstruct", Map.of(), "n", 100, "b", 8, "w", 8), 16 * 100, 1);
        // without compression 50-bit values go in full u64 words: 800 bytes
        assertCost(call("reconstruct", Map.of("compress", "0"), "n", 100, "b", 50, "w", 64), 16 * 800, 1);
    }

    @Test
    void floorTruncationReducesThenSignExtends() {
        // TrFloor(50 -> 50 by 12) on 64 values: DCF bit (8 bytes), 38-bit reduced value (64 * 38 / 8 = 304),
        // DCF bit (8), 50-bit sign-extended value (400); 4 rounds
        assertCost(call("tr_floor", Map.of(), "n", 64, "bin", 50, "shift", 12, "bout", 50),
                16 * (8 + 304 + 8 + 400), 4);
    }

    @Test
    void geluSends145BitsPerValue() {
        // gpuGelu, bw 50, scale 12: TrWithSlack to bwXt = 50 - 24 + 7 = 33 bits (1 + 33), DReLU and interval bits
        // (2), 8-bit clip in u8 (8), LUT sign bit and value (1 + 50), output (50) = 145 bits; 7 rounds
        assertCost(call("gelu", Map.of(), "n", 4096), 2L * 4096 * 145, 7);
    }

    @Test
    void softmaxOfOneHeadAt128Tokens() {
        // per party, rows = len = 128, bw 50 (max at 40 bits):
        // max tree: 7 levels of o = 8192, 4096, ..., 128 comparisons (16256 in all), each o/8 + 40 o/8 bytes:
        //   16256 * 41 / 8 = 83,312
        // exp on 16384 values: clip (1 + 16 bits) 2.125 n, two LUTs (1 + 50 + 50 bits) 12.625 n each, 16 -> 8 bit
        //   truncation (1 + 8) 1.125 n, product (50 + 1 + 50) 12.625 n: 41.125 * 16384 = 673,792
        // inverse of 128 row sums: truncation to 12 + 7 - 6 = 13 bits in u16: 16 + ceil(128 * 13 / 64) * 8 = 224;
        //   13-bit LUT: 16 + 800 + 800 = 1,616
        // normalize: 16384 * (50 + 1 + 50) / 8 = 206,848
        // rounds: 2 * 7 + 13 + 5 + 3 = 35
        assertCost(call("softmax", Map.of(), "rows", 128, "len", 128, "causal", 0),
                16L * (83_312 + 673_792 + 224 + 1_616 + 206_848), 35);
    }

    @Test
    void causalSoftmaxWorksOnTheLowerTriangle() {
        // rows = len = 128 (one head): 128 * 129 / 2 = 8256 live scores; level i compares
        // 128^2 / 2^(i + 2) + 64 pairs: 4160, 2112, 1088, 576, 320, 192, 128 (8576 in all): 8576 * 41 / 8 = 43,952
        // exp: 41.125 * 8256 = 339,528; inverse as above 224 + 1,616; normalize 8256 * 101 / 8 = 104,232
        assertCost(call("softmax", Map.of(), "rows", 128, "len", 128, "causal", 1),
                16L * (43_952 + 339_528 + 224 + 1_616 + 104_232), 35);
    }

    @Test
    void layerNormOf128RowsOf768() {
        // per party: mean TrFloor(50 by 12) on 128 values: 16 + 608 + 16 + 800 = 1,440 (4 rounds);
        // row sums of squares 128 * 50 / 8 = 800 (1 round);
        // LLAMA rsqrt: 3 syncs of 1 byte, reconstructs of 256 + 128 words of 8 bytes, 128 of 13 bits (2 bytes),
        //   128 words + 16 bytes of packed bits, 128 words: 3 + 2048 + 1024 + 256 + 1040 + 1024 = 5,395 (8 rounds);
        // two window products on 98304 values: 2 * 98304 * 101 / 8 = 2,482,176 (3 rounds each)
        Cost ln = call("layernorm", Map.of(), "rows", 128, "d", 768, "mu", 1);
        assertCost(ln, 16L * (1_440 + 800 + 5_395 + 2_482_176), 4 + 1 + 8 + 3 + 3);
        // x 24 LayerNorms is BERT-base's and GPT-2's measured Layernorm Comm, 119,510,928 bytes at 128 tokens
        assertThat(ln.onlineBits().multiply(BigInteger.valueOf(24))).isEqualTo(BigInteger.valueOf(119_510_928L * 8));
    }

    @Test
    void writtenOutRmsNormIsOneRmsNormInBothExports() {
        // SmolLM2's RMSNorm as Hugging Face writes it (Pow, ReduceMean, Add, Sqrt, Reciprocal, Mul, Mul by gamma) on
        // 128 rows of 576, per party: no mean; row sums of squares 128 * 50 / 8 = 800 (1 round); LLAMA rsqrt of 128
        // rows 5,395 (8 rounds, as above); two window products on 128 * 576 values: 2 * 73,728 * 101 / 8 (3 rounds
        // each)
        long bytes = 800 + 5_395 + 2L * 128 * 576 * 101 / 8;
        ProfileResult dynamo = profiler.profile(TransformerModelsTest.model("smollm2_135m_dynamo"),
                ProfileOptions.of("sigma"));
        assertCost(SpecCosts.opAt(dynamo, "/model/layers.0/input_layernorm/node_rsqrt").total(), 16 * bytes,
                1 + 8 + 3 + 3);
        for (String member : List.of("node_pow_1", "node_mean", "node_add_2", "node_Sqrt_43", "node_mul_2",
                "node_mul_3")) {
            assertThat(SpecCosts.opAt(dynamo, "/model/layers.0/input_layernorm/" + member).total().isZero())
                    .as(member).isTrue();
        }
        ProfileResult torchscript = profiler.profile(TransformerModelsTest.model("smollm2_135m_torchscript"),
                ProfileOptions.of("sigma"));
        assertCost(SpecCosts.opAt(torchscript, "/model/layers.0/input_layernorm/Reciprocal").total(), 16 * bytes,
                1 + 8 + 3 + 3);
        assertThat(SpecCosts.opAt(torchscript, "/model/layers.0/input_layernorm/Mul_1").total().isZero()).isTrue();
    }

    @Test
    void dcfKeysAreAesBlockTreesOrSmallTables() {
        // 12-bit DCF on 1000 values: 3 ints, one batch (3 ints), 1000 * 5 seeds of 16 bytes, 2 * 1000 leaves of 16,
        // 5 levels of packed t bits ceil(1000 / 32) * 4 = 128: 12 + 12 + 80,000 + 32,000 + 640 = 112,664 per party
        assertThat(call("dcf_key", Map.of(), "bin", 12, "n", 1000).offlineBits())
                .isEqualTo(BigInteger.valueOf(16L * 112_664));
        // 6 bits: a table of 2^6 bits = 8 bytes per value, after 2 ints: 8 + 8000
        assertThat(call("dcf_key", Map.of(), "bin", 6, "n", 1000).offlineBits())
                .isEqualTo(BigInteger.valueOf(16L * 8_008));
    }

    @Test
    void llamaRsqrtKeyIs2202BytesPerRowAtFiftyBits() {
        // F2BF16: DCF(50, 50) = 51 * 16 + 8 + 50 * 8 + 8 = 1232, DCF(42, 8) = 43 * 16 + 1 + 42 + 8 = 739,
        // 5 words of 8 bytes + one of 2 = 42; LUTDPFET(13): 7 * 16 + 2 * 2 + 16 + 8 + 8 + 1 = 149; Select 5 * 8 = 40
        assertThat(call("llama_rsqrt", Map.of(), "r", 1).offlineBits())
                .isEqualTo(BigInteger.valueOf(16L * (1232 + 739 + 42 + 149 + 40)));
    }

    @Test
    void bertTinyGeluIsTheMeasuredGeluComm() {
        // bert-tiny at 128 tokens, bw 37: 2 layers of GELU on 128 * 512 = 65536 values, bwXt = 37 - 24 + 7 = 20;
        // per party 8192 + 163,840 + 16,384 + 65,536 + 8192 + 303,104 + 303,104 = 868,352 bytes; x 2 parties
        // x 2 layers = 3,473,408 bytes, SIGMA's Gelu Comm of that run
        ProfileResult r = profile("sigma_bert_tiny_seq128", Map.of("bw", "37"));
        assertThat(moduleTotal(r.tree(), "act").onlineBits()).isEqualTo(BigInteger.valueOf(3_473_408L * 8));
    }

    @Test
    void gpt2AttentionIsCausalAndFoldsItsScale() {
        ProfileResult r = profile("sigma_gpt2_seq128", Map.of());
        // Q K^T of 12 heads of 128 x 64: lower triangles only, truncated by 12 + 3 (the / 8 folded)
        TreeNode scores = SpecCosts.opAt(r, "/layers.0/attn/MatMul");
        assertThat(scores.children().get(0).args()).containsEntry("causal", Rational.of(1))
                .containsEntry("extra", Rational.of(3)).containsEntry("rows", Rational.of(12 * 128));
        assertThat(SpecCosts.opAt(r, "/layers.0/attn/Div").total().isZero()).isTrue();
        assertThat(SpecCosts.opAt(r, "/layers.0/attn/Softmax").children().get(0).args()).containsEntry("causal", Rational.of(1));
        assertThat(r.complete()).isTrue();
    }

    @Test
    void bertAttentionIsNotCausal() {
        ProfileResult r = profile("sigma_bert_base_seq128", Map.of());
        assertThat(SpecCosts.opAt(r, "/layers.0/attn/MatMul").children().get(0).args()).containsEntry("causal", Rational.of(0))
                .containsEntry("extra", Rational.of(3));
        assertThat(SpecCosts.opAt(r, "/layers.0/attn/Softmax").children().get(0).args()).containsEntry("causal", Rational.of(0));
        assertThat(r.complete()).isTrue();
    }

    private static Cost call(String protocol, Map<String, String> params, Object... namedArgs) {
        Map<String, BigInteger> args = new LinkedHashMap<>();
        for (int i = 0; i < namedArgs.length; i += 2) {
            args.put((String) namedArgs[i], BigInteger.valueOf(((Number) namedArgs[i + 1]).longValue()));
        }
        ProtocolCoster coster = new ProtocolCoster(sigma, ParameterValues.resolve(sigma, params).asRationals());
        CostNode node = coster.expandCall(protocol, args, "SigmaTest");
        return node.total();
    }

    private static void assertCost(Cost c, long onlineBits, long rounds) {
        assertThat(c.onlineBits()).as("online bits").isEqualTo(BigInteger.valueOf(onlineBits));
        assertThat(c.onlineRounds()).as("online rounds").isEqualTo(BigInteger.valueOf(rounds));
    }

    private static ProfileResult profile(String model, Map<String, String> params) {
        ProfileOptions options = ProfileOptions.of("sigma");
        for (Map.Entry<String, String> p : params.entrySet()) {
            options = options.withParam(p.getKey(), p.getValue());
        }
        String resource = "/models/sigma/" + model + ".onnx";
        try (InputStream in = SigmaTest.class.getResourceAsStream(resource)) {
            assertThat(in).as(resource).isNotNull();
            return profiler.profile(OnnxImporter.read(model + ".onnx", in.readAllBytes()), model, options);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }


    private static Cost moduleTotal(TreeNode node, String name) {
        if (node.kind() == TreeNode.Kind.MODULE && node.name().equals(name)) {
            return node.total();
        }
        Cost sum = Cost.ZERO;
        for (TreeNode c : node.children()) {
            if (c.kind() != TreeNode.Kind.OP) {
                sum = sum.plus(moduleTotal(c, name));
            }
        }
        return sum;
    }
}
