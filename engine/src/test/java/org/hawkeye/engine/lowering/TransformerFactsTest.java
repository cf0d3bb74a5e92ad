package org.hawkeye.engine.lowering;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The fuse-phase facts about transformer layers (specs/common/rules/fuse: ActivationsFusable, CausalAttention,
 * ScaledProducts), each shown on the graph an exporter writes and on a near miss.
 */
class TransformerFactsTest {

    private static <T> List<T> derived(GraphSketch g, Class<T> type) {
        try (Lowering.Fired fired = g.fire("secret", "inference")) {
            return fired.facts(type);
        }
    }

    /** torch.onnx's nn.GELU(): x / sqrt 2, erf, + 1, x *, * 0.5. */
    private static GraphSketch erfGelu(GraphSketch g, String p, String x) {
        return g.scalar(p + "sqrt2", 1.4142135).scalar(p + "one", 1.0).scalar(p + "half", 0.5)
                .node(p + "Div", "Div", List.of(x, p + "sqrt2"), p + "t1", 4, 8)
                .node(p + "Erf", "Erf", List.of(p + "t1"), p + "t2", 4, 8)
                .node(p + "Add", "Add", List.of(p + "t2", p + "one"), p + "t3", 4, 8)
                .node(p + "Mul", "Mul", List.of(x, p + "t3"), p + "t4", 4, 8)
                .node(p + "Mul_1", "Mul", List.of(p + "t4", p + "half"), p + "y", 4, 8);
    }

    @Test
    void aGeluIsItsGeluOpOnly() {
        // the engine fuses the forms exporters write into one Gelu op before rules run (prepare/GeluForms);
        // what reaches the rules written out (here: not through that step) is not claimed as a GELU
        GraphSketch g = erfGelu(CommonRuleBase.sketch().input("x", 4, 8), "/act/", "x")
                .node("/ffn/Gelu", "Gelu", List.of("/act/y"), "z", 4, 8);
        assertThat(derived(g, FusableActivation.class)).containsExactly(new FusableActivation("gelu", "/ffn/Gelu",
                "/act/y", "z", List.of("/ffn/Gelu")));
    }

    @Test
    void xTimesItsSigmoidIsASilu() {
        GraphSketch g = CommonRuleBase.sketch().input("x", 4, 8)
                .node("/mlp/act/Sigmoid", "Sigmoid", List.of("x"), "s", 4, 8)
                .node("/mlp/act/Mul", "Mul", List.of("x", "s"), "y", 4, 8)
                // near miss: a sigmoid times something else is a gate, not a SiLU
                .input("z", 4, 8)
                .node("/gate/Sigmoid", "Sigmoid", List.of("z"), "s2", 4, 8)
                .node("/gate/Mul", "Mul", List.of("x", "s2"), "y2", 4, 8);
        assertThat(derived(g, FusableActivation.class)).containsExactly(new FusableActivation("silu",
                "/mlp/act/Sigmoid", "x", "y", List.of("/mlp/act/Sigmoid", "/mlp/act/Mul")));
    }

    /** Scores Q K^T of a decoder, scaled, masked through Trilu -> Equal -> Where, then a softmax. */
    private static GraphSketch causalAttention(boolean withMask) {
        GraphSketch g = CommonRuleBase.sketch().input("q", 2, 4, 8).input("kt", 2, 8, 4).scalar("eight", 8.0)
                .scalar("zero", 0.0).scalar("ninf", -1e30).constant("ones", 4, 4)
                .node("/attn/MatMul", "MatMul", List.of("q", "kt"), "s", 2, 4, 4)
                .node("/attn/Div", "Div", List.of("s", "eight"), "s1", 2, 4, 4);
        if (withMask) {
            g = g.node("/attn/Trilu", "Trilu", List.of("ones"), "tri", 4, 4)
                    .node("/attn/Equal", "Equal", List.of("tri", "zero"), "off", 4, 4)
                    .node("/attn/Where", "Where", List.of("off", "ninf", "s1"), "s2", 2, 4, 4);
        } else {
            g = g.node("/attn/Neg", "Neg", List.of("s1"), "s2", 2, 4, 4);
        }
        return g.node("/attn/Softmax", "Softmax", List.of("s2"), "p", 2, 4, 4);
    }

