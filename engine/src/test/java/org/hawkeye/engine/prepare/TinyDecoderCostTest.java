package org.hawkeye.engine.prepare;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hawkeye.engine.prepare.TinyTransformers.node;
import static org.hawkeye.engine.prepare.TinyTransformers.profile;

import java.math.BigInteger;
import java.util.List;
import java.util.Set;
import org.hawkeye.engine.ProfileOptions;
import org.hawkeye.engine.ProfileResult;
import org.hawkeye.engine.tree.TreeNode;
import org.junit.jupiter.api.Test;

/**
 * The tiny LLaMA-style decoder (2 layers, hidden 64, 4 heads of 16 over 2 KV heads, vocab 128, 8 tokens) under
 * CrypTen 0.4.0, by hand. Every CrypTen opening of e elements sends 2 parties x 64 bits x e and takes one round.
 */
class TinyDecoderCostTest {
    private static final long OPENED = 2 * 64;

    /** The node's online cost is elementsOpened openings in the given rounds, and nothing offline (TFP). */
    private static void assertOpens(TreeNode n, long elementsOpened, long rounds) {
        assertThat(n.total().onlineBits()).as(n.name() + " bits").isEqualTo(BigInteger.valueOf(OPENED * elementsOpened));
        assertThat(n.total().onlineRounds()).as(n.name() + " rounds").isEqualTo(BigInteger.valueOf(rounds));
        assertThat(n.total().offlineBits()).isZero();
    }

    @Test
    void theEmbeddingIsTheProductOfTheOneHotIdsAndTheTable() {
        ProfileResult r = profile("llama_tiny_torchscript", ProfileOptions.of("crypten"));
        assertThat(r.embedding()).isEqualTo(new ProfileResult.Embedding("onehot", 1));
        // the data holder one-hot encodes its 8 ids over the 128-word vocabulary (free), then a Beaver matmul opens
        // the one-hot [8 x 128] and the table [128 x 64]
        assertThat(node(r.tree(), "/model/embed_tokens/Gather/onehot/OneHot").total().isZero()).isTrue();
        assertOpens(node(r.tree(), "/model/embed_tokens/Gather/onehot/MatMul"), 8 * 128 + 128 * 64, 1);
    }

    @Test
    void attentionScoresAndTheirSoftmaxRows() {
        ProfileResult r = profile("llama_tiny_torchscript", ProfileOptions.of("crypten"));
        for (String layer : List.of("layers.0", "layers.1")) {
            // Q [4 heads x 8 x 16] times K^T, K's 2 heads repeated to 4 (GQA) before the product: 512 + 512
            assertOpens(node(r.tree(), "/model/" + layer + "/self_attn/MatMul"), 4 * 8 * 16 + 4 * 16 * 8, 1);
            // softmax over 32 rows (4 heads x 8 queries) of 8 scores: max_dim(32, 8) + exp(256) +
            // reciprocal_pos(32) + mul(256, 32). With ltz(n) = 27n opened in 8 rounds (a2b 26n/7, b2a n/1):
            // max_value: two tree steps (floor(ln 8) = 2) of ltz + where on 128 then 64 pairs: 27*128 + 4*128 and
            //   27*64 + 4*64, the pairwise one-hot of the 2 left (ltz(64)), its tie-break (b2a of 16 bits x 32 rows,
            //   mul(32, 32), ltz(64)) and the select (mul(64, 64)): 10112 in 10 + 10 + 8 + 10 + 1 rounds;
            // eq with the max (eqz(256): 6 AND levels of 512, b2a 256): 3328 in 7; tie-break over 8 (512 + 64 +
            //   27*256): 7488 in 10; exp: 8 squares of 256 in 8; reciprocal of the 32 sums: exp(32) (256 in 8) and 10
            //   Newton steps of square + mul (96 each, 2 rounds); the normalising mul: 256 + 32
            long max = 27 * 128 + 4 * 128 + 27 * 64 + 4 * 64 + 27 * 64 + (16 * 32 + 64 + 27 * 64) + 128;
            long argmax = max + (6 * 512 + 256) + (16 * 32 + 64 + 27 * 256);
            long softmax = argmax + 8 * 256 + (8 * 32 + 10 * 96) + (256 + 32);
            assertOpens(node(r.tree(), "/model/" + layer + "/self_attn/Softmax"), softmax,
                    (10 + 10 + 8 + 10 + 1) + 7 + 10 + 8 + (8 + 20) + 1);
            // the attention weights [4 x 8 x 8] times V [4 x 8 x 16]
            assertOpens(node(r.tree(), "/model/" + layer + "/self_attn/MatMul_1"), 4 * 8 * 8 + 4 * 8 * 16, 1);
        }
    }

    @Test
    void ropeMultipliesByPublicTablesAndCostsNothing() {
        ProfileResult r = profile("llama_tiny_dynamo", ProfileOptions.of("crypten"));
        assertThat(r.publicInputs()).extracting(PublicInputs.Entry::input)
                .containsExactly("attention_mask", "position_ids");
        assertThat(node(r.tree(), "/model/rotary_emb").total().isZero()).isTrue();
        // what self-attention costs is its projections, Q K^T, the softmax and the product with V: the products
        // of Q and K with the cos and sin tables of the public positions are local
        TreeNode attention = node(r.tree(), "/model/layers.0/self_attn");
        Set<String> costed = Set.of("MatMul", "Softmax");
        assertThat(attention.ops()).filteredOn(op -> !op.total().isZero())
                .allSatisfy(op -> assertThat(costed).contains(op.detail()));
        assertThat(attention.ops()).filteredOn(op -> op.detail().equals("Mul"))
                .allSatisfy(op -> assertThat(op.total().isZero()).isTrue());
    }

    @Test
    void secretPositionsMakeTheRopeTablesSecret() {
        ProfileResult r = profile("llama_tiny_dynamo", ProfileOptions.of("crypten")
                .withInputs(Set.of(), Set.of("position_ids")));
        assertThat(r.publicInputs()).extracting(PublicInputs.Entry::input).containsExactly("attention_mask");
        // CrypTen has no cos or sin of a secret
        assertThat(r.unsupported()).extracting(u -> u.op()).contains("Cos", "Sin");
        TreeNode attention = node(r.tree(), "/model/layers.0/self_attn");
        assertThat(attention.ops()).filteredOn(op -> op.detail().equals("Mul") && !op.total().isZero()).isNotEmpty();
    }
}
