package org.hawkeye.engine.generate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.hawkeye.engine.ProfileOptions;
import org.hawkeye.engine.ProfileResult;
import org.hawkeye.engine.Profiler;
import org.hawkeye.engine.TestFiles;
import org.hawkeye.engine.cost.Cost;
import org.hawkeye.engine.onnx.OnnxImporter;
import org.hawkeye.engine.shapes.InputShapes;
import org.hawkeye.engine.tree.ModelPart;
import org.hawkeye.engine.tree.TreeNode;
import org.hawkeye.grammar.Rational;
import org.hawkeye.specs.SpecLibrary;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Generation with a KV cache on the tiny GPT-2 (2 layers, hidden 64, 4 heads of 16, FFN 256, vocabulary 256;
 * models/generation/SOURCE.md), exported by both exporters. A decode step's costs are derived here by hand from
 * CrypTen's protocols (specs/crypten/framework.yaml; defaults: 2 parties, 64-bit ring, so every opened element
 * puts 2 * 64 = 128 bits on the network in one round per opening) for two cache lengths.
 */
class GenerationTest {
    private static final long BITS = 2 * 64;
    private static Profiler profiler;

    @BeforeAll
    static void setUp() {
        profiler = new Profiler(SpecLibrary.load(List.of()));
    }

    static Path model(String name) {
        return TestFiles.resource("models/generation/" + name + ".onnx");
    }

    static ProfileResult decodeStep(String name, long cache) {
        ProfileOptions o = ProfileOptions.of("crypten")
                .withShapes(InputShapes.Request.NONE.withSequence(1L).withCache(cache));
        return profiler.profile(OnnxImporter.read(model(name)), name, o);
    }

    /** The cost of every op of this ONNX type in the step. */
    static Cost ofType(ProfileResult r, String opType) {
        Cost c = Cost.ZERO;
        for (TreeNode op : r.tree().ops()) {
            if (op.detail().equals(opType)) {
                c = c.plus(op.total());
            }
        }
        return c;
    }

    /**
     * Opened elements and rounds of CrypTen's softmax over 4 heads' rows of d = cache + 1 scores (one new token):
     * max along the row (log-reduction then pairwise, its steps fixed by floor(ln d)), exp, the rows' reciprocal,
     * the normalising multiply. Worked out for the two lengths the tests use.
     */
    static long[] softmax(long d) {
        if (d == 8) {
            // floor(ln 8) = 2 halving steps of ltz (27 per element, 8 rounds) + where (2 muls: 4 per pair, 2 rounds):
            // 31 * 4 rows * 4 pairs + 31 * 4 * 2 = 496 + 248, 20 rounds; r = ceil(8/4) = 2 items remain:
            // pairwise one-hot ltz(1 * 4 * 2) = 216 (8 rounds, no product for one slice); weighted_index(4, 2) =
            // b2a of 16 * 4 bits 64 + mul(4, 4) 8 + ltz(8) 216 = 288 (10 rounds); select mul(8, 8) 16 (1 round)
            long max = 496 + 248 + 216 + 288 + 16;
            // argmax: max, then eqz on 32 (13 per element, 7 rounds), weighted_index(4, 8) = 64 + 8 + 27 * 32
            long argmax = max + 13 * 32 + (64 + 8 + 27 * 32);
            // exp on 32 (8 squarings), reciprocal of 4 row sums (exp 8 * 4 + 10 NR steps of square + mul: 3 * 4),
            // normalise mul(32, 4)
            return new long[] {argmax + 8 * 32 + (8 * 4 + 10 * 12) + 36, 39 + 7 + 10 + 8 + (8 + 20) + 1};
        }
        if (d == 13) {
            // floor(ln 13) = 2 steps: 31 * 4 * floor(13/2) = 744, then m = 7: 31 * 4 * 3 = 372 (20 rounds);
            // r = ceil(13/4) = 4: pairwise ltz(3 * 4 * 4) = 1296 (8 rounds) and the product of L = 3 slices in two
            // iterations of mul(16, 16) = 32 each (2 rounds); weighted_index(4, 4) = 64 + 8 + 27 * 16 = 504
            // (10 rounds); select mul(16, 16) = 32 (1 round)
            long max = 744 + 372 + (1296 + 64) + 504 + 32;
            long argmax = max + 13 * 52 + (64 + 8 + 27 * 52);
            return new long[] {argmax + 8 * 52 + (8 * 4 + 10 * 12) + 56, 41 + 7 + 10 + 8 + (8 + 20) + 1};
        }
        throw new IllegalArgumentException("derived for d = 8 and 13 only");
    }

