package org.hawkeye.engine.lowering;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.hawkeye.specs.SpecLibrary;
import org.junit.jupiter.api.Test;

/**
 * The common rules that derive facts rather than decide ops: fixed-point products (classify), fusions (fuse) and
 * the truncation a framework opts into (fixedpoint). Each is shown firing on its pattern and not on a near miss.
 */
class DerivedFactsTest {

    private static GraphSketch sketch() {
        return CommonRuleBase.sketch();
    }

    private static <T> List<T> derived(GraphSketch g, String weights, Class<T> type) {
        try (Lowering.Fired fired = g.fire(weights, "inference")) {
            return fired.facts(type);
        }
    }

    @Test
    void aProductOfTwoFixedPointOperandsOneSecretIsAFixedPointProduct() {
        GraphSketch g = sketch().input("x", 4).weight("w", null, 4).scalar("half", 0.5).scalar("two", 2.0)
                .node("/m/Mul", "Mul", List.of("x", "w"), "a", 4)
                .node("/m/Mul_1", "Mul", List.of("x", "half"), "b", 4)
                .node("/m/Mul_2", "Mul", List.of("x", "two"), "c", 4)
                .node("/m/Mul_3", "Mul", List.of("w", "half"), "d", 4);
        // secret * secret weight and secret * 0.5 carry 2f fraction bits
        assertThat(derived(g, "secret", FixedPointProduct.class)).extracting(FixedPointProduct::op)
                .containsExactlyInAnyOrder("/m/Mul", "/m/Mul_1", "/m/Mul_3");
        // near misses: a product with the integer 2 needs no truncation, and with public weights w * 0.5 is
        // computed in the clear
        assertThat(derived(g, "public", FixedPointProduct.class)).extracting(FixedPointProduct::op)
                .containsExactlyInAnyOrder("/m/Mul", "/m/Mul_1");
    }

    @Test
    void aBatchNormReadingAConvAloneIsFusableAtInference() {
        GraphSketch g = sketch().input("x", 1, 3, 8, 8).weight("k", null, 4, 3, 3, 3)
                .weight("s", null, 4).weight("b", null, 4).weight("m", null, 4).weight("v", null, 4)
                .node("/c1/Conv", "Conv", List.of("x", "k"), "y", 1, 4, 6, 6)
                .node("/bn1/BatchNormalization", "BatchNormalization", List.of("y", "s", "b", "m", "v"), "z",
                        1, 4, 6, 6)
                .node("/c2/Conv", "Conv", List.of("x", "k"), "y2", 1, 4, 6, 6)
                .node("/bn2/BatchNormalization", "BatchNormalization", List.of("y2", "s", "b", "m", "v"), "z2",
                        1, 4, 6, 6)
                .node("/add/Add", "Add", List.of("y2", "z2"), "sum", 1, 4, 6, 6);
        assertThat(derived(g, "secret", FusableConvBn.class))
                .containsExactly(new FusableConvBn("/c1/Conv", "/bn1/BatchNormalization"));
        // near miss (also above: the second Conv's output has another reader, the Add): in training the
        // statistics are not fixed, so nothing folds
        try (Lowering.Fired fired = g.fire("secret", "training")) {
            assertThat(fired.facts(FusableConvBn.class)).isEmpty();
        }
    }

    @Test
    void aFrameworkRuleCanActOnAFusionFact() {
        // the toy framework frees a BatchNormalization folded into its Conv (rule in specs/toy/rules/Toy.drl)
        List<org.hawkeye.specs.RuleFile> files = new java.util.ArrayList<>(SpecLibrary.load(List.of()).common().rules());
        files.addAll(SpecLibrary.load(List.of(org.hawkeye.engine.TestFiles.toySpecs())).framework("toy").rules());
        List<String> phases = CommonRuleBase.PHASES;
        GraphSketch g = new GraphSketch(RuleBase.build(files, phases), phases).input("x", 1, 3, 8, 8)
                .weight("k", null, 4, 3, 3, 3).weight("s", null, 4).weight("b", null, 4).weight("m", null, 4)
                .weight("v", null, 4)
                .node("/c1/Conv", "Conv", List.of("x", "k"), "y", 1, 4, 6, 6)
                .node("/bn1/BatchNormalization", "BatchNormalization", List.of("y", "s", "b", "m", "v"), "z",
                        1, 4, 6, 6)
                .node("/bn2/BatchNormalization", "BatchNormalization", List.of("z", "s", "b", "m", "v"), "z2",
                        1, 4, 6, 6);
        Map<String, OpDecision> d = decisions(g.run(Map.of()));
        assertThat(d.get("/bn1/BatchNormalization").kind()).isEqualTo(OpDecision.Kind.FREE);
        assertThat(d.get("/bn1/BatchNormalization").rule()).isEqualTo("BatchNormalization folded into its Conv is free");
        // near miss: a BN after a BN has no Conv to fold into, and toy has no other rule for it
        assertThat(d.get("/bn2/BatchNormalization").kind()).isEqualTo(OpDecision.Kind.UNSUPPORTED);
    }

