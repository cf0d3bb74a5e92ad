package org.hawkeye.engine.lowering;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hawkeye.engine.graph.Attributes;
import org.hawkeye.engine.graph.DataType;
import org.hawkeye.engine.graph.Graph;
import org.hawkeye.engine.graph.Node;
import org.hawkeye.engine.graph.Shape;
import org.hawkeye.engine.graph.Value;
import org.hawkeye.engine.graph.ValueKind;
import org.hawkeye.specs.CommonRules;
import org.hawkeye.specs.RuleFile;
import org.hawkeye.specs.SpecLibrary;
import org.junit.jupiter.api.Test;

/**
 * The common rules for ops a training step adds: a value a forward op saves is free, and a gradient no trainable
 * weight needs is skipped unless the framework declares that it computes every operand's gradient.
 */
class TrainingRulesTest {
    private static final CommonRules COMMON = SpecLibrary.load(List.of()).common();

    /** A framework that declares, in the classify phase, that its backward computes every operand's gradient. */
    private static final RuleFile COMPUTES_ALL = new RuleFile("all/rules/All.drl", """
            package test.all;
            import org.hawkeye.engine.lowering.*;
            global LoweringSink lower;
            rule "declares every operand's gradient computed"
                agenda-group "classify"
            when
                not Setting( name == "input_gradients" )
            then
                insert(new Setting("input_gradients", "all"));
            end
            """);

    /** x [4] secret; a Greater marked saved and a Mul marked not needed, both reading it. */
    private static Map<String, OpDecision> lower(List<RuleFile> extra) {
        return lower(extra, Map.of("weights", "secret", "mode", "training"));
    }

    private static Map<String, OpDecision> lower(List<RuleFile> extra, Map<String, String> settings) {
        Map<String, Value> values = new LinkedHashMap<>();
        values.put("x", new Value("x", ValueKind.INPUT, DataType.FLOAT, Shape.of(4), null));
        List<Node> nodes = new ArrayList<>();
        nodes.add(node("/act/forward/relu_mask", "Greater", "m", Map.of("hawkeye.saved", 1L)));
        nodes.add(node("/fc/backward/input_grad", "Mul", "g", Map.of("hawkeye.needed", 0L)));
        nodes.add(node("/fc/backward/weight_grad", "Mul", "w", Map.of()));
        for (String out : List.of("m", "g", "w")) {
            values.put(out, new Value(out, ValueKind.ACTIVATION, DataType.FLOAT, Shape.of(4), null));
        }
        List<RuleFile> files = new ArrayList<>(COMMON.rules());
        files.addAll(extra);
        Graph g = new Graph("t", nodes, values, List.of("x"), List.of(), Map.of());
        return Lowering.lower(g, RuleBase.build(files, COMMON.pipeline().phaseNames()),
                COMMON.pipeline().phaseNames(), settings, Map.of());
    }

    private static Node node(String name, String type, String out, Map<String, Object> attrs) {
        return new Node(name, type, "", List.of("x", "x"), List.of(out), new Attributes(attrs));
    }

    @Test
    void aSavedValueIsFreeAndAnUnneededGradientIsSkipped() {
        Map<String, OpDecision> d = lower(List.of());
        assertThat(d.get("/act/forward/relu_mask").kind()).isEqualTo(OpDecision.Kind.FREE);
        assertThat(d.get("/act/forward/relu_mask").rule())
                .isEqualTo("a value a forward op saves for its backward pass is free");
        assertThat(d.get("/fc/backward/input_grad").kind()).isEqualTo(OpDecision.Kind.FREE);
        assertThat(d.get("/fc/backward/input_grad").rule())
                .isEqualTo("a gradient no trainable weight needs is not computed");
        // a needed gradient is left to the framework (no framework rules here: undecided)
        assertThat(d.get("/fc/backward/weight_grad").kind()).isEqualTo(OpDecision.Kind.UNSUPPORTED);
    }