    @Test
    void aTriluMaskMakesTheSoftmaxAndTheProductCausal() {
        GraphSketch g = causalAttention(true);
        assertThat(derived(g, TriangularMask.class)).extracting(TriangularMask::tensor)
                .containsExactlyInAnyOrder("tri", "off");
        assertThat(derived(g, CausalScores.class)).containsExactly(new CausalScores("s2"));
        assertThat(derived(g, CausalSoftmax.class)).containsExactly(new CausalSoftmax("/attn/Softmax"));
        // the product reaches the mask through its scaling by 1/8
        assertThat(derived(g, CausalProduct.class)).containsExactly(new CausalProduct("/attn/MatMul"));
    }

    @Test
    void withoutATriluNothingIsCausal() {
        GraphSketch g = causalAttention(false);
        assertThat(derived(g, CausalSoftmax.class)).isEmpty();
        assertThat(derived(g, CausalProduct.class)).isEmpty();
    }

    @Test
    void anAdditiveTriangularMaskMakesTheScoresCausal() {
        // GPT-2 as transformers exports it: Add(Q K^T, Where(Equal(Trilu), 0, -inf)), a public additive mask
        GraphSketch g = CommonRuleBase.sketch().input("q", 2, 4, 8).input("kt", 2, 8, 4).scalar("zero", 0.0)
                .scalar("ninf", -1e30).constant("ones", 4, 4)
                .node("/attn/MatMul", "MatMul", List.of("q", "kt"), "s", 2, 4, 4)
                .node("/attn/Trilu", "Trilu", List.of("ones"), "tri", 4, 4)
                .node("/attn/Equal", "Equal", List.of("tri", "zero"), "keep", 4, 4)
                .node("/attn/Where", "Where", List.of("keep", "zero", "ninf"), "mask", 4, 4)
                .node("/attn/Add", "Add", List.of("s", "mask"), "s2", 2, 4, 4)
                .node("/attn/Softmax", "Softmax", List.of("s2"), "p", 2, 4, 4);
        assertThat(derived(g, CausalProduct.class)).containsExactly(new CausalProduct("/attn/MatMul"));
        assertThat(derived(g, CausalSoftmax.class)).containsExactly(new CausalSoftmax("/attn/Softmax"));
    }

    @Test
    void aProductDividedBySqrtOfSixtyFourIsScaledByTwoToTheMinusThree() {
        GraphSketch g = causalAttention(false);
        assertThat(derived(g, ScaledProduct.class))
                .containsExactly(new ScaledProduct("/attn/MatMul", List.of("/attn/Div"), 3));
    }

    @Test
    void operandsScaledBeforeTheProductAreFoldedTogether() {
        // scaled_dot_product_attention as exported: q and k each times 64^(-1/4) = 0.35355339 -> 2^-3 together
        GraphSketch g = CommonRuleBase.sketch().input("q", 2, 4, 8).input("kt", 2, 8, 4).scalar("c", 0.35355339)
                .scalar("third", 0.3)
                .node("/attn/Mul", "Mul", List.of("q", "c"), "qs", 2, 4, 8)
                .node("/attn/Mul_1", "Mul", List.of("kt", "c"), "ks", 2, 8, 4)
                .node("/attn/MatMul", "MatMul", List.of("qs", "ks"), "s", 2, 4, 4)
                // near miss: a scale of 0.3 x 0.3 is no power of two
                .node("/b/Mul", "Mul", List.of("q", "third"), "qb", 2, 4, 8)
                .node("/b/Mul_1", "Mul", List.of("kt", "third"), "kb", 2, 8, 4)
                .node("/b/MatMul", "MatMul", List.of("qb", "kb"), "sb", 2, 4, 4);
        assertThat(derived(g, ScaledProduct.class)).containsExactly(
                new ScaledProduct("/attn/MatMul", List.of("/attn/Mul", "/attn/Mul_1"), 3));
    }

    @Test
    void aProductScaledByAnythingButAPowerOfTwoIsNotScaled() {
        GraphSketch g = CommonRuleBase.sketch().input("q", 2, 4, 8).input("kt", 2, 8, 4).scalar("s", 11.3137)
                .node("/attn/MatMul", "MatMul", List.of("q", "kt"), "p", 2, 4, 4)
                .node("/attn/Div", "Div", List.of("p", "s"), "y", 2, 4, 4);
        assertThat(derived(g, ScaledProduct.class)).isEmpty();
    }
}