    static Cost online(long opened, long rounds) {
        return Cost.online(BITS * opened, rounds);
    }

    @ParameterizedTest
    @ValueSource(strings = {"gpt2_kv_ts", "gpt2_kv_dynamo"})
    void aDecodeStepCostsWhatCryptenSendsForItsShapes(String name) {
        for (long cache : new long[] {7, 12}) {
            long d = cache + 1;
            ProfileResult r = decodeStep(name, cache);
            // per layer: c_attn [1,64]x[64,192], attn c_proj [64,64], c_fc [64,256], mlp c_proj [256,64]: Beaver
            // matmuls with secret weights open both operands
            assertThat(ofType(r, "Gemm")).isEqualTo(online(2 * ((64 + 64 * 192) + (64 + 64 * 64) + (64 + 64 * 256)
                    + (256 + 256 * 64)), 2 * 4));
            // per layer: q [4,1,16] x keys [4,16,d] and weights [4,1,d] x values [4,d,16]; then the LM head (the
            // token embedding's one-hot product is a MatMul too, a per-framework policy not derived here)
            assertThat(ofType(r, "MatMul").minus(ModelPart.split(r.tree()).get(ModelPart.EMBEDDING))).isEqualTo(online(2 * ((64 + 64 * d) + (4 * d + 64 * d))
                    + (64 + 64 * 256), 2 * 2 + 1));
            long[] softmax = softmax(d);
            assertThat(ofType(r, "Softmax")).isEqualTo(online(2 * softmax[0], 2 * softmax[1]));
            // 5 LayerNorms of one row of 64: square 64, inv_sqrt of 1 (exp 8 + 3 NR steps of 5), mul(64, 1),
            // mul by the secret gamma (64, 64): 280 elements, 1 + 17 + 1 + 1 rounds
            assertThat(ofType(r, "LayerNormalization")).isEqualTo(online(5 * (64 + 23 + 65 + 128), 5 * 20));
            // GELU (tanh form) on 256 per layer, written out as x^3 = square + mul (768, 2 rounds), tanh 47 per
            // element in 23 rounds, and the final x * (1 + tanh) mul(256, 256); one op where an import fuses it
            assertThat(ofType(r, "Pow").plus(ofType(r, "Tanh")).plus(ofType(r, "Mul")).plus(ofType(r, "Gelu")))
                    .isEqualTo(online(2 * (768 + 47 * 256 + 512), 2 * (2 + 23 + 1)));
        }
    }

    @Test
    void theTorchScriptExportsDecodeStepIsExactlyItsOpsAndGrowsWithTheCache() {
        // the TorchScript export builds its attention mask in free ops, so a decode step is the sum of the above
        // plus what the token and position embeddings cost (a per-framework policy, not derived here)
        long body7 = 2 * ((64 + 64 * 192) + (64 + 64 * 64) + (64 + 64 * 256) + (256 + 256 * 64))
                + 2 * (64 + 132 * 8) + (64 + 64 * 256) + 2 * softmax(8)[0] + 5 * 280 + 2 * 768 + 2 * 47 * 256
                + 2 * 512;
        assertThat(withoutEmbedding(decodeStep("gpt2_kv_ts", 7))).isEqualTo(online(body7,
                8 + 5 + 2 * 93 + 100 + 4 + 46 + 2));
        long body12 = body7 - 2 * 132 * 8 + 2 * 132 * 13 - 2 * softmax(8)[0] + 2 * softmax(13)[0];
        assertThat(withoutEmbedding(decodeStep("gpt2_kv_ts", 12))).isEqualTo(online(body12, 355));
    }

    /** A step's cost less its embedding part (the parts add up to the step). */
    static Cost withoutEmbedding(ProfileResult r) {
        return r.total().minus(ModelPart.split(r.tree()).get(ModelPart.EMBEDDING));
    }