    @Test
    void aFrameworkWhoseSavedValuesCostLeavesThemToItsOwnRules() {
        // framework.yaml defaults: {saved_values: costed} becomes this setting; free is the common rule's default
        Map<String, OpDecision> d = lower(List.of(),
                Map.of("weights", "secret", "mode", "training", "saved_values", "costed"));
        assertThat(d.get("/act/forward/relu_mask").kind()).isEqualTo(OpDecision.Kind.UNSUPPORTED);
        assertThat(lower(List.of(), Map.of("weights", "secret", "mode", "training", "saved_values", "free"))
                .get("/act/forward/relu_mask").kind()).isEqualTo(OpDecision.Kind.FREE);
    }

    @Test
    void aFrameworkThatComputesEveryOperandsGradientKeepsTheUnneededOne() {
        Map<String, OpDecision> d = lower(List.of(COMPUTES_ALL));
        // left to the framework's ordinary rules, as the needed one
        assertThat(d.get("/fc/backward/input_grad").kind()).isEqualTo(OpDecision.Kind.UNSUPPORTED);
        assertThat(d.get("/act/forward/relu_mask").kind()).isEqualTo(OpDecision.Kind.FREE);
    }

    @Test
    void aScatterNdAtPublicIndicesIsFreeAndAtSecretIndicesIsNot() {
        Map<String, Value> values = new LinkedHashMap<>();
        values.put("g", new Value("g", ValueKind.INPUT, DataType.FLOAT, Shape.of(2, 4), null));
        values.put("zeros", new Value("zeros", ValueKind.CONSTANT, DataType.FLOAT, Shape.of(3, 4), null));
        values.put("idx", new Value("idx", ValueKind.CONSTANT, DataType.INT64, Shape.of(2, 1), null));
        values.put("sidx", new Value("sidx", ValueKind.INPUT, DataType.INT64, Shape.of(2, 1), null));
        List<Node> nodes = List.of(
                new Node("/g/backward/input_grad", "ScatterND", "", List.of("zeros", "idx", "g"), List.of("a"),
                        Attributes.EMPTY),
                new Node("/h/ScatterND", "ScatterND", "", List.of("zeros", "sidx", "g"), List.of("b"),
                        Attributes.EMPTY));
        values.put("a", new Value("a", ValueKind.ACTIVATION, DataType.FLOAT, Shape.of(3, 4), null));
        values.put("b", new Value("b", ValueKind.ACTIVATION, DataType.FLOAT, Shape.of(3, 4), null));
        Graph g = new Graph("t", nodes, values, List.of("g", "sidx"), List.of(), Map.of());
        Map<String, OpDecision> d = Lowering.lower(g, RuleBase.build(COMMON.rules(), COMMON.pipeline().phaseNames()),
                COMMON.pipeline().phaseNames(), Map.of("weights", "secret", "mode", "training"), Map.of());
        assertThat(d.get("/g/backward/input_grad").rule()).isEqualTo("ScatterND with public indices is free");
        assertThat(d.get("/h/ScatterND").kind()).isEqualTo(OpDecision.Kind.UNSUPPORTED);
    }

    @Test
    void aConvTransposeIsAFixedPointProductAndAProductWithTheReluMaskIsNot() {
        Map<String, Value> values = new LinkedHashMap<>();
        values.put("dy", new Value("dy", ValueKind.INPUT, DataType.FLOAT, Shape.of(1, 4, 3, 3), null));
        values.put("w", new Value("w", ValueKind.WEIGHT, DataType.FLOAT, Shape.of(4, 2, 3, 3), null));
        values.put("mask", new Value("mask", ValueKind.INPUT, DataType.BOOL, Shape.of(1, 4, 3, 3), null));
        List<Node> nodes = List.of(
                new Node("/c/backward/input_grad", "ConvTranspose", "", List.of("dy", "w"), List.of("dx"),
                        Attributes.EMPTY),
                new Node("/r/backward/input_grad", "Mul", "", List.of("dy", "mask"), List.of("g"), Attributes.EMPTY));
        values.put("dx", new Value("dx", ValueKind.ACTIVATION, DataType.FLOAT, Shape.of(1, 2, 5, 5), null));
        values.put("g", new Value("g", ValueKind.ACTIVATION, DataType.FLOAT, Shape.of(1, 4, 3, 3), null));
        Graph g = new Graph("t", nodes, values, List.of("dy", "mask"), List.of(), Map.of());
        try (Lowering.Fired fired = Lowering.fireAll(g, RuleBase.build(COMMON.rules(), COMMON.pipeline().phaseNames()),
                COMMON.pipeline().phaseNames(), Map.of("weights", "secret", "mode", "training"), Map.of(), List.of())) {
            // dY (fixed-point) times the kernel (fixed-point) carries 2f fraction bits; dY times a 0/1 mask does not
            assertThat(fired.facts(FixedPointProduct.class)).extracting(FixedPointProduct::op)
                    .containsExactly("/c/backward/input_grad");
        }
    }

