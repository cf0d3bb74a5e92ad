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
import org.hawkeye.engine.graph.TensorData;
import org.hawkeye.engine.graph.Value;
import org.hawkeye.engine.graph.ValueKind;
import org.hawkeye.specs.CommonRules;
import org.hawkeye.specs.SpecLibrary;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.kie.api.KieBase;

/**
 * The framework-independent rules of specs/common, each shown firing on its pattern and not firing on a near
 * miss. With only the common rules loaded, an op they do not decide stays undecided (unsupported, no rule).
 */
class CommonRulesTest {
    private static KieBase rules;
    private static List<String> phases;

    @BeforeAll
    static void build() {
        CommonRules common = SpecLibrary.load(List.of()).common();
        phases = common.pipeline().phaseNames();
        rules = RuleBase.build(common.rules(), phases);
    }

    /** A small graph written by hand: values with shapes, nodes in order. */
    static final class GraphSketch {
        final Map<String, Value> values = new LinkedHashMap<>();
        final List<Node> nodes = new ArrayList<>();
        final List<String> inputs = new ArrayList<>();

        GraphSketch input(String name, long... dims) {
            values.put(name, new Value(name, ValueKind.INPUT, DataType.FLOAT, Shape.of(dims), null));
            inputs.add(name);
            return this;
        }

        GraphSketch weight(String name, TensorData data, long... dims) {
            values.put(name, new Value(name, ValueKind.WEIGHT, DataType.FLOAT, Shape.of(dims), data));
            return this;
        }

        GraphSketch constant(String name, long... dims) {
            values.put(name, new Value(name, ValueKind.CONSTANT, DataType.INT64, Shape.of(dims),
                    TensorData.ofLongs(DataType.INT64, Shape.of(dims), new long[(int) Shape.of(dims).numel()])));
            return this;
        }

        GraphSketch node(String name, String type, List<String> in, String out, long... outDims) {
            nodes.add(new Node(name, type, "", in, List.of(out), Attributes.EMPTY));
            values.put(out, new Value(out, ValueKind.ACTIVATION, DataType.FLOAT, Shape.of(outDims), null));
            return this;
        }

        Map<String, OpDecision> lower(String weights) {
            Graph g = new Graph("sketch", nodes, values, inputs, List.of(), Map.of());
            return Lowering.lower(g, rules, phases, Map.of("weights", weights), Map.of());
        }
    }

    private static void assertDecided(OpDecision d, OpDecision.Kind kind, String rule) {
        assertThat(d.kind()).isEqualTo(kind);
        assertThat(d.rule()).isEqualTo(rule);
    }

    @Test
    void dataMovementAndShapeOpsAreFree() {
        var d = new GraphSketch().input("x", 2, 3)
                .node("/m/Reshape", "Reshape", List.of("x"), "y", 6)
                .node("/m/Relu", "Relu", List.of("y"), "z", 6)
                .lower("secret");
        assertDecided(d.get("/m/Reshape"), OpDecision.Kind.FREE, "data movement and shape ops are free");
        // near miss: a ReLU computes on its shares, so no common rule decides it
        assertDecided(d.get("/m/Relu"), OpDecision.Kind.UNSUPPORTED, "");
    }

    @Test
    void gatherWithPublicIndicesIsFree() {
        var d = new GraphSketch().input("x", 4, 8).constant("idx", 2).input("ids", 2)
                .node("/m/Gather", "Gather", List.of("x", "idx"), "y", 2, 8)
                .node("/m/Gather_1", "Gather", List.of("x", "ids"), "z", 2, 8)
                .lower("secret");
        assertDecided(d.get("/m/Gather"), OpDecision.Kind.FREE, "Gather with public indices is free");
        // near miss: indices are the data holder's secret input
        assertDecided(d.get("/m/Gather_1"), OpDecision.Kind.UNSUPPORTED, "");
    }

    @Test
    void anOpWithNoSecretInputIsComputedInTheClear() {
        GraphSketch g = new GraphSketch().input("x", 4).weight("w", null, 4)
                .node("/m/Relu", "Relu", List.of("w"), "y", 4);
        assertDecided(g.lower("public").get("/m/Relu"), OpDecision.Kind.FREE,
                "op with no secret input is computed in the clear");
        // near miss: the same weight is secret-shared when the model is
        assertDecided(g.lower("secret").get("/m/Relu"), OpDecision.Kind.UNSUPPORTED, "");
    }

    @Test
    void dataInputsAreSecretWhateverTheWeights() {
        var d = new GraphSketch().input("x", 4).node("/m/Relu", "Relu", List.of("x"), "y", 4).lower("public");
        assertDecided(d.get("/m/Relu"), OpDecision.Kind.UNSUPPORTED, "");
    }

    @Test
    void aKnownScalarInitializerIsAPublicConstant() {
        TensorData two = TensorData.ofDoubles(DataType.FLOAT, Shape.SCALAR, 2.0);
        var d = new GraphSketch().weight("two", two).weight("w", null, 1)
                .node("/m/Exp", "Exp", List.of("two"), "y")
                .node("/m/Exp_1", "Exp", List.of("w"), "z", 1)
                .lower("secret");
        assertDecided(d.get("/m/Exp"), OpDecision.Kind.FREE, "op with no secret input is computed in the clear");
        // near miss: a one-element weight whose value the file does not carry is a real, secret parameter
        assertDecided(d.get("/m/Exp_1"), OpDecision.Kind.UNSUPPORTED, "");
    }

    @Test
    void secrecyFlowsForwardButShapesArePublic() {
        var d = new GraphSketch().input("x", 4)
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