    @Test
    void aReluAfterAConvOrAFoldableBatchNormIsFusable() {
        GraphSketch g = sketch().input("x", 1, 3, 8, 8).weight("k", null, 4, 3, 3, 3)
                .weight("s", null, 4).weight("b", null, 4).weight("m", null, 4).weight("v", null, 4)
                .node("/a/Conv", "Conv", List.of("x", "k"), "ya", 1, 4, 6, 6)
                .node("/a/Relu", "Relu", List.of("ya"), "ra", 1, 4, 6, 6)
                .node("/b/Conv", "Conv", List.of("x", "k"), "yb", 1, 4, 6, 6)
                .node("/b/BatchNormalization", "BatchNormalization", List.of("yb", "s", "b", "m", "v"), "zb",
                        1, 4, 6, 6)
                .node("/b/Relu", "Relu", List.of("zb"), "rb", 1, 4, 6, 6)
                .node("/c/Conv", "Conv", List.of("x", "k"), "yc", 1, 4, 6, 6)
                .node("/c/Add", "Add", List.of("yc", "yc"), "zc", 1, 4, 6, 6)
                .node("/c/Relu", "Relu", List.of("zc"), "rc", 1, 4, 6, 6)
                .node("/d/Conv", "Conv", List.of("x", "k"), "yd", 1, 4, 6, 6)
                .node("/d/Relu", "Relu", List.of("yd"), "rd", 1, 4, 6, 6)
                .node("/d/Neg", "Neg", List.of("yd"), "nd", 1, 4, 6, 6);
        // the first by "Conv followed by ReLU", the second by "Conv, foldable BatchNormalization, then ReLU";
        // near misses: an Add between the Conv and the ReLU of /c, and a second reader of /d's Conv output
        assertThat(derived(g, "secret", FusableConvRelu.class)).containsExactlyInAnyOrder(
                new FusableConvRelu("/a/Conv", "/a/Relu"), new FusableConvRelu("/b/Conv", "/b/Relu"));
    }

    @Test
    void aBiasAddAfterAMatMulIsFusable() {
        GraphSketch g = sketch().input("x", 2, 8).weight("w", null, 8, 4).weight("bias", null, 4)
                .node("/fc/MatMul", "MatMul", List.of("x", "w"), "y", 2, 4)
                .node("/fc/Add", "Add", List.of("bias", "y"), "z", 2, 4)
                .node("/res/MatMul", "MatMul", List.of("x", "w"), "y2", 2, 4)
                .node("/res/Add", "Add", List.of("y2", "z"), "z2", 2, 4);
        // near miss: the second Add adds two activations (a residual), not a bias
        assertThat(derived(g, "secret", FusableMatMulAdd.class))
                .containsExactly(new FusableMatMulAdd("/fc/MatMul", "/fc/Add"));
    }

    @Test
    void aFrameworkThatOptsInTruncatesAfterEachFixedPointProduct() {
        GraphSketch g = sketch().input("x", 2, 3).weight("w", null, 2, 3).scalar("two", 2.0)
                .node("/m/Mul", "Mul", List.of("x", "w"), "a", 2, 3)
                .node("/m/Mul_1", "Mul", List.of("x", "two"), "b", 2, 3);
        Map<String, OpDecision> on = decisions(g.run(Map.of("truncation_communicates", 1.0)));
        // truncate(n = 2 * 3 output elements) follows the product, which no common rule lowers itself
        assertThat(on.get("/m/Mul").followUps()).singleElement().satisfies(c -> {
            assertThat(c.protocol()).isEqualTo("truncate");
            assertThat(c.args()).containsEntry("n", java.math.BigInteger.valueOf(2 * 3));
            assertThat(c.rule()).isEqualTo("truncate after a fixed-point product");
        });
        assertThat(on.get("/m/Mul").kind()).isEqualTo(OpDecision.Kind.UNSUPPORTED);
        assertThat(on.get("/m/Mul").note()).endsWith("; then rule: truncate after a fixed-point product");
        // near misses: a product with the integer 2, and any product when the framework does not opt in (CrypTen)
        assertThat(on.get("/m/Mul_1").followUps()).isEmpty();
        assertThat(decisions(g.run(Map.of("truncation_communicates", 0.0))).get("/m/Mul").followUps()).isEmpty();
        assertThat(decisions(g.run(Map.of())).get("/m/Mul").followUps()).isEmpty();
    }

    private static Map<String, OpDecision> decisions(LoweringResult r) {
        Map<String, OpDecision> out = new java.util.LinkedHashMap<>();
        r.ops().forEach(op -> out.put(op.op().id(), op.decision()));
        return out;
    }
}