    /** A framework that detaches the gradient "g0" (as CrypTen's GlobalAveragePool does its input's). */
    private static final RuleFile DETACHES_G0 = new RuleFile("detach/rules/Detach.drl", """
            package test.detach;
            import org.hawkeye.engine.lowering.*;
            global LoweringSink lower;
            rule "detaches g0"
                agenda-group "classify"
            when
                not Detached( tensor == "g0" )
            then
                insert(new Detached("g0"));
            end
            """);

    @Test
    void whatIsComputedOnlyFromADetachedGradientIsNotComputedEvenThroughFreeDataMovement() {
        Map<String, Value> values = new LinkedHashMap<>();
        values.put("x", new Value("x", ValueKind.INPUT, DataType.FLOAT, Shape.of(4), null));
        List<Node> nodes = new ArrayList<>();
        // seed -> g0 (detached by the framework) -> t (a free Transpose) -> w (a product with the input x);
        // seed -> g1 (live) ; s = g1 + t (a sum with a live gradient stays computed)
        nodes.add(new Node("/loss/backward/loss_seed", "Constant", "", List.of(), List.of("seed"),
                new Attributes(Map.of("hawkeye.phase", "backward", "hawkeye.role", "loss_seed"))));
        nodes.add(backward("/a/backward/g0", "Mul", List.of("seed", "x"), "g0"));
        nodes.add(backward("/a/backward/g1", "Mul", List.of("seed", "x"), "g1"));
        nodes.add(backward("/b/backward/t", "Transpose", List.of("g0"), "t"));
        nodes.add(backward("/b/backward/w", "Mul", List.of("t", "x"), "w"));
        nodes.add(backward("/c/backward/s", "Add", List.of("g1", "t"), "s"));
        for (String out : List.of("seed", "g0", "g1", "t", "w", "s")) {
            values.put(out, new Value(out, ValueKind.ACTIVATION, DataType.FLOAT, Shape.of(4), null));
        }
        List<RuleFile> files = new ArrayList<>(COMMON.rules());
        files.add(DETACHES_G0);
        Graph g = new Graph("t", nodes, values, List.of("x"), List.of(), Map.of());
        Map<String, OpDecision> d = Lowering.lower(g, RuleBase.build(files, COMMON.pipeline().phaseNames()),
                COMMON.pipeline().phaseNames(), Map.of("weights", "secret", "mode", "training"), Map.of());
        assertThat(d.get("/b/backward/w").rule()).isEqualTo("an op whose gradient inputs are all detached is not computed");
        // the live product and the sum with a live gradient are left to the framework (none here: undecided)
        assertThat(d.get("/a/backward/g1").kind()).isEqualTo(OpDecision.Kind.UNSUPPORTED);
        assertThat(d.get("/c/backward/s").kind()).isEqualTo(OpDecision.Kind.UNSUPPORTED);
    }

    private static Node backward(String name, String type, List<String> in, String out) {
        return new Node(name, type, "", in, List.of(out), new Attributes(Map.of("hawkeye.phase", "backward")));
    }
}
