package org.hawkeye.engine.prepare;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hawkeye.engine.prepare.TinyTransformers.node;
import static org.hawkeye.engine.prepare.TinyTransformers.profile;

import java.math.BigInteger;
import java.util.Set;
import org.hawkeye.engine.ProfileOptions;
import org.hawkeye.engine.ProfileResult;
import org.hawkeye.engine.tree.TreeNode;
import org.hawkeye.specs.ProfilerException;
import org.junit.jupiter.api.Test;

/** Which inputs are public, and how embedding tables are looked up by the data holder's token ids. */
class InputsAndEmbeddingsTest {

    @Test
    void integerMaskPositionAndSegmentInputsArePublicByDefaultAndTheReportSaysWhy() {
        ProfileResult bert = profile("bert_tiny_torchscript", ProfileOptions.of("crypten"));
        assertThat(bert.publicInputs()).extracting(PublicInputs.Entry::input)
                .containsExactly("attention_mask", "token_type_ids");
        assertThat(bert.publicInputs()).allSatisfy(e -> assertThat(e.reason()).startsWith("mask or position input"));
        // BERT's mask arithmetic (Cast, Sub, Mul by the minimum, the padding Where) is all public: nothing of it is
        // costed, and the segment lookup is a public selection
        assertThat(bert.unsupported()).isEmpty();
    }

    @Test
    void publicAndSecretOverrideTheDefault() {
        ProfileResult pub = profile("gpt2_tiny_dynamo", ProfileOptions.of("crypten")
                .withInputs(Set.of("input_ids"), Set.of("position_ids")));
        assertThat(pub.publicInputs()).containsExactly(new PublicInputs.Entry("input_ids", "--public"),
                new PublicInputs.Entry("attention_mask",
                        "mask or position input (default; --secret attention_mask to share it)"));
        // public token ids select rows of the token table in the shares (free); the secret position ids are the
        // data holder's and index the position table by the embedding policy: a one-hot product
        assertThat(pub.embedding().lookups()).isEqualTo(1);
        assertThat(pub.unsupported()).isEmpty();
        assertThat(node(pub.tree(), "/transformer/wte").total().isZero()).isTrue();
        assertThat(node(pub.tree(), "/transformer/wpe").total().isZero()).isFalse();
    }

    @Test
    void anInputOptionNamingNoInputIsAnErrorListingTheInputs() {
        assertThatThrownBy(() -> profile("llama_tiny_dynamo", ProfileOptions.of("crypten")
                .withInputs(Set.of("mask"), Set.of()))).isInstanceOf(ProfilerException.class)
                .hasMessage("llama_tiny_dynamo.onnx: --public mask: the model has no data input named 'mask' (its "
                        + "inputs: input_ids, attention_mask, position_ids)");
        assertThatThrownBy(() -> profile("llama_tiny_dynamo", ProfileOptions.of("crypten")
                .withInputs(Set.of("position_ids"), Set.of("position_ids")))).isInstanceOf(ProfilerException.class)
                .hasMessage("llama_tiny_dynamo.onnx: input 'position_ids' is given both --public and --secret");
    }

    @Test
    void underTheClearPolicyTheDataHolderEmbedsItsTokens() {
        ProfileResult onehot = profile("llama_tiny_torchscript", ProfileOptions.of("crypten"));
        ProfileResult clear = profile("llama_tiny_torchscript", ProfileOptions.of("crypten").withEmbedding("clear"));
        assertThat(clear.embedding()).isEqualTo(new ProfileResult.Embedding("clear", 1));
        assertThat(node(clear.tree(), "/model/embed_tokens").total().isZero()).isTrue();
        // the difference is the one-hot product: 2 parties x 64 bits x (8 x 128 + 128 x 64) opened, one round
        assertThat(onehot.total().onlineBits().subtract(clear.total().onlineBits()))
                .isEqualTo(BigInteger.valueOf(2L * 64 * (8 * 128 + 128 * 64)));
        assertThat(onehot.total().onlineRounds().subtract(clear.total().onlineRounds())).isEqualTo(BigInteger.ONE);
    }

    @Test
    void aPolicyTheFrameworkDoesNotKnowIsAnError() {
        assertThatThrownBy(() -> profile("llama_tiny_torchscript", ProfileOptions.of("crypten")
                .withEmbedding("oblivious"))).isInstanceOf(ProfilerException.class)
                .hasMessage("--embedding oblivious: crypten has no such embedding policy (known: onehot, clear)");
    }

    @Test
    void semi2kLooksUpObliviouslyAsSpuDoesOneTokenAfterAnother() {
        ProfileResult r = profile("llama_tiny_torchscript", ProfileOptions.of("semi2k").withEmbedding("oblivious"));
        assertThat(r.unsupported()).isEmpty();
        TreeNode gather = node(r.tree(), "/model/embed_tokens/Gather");
        TreeNode perToken = node(gather, "/secret_gather/per_token");
        assertThat(perToken.repeat()).isEqualTo(BigInteger.valueOf(8));
        // one token: equal(index, 0..127): open a + r (2 x 64 bits each) and 6 AND levels on 64-bit words
        // (2 x 2 x 64 bits each), in 7 rounds
        TreeNode equal = node(perToken, "/index_equals_row");
        assertThat(equal.total().onlineBits()).isEqualTo(BigInteger.valueOf(128L * (2 * 64 + 6 * 2 * 2 * 64)));
        assertThat(equal.total().onlineRounds()).isEqualTo(BigInteger.valueOf(7));
        // the 128 mask bits to arithmetic, each opened in an 8-bit word by both parties
        assertThat(node(perToken, "/mask_to_a").total().onlineBits()).isEqualTo(BigInteger.valueOf(128L * 2 * 8));
        // the mask row [1 x 128] times the table [128 x 64]: Beaver opens both, 2 x 64 bits each
        assertThat(node(perToken, "/mask_times_table").total().onlineBits())
                .isEqualTo(BigInteger.valueOf(2L * 64 * (128 + 128 * 64)));
    }
}
