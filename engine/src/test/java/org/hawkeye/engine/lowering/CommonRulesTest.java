package org.hawkeye.engine.lowering;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.hawkeye.engine.graph.DataType;
import org.hawkeye.engine.graph.Shape;
import org.hawkeye.engine.graph.TensorData;
import org.hawkeye.specs.CommonRules;
import org.junit.jupiter.api.Test;

/**
 * The framework-independent rules of specs/common, each shown firing on its pattern and not firing on a near
 * miss. With only the common rules loaded, an op they do not decide stays undecided (unsupported, no rule).
 */
class CommonRulesTest {

    private static GraphSketch sketch() {
        return CommonRuleBase.sketch();
    }

    private static void assertDecided(OpDecision d, OpDecision.Kind kind, String rule) {
        assertThat(d.kind()).isEqualTo(kind);
        assertThat(d.rule()).isEqualTo(rule);
    }

    @Test
    void dataMovementAndShapeOpsAreFree() {
        var d = sketch().input("x", 2, 3)
                .node("/m/Reshape", "Reshape", List.of("x"), "y", 6)
                .node("/m/Relu", "Relu", List.of("y"), "z", 6)
                .lower("secret");
        assertDecided(d.get("/m/Reshape"), OpDecision.Kind.FREE, "data movement and shape ops are free");
        // near miss: a ReLU computes on its shares, so no common rule decides it
        assertDecided(d.get("/m/Relu"), OpDecision.Kind.UNSUPPORTED, "");
    }

    @Test
    void gatherWithPublicIndicesIsFree() {
        var d = sketch().input("x", 4, 8).constant("idx", 2).input("ids", 2)
                .node("/m/Gather", "Gather", List.of("x", "idx"), "y", 2, 8)
                .node("/m/Gather_1", "Gather", List.of("x", "ids"), "z", 2, 8)
                .lower("secret");
        assertDecided(d.get("/m/Gather"), OpDecision.Kind.FREE, "Gather with constant indices is free");
        // near miss: indices are the data holder's secret input
        assertDecided(d.get("/m/Gather_1"), OpDecision.Kind.UNSUPPORTED, "");
    }

    @Test
    void anOpWithNoSecretInputIsComputedInTheClear() {
        GraphSketch g = sketch().input("x", 4).weight("w", null, 4)
                .node("/m/Relu", "Relu", List.of("w"), "y", 4);
        assertDecided(g.lower("public").get("/m/Relu"), OpDecision.Kind.FREE,
                "op with no secret input is computed in the clear");
        // near miss: the same weight is secret-shared when the model is
        assertDecided(g.lower("secret").get("/m/Relu"), OpDecision.Kind.UNSUPPORTED, "");
    }

    @Test
    void dataInputsAreSecretWhateverTheWeights() {
        var d = sketch().input("x", 4).node("/m/Relu", "Relu", List.of("x"), "y", 4).lower("public");
        assertDecided(d.get("/m/Relu"), OpDecision.Kind.UNSUPPORTED, "");
    }

    @Test
    void aKnownScalarInitializerIsAPublicConstant() {
        TensorData two = TensorData.ofDoubles(DataType.FLOAT, Shape.SCALAR, 2.0);
        var d = sketch().weight("two", two).weight("w", null, 1)
                .node("/m/Exp", "Exp", List.of("two"), "y")
                .node("/m/Exp_1", "Exp", List.of("w"), "z", 1)
                .lower("secret");
        assertDecided(d.get("/m/Exp"), OpDecision.Kind.FREE, "op with no secret input is computed in the clear");
        // near miss: a one-element weight whose value the file does not carry is a real, secret parameter
        assertDecided(d.get("/m/Exp_1"), OpDecision.Kind.UNSUPPORTED, "");
    }

    @Test
    void secrecyFlowsForwardButShapesArePublic() {
        var d = sketch().input("x", 4)
                .node("/m/Relu", "Relu", List.of("x"), "a", 4)
                .node("/m/Relu_1", "Relu", List.of("a"), "b", 4)
                .node("/m/Shape", "Shape", List.of("b"), "s", 1)
                .node("/m/Neg", "Neg", List.of("s"), "t", 1)
                .lower("secret");
        // the second ReLU reads a secret activation, so it is not free
        assertDecided(d.get("/m/Relu_1"), OpDecision.Kind.UNSUPPORTED, "");
        // the shape of a secret tensor is public, so arithmetic on it is computed in the clear
        assertDecided(d.get("/m/Neg"), OpDecision.Kind.FREE, "op with no secret input is computed in the clear");
    }
}