    @Test
    void aGenerationIsThePrefillThenOneStepPerTokenWithAGrowingCache() {
        Generation.Result g = Generation.run(profiler, model("gpt2_kv_ts"), null, ProfileOptions.of("crypten"), 7, 6,
                done -> { });
        assertThat(g.steps()).extracting(Generation.Step::tokensIn).containsExactly(7L, 1L, 1L, 1L, 1L, 1L, 1L);
        assertThat(g.steps()).extracting(Generation.Step::cache).containsExactly(0L, 7L, 8L, 9L, 10L, 11L, 12L);
        assertThat(g.steps().get(1).cost()).isEqualTo(decodeStep("gpt2_kv_ts", 7).total());
        assertThat(g.steps().get(6).cost()).isEqualTo(decodeStep("gpt2_kv_ts", 12).total());
        ProfileResult prefill = profiler.profile(OnnxImporter.read(model("gpt2_kv_ts")), "gpt2_kv_ts",
                ProfileOptions.of("crypten").withShapes(InputShapes.Request.NONE.withSequence(7L).withCache(0L)));
        assertThat(g.steps().get(0).cost()).isEqualTo(prefill.total());
        Cost sum = Cost.ZERO;
        for (Generation.Step s : g.steps()) {
            sum = sum.plus(s.cost());
            Cost parts = s.parts().values().stream().reduce(Cost.ZERO, Cost::plus);
            assertThat(parts).as("the parts of step %d add up to it", s.index()).isEqualTo(s.cost());
        }
        assertThat(g.total()).isEqualTo(sum);
        // the cache grows the attention only: the MLP of every decode step costs the same
        assertThat(g.decode()).extracting(s -> s.parts().get(ModelPart.MLP)).containsOnly(
                g.decode().get(0).parts().get(ModelPart.MLP));
        assertThat(g.decode().get(5).parts().get(ModelPart.ATTENTION).onlineBits())
                .isGreaterThan(g.decode().get(0).parts().get(ModelPart.ATTENTION).onlineBits());
    }

    @Test
    void thePerTokenPolynomialInTheCachePredictsAStepOutsideTheRun() {
        // under semi2k a decode step's bits are linear in the cache: fitted on steps with caches 16..19, the
        // polynomial gives the step with a cache of 40 exactly
        ProfileOptions semi2k = ProfileOptions.of("semi2k");
        Generation.Result g = Generation.run(profiler, model("tiny_llama_kv_ts"), null, semi2k, 16, 4, done -> { });
        List<Long> xs = new ArrayList<>();
        List<BigInteger> ys = new ArrayList<>();
        for (Generation.Step s : g.decode()) {
            xs.add(s.cache());
            ys.add(s.cost().onlineBits());
        }
        Optional<Polynomial.Fit> fit = Polynomial.fit("cache", xs, ys);
        assertThat(fit).isPresent();
        assertThat(fit.get().polynomial().degree()).isEqualTo(1);
        ProfileResult at40 = profiler.profile(OnnxImporter.read(model("tiny_llama_kv_ts")), "tiny_llama_kv_ts",
                semi2k.withShapes(InputShapes.Request.NONE.withSequence(1L).withCache(40L)));
        assertThat(fit.get().polynomial().at(40)).isEqualTo(Rational.of(at40.total().onlineBits()));
    }

    @Test
    void aPrefillExportCanBeGivenApart() {
        Generation.Result apart = Generation.run(profiler, model("gpt2_kv_ts"), model("gpt2_kv_ts"),
                ProfileOptions.of("crypten"), 5, 1, done -> { });
        Generation.Result same = Generation.run(profiler, model("gpt2_kv_ts"), null, ProfileOptions.of("crypten"), 5,
                1, done -> { });
        assertThat(apart.steps().get(0).cost()).isEqualTo(same.steps().get(0).cost());
    }

    @Test
    void aModelWithoutAKvCacheOrNoTokensToGenerateIsRefused() {
        assertThatThrownBy(() -> Generation.run(profiler, model("bert_ts"), null, ProfileOptions.of("crypten"), 8, 4,
                done -> { })).hasMessageStartingWith("bert_ts.onnx: generate needs a decoder exported with its KV "
                        + "cache").hasMessageContaining("this model's inputs are input_ids, attention_mask, "
                        + "token_type_ids");
        assertThatThrownBy(() -> Generation.run(profiler, model("gpt2_kv_ts"), null, ProfileOptions.of("crypten"), 8,
                0, done -> { })).hasMessage("--new-tokens must be at least 1, not 0");
        assertThatThrownBy(() -> Generation.run(profiler, model("gpt2_kv_ts"), null, ProfileOptions.of("crypten"), 0,
                3, done -> { })).hasMessage("--prompt must be at least 1 token, not 0");
    }
}
