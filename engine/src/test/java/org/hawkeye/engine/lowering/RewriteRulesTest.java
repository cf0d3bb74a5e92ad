package org.hawkeye.engine.lowering;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * The what-if rules of specs/common/rules/approximate, one test per rule: the graph before and after the rewrite
 * is compared with golden/RewriteRulesTest.xml (Calcite's planBefore/planAfter; regenerate with
 * -Dgolden.update=true and read the diff), the log names the rule, and a near miss leaves the graph unchanged.
 */
class RewriteRulesTest {
    private static final Golden GOLDEN = new Golden("RewriteRulesTest.xml");

    private static GraphSketch sketch() {
        return CommonRuleBase.sketch();
    }

    /** The graph's ops in execution order, one line each, constants shown by value, created ops with origin. */
    private static String print(GraphSketch g, Rewrite... rewrites) {
        try (Lowering.Fired f = Lowering.fireAll(g.graph(), CommonRuleBase.RULES, CommonRuleBase.PHASES,
                Map.of("weights", "secret", "mode", "inference"), Map.of(), List.of(rewrites))) {
            StringBuilder sb = new StringBuilder();
            for (Op op : f.facts.ops()) {
                List<String> ins = new ArrayList<>();
                for (String in : op.inputs()) {
                    Tensor t = f.facts.tensor(in);
                    boolean shown = t != null && t.kind().equals("constant") && t.scalar() != null;
                    ins.add(!shown ? in : t.dtype().equals("INT64") ? String.valueOf(t.scalar().longValue())
                            : String.valueOf(t.scalar()));
                }
                List<String> outs = new ArrayList<>();
                for (String out : op.outputs()) {
                    outs.add(out + " " + f.facts.tensor(out).shape());
                }
                sb.append(op.id()).append(" = ").append(op.type()).append('(').append(String.join(", ", ins))
                        .append(')');
                if (!op.attributes().asMap().isEmpty()) {
                    sb.append(' ').append(new TreeMap<>(op.attributes().asMap()));
                }
                sb.append(" -> ").append(String.join(", ", outs));
                if (!op.origin().isEmpty()) {
                    sb.append("  # ").append(op.origin());
                }
                sb.append('\n');
            }
            return sb.toString();
        }
    }

    /** Checks before/after against the golden file and that {@code rule} did the rewrite {@code matches} times. */
    private static void assertRewrite(String testCase, GraphSketch g, Rewrite request, String rule, int matches) {
        Map<String, String> texts = new LinkedHashMap<>();
        texts.put("request", request.label() + "\n");
        texts.put("graphBefore", print(g));
        texts.put("graphAfter", print(g, request));
        GOLDEN.check(testCase, texts);
        RewriteLog log = g.run(Map.of(), request).rewrites();
        assertThat(log.entries()).extracting(RewriteLog.Entry::rule).containsOnly(rule);
        assertThat(log.matches(request.label())).isEqualTo(matches);
    }

    private static void assertUnchanged(GraphSketch g, Rewrite request) {
        assertThat(print(g, request)).isEqualTo(print(g));
        assertThat(g.run(Map.of(), request).rewrites().entries()).isEmpty();
    }

    private static GraphSketch twoRelus() {
        return sketch().input("x", 1, 4)
                .node("/a/Relu", "Relu", List.of("x"), "ya", 1, 4)
                .node("/b/Relu", "Relu", List.of("ya"), "yb", 1, 4)
                .node("/b/Neg", "Neg", List.of("yb"), "z", 1, 4);
    }

    @Test
    void reluToAQuadraticPolynomial() {
        assertRewrite("reluToQuad", twoRelus(), Rewrite.everywhere("relu", "quad"),
                "Relu to a quadratic polynomial", 2);
        // near miss: under another module's prefix only /b is rewritten, and a prefix nothing has changes nothing
        assertRewrite("reluToQuadUnderAPrefix", twoRelus(), new Rewrite("relu", "quad", 0, "/b"),
                "Relu to a quadratic polynomial", 1);
        assertUnchanged(twoRelus(), new Rewrite("relu", "quad", 0, "/a/Re"));
    }

    @Test
    void reluToAPolynomialOfTheRequestedDegree() {
        GraphSketch g = sketch().input("x", 2, 3).node("/m/Relu", "Relu", List.of("x"), "y", 2, 3);
        assertRewrite("reluToPoly3", g, new Rewrite("relu", "poly", 3, ""),
                "Relu to a polynomial of the requested degree", 1);
        // near miss: another target's request
        assertUnchanged(g, Rewrite.everywhere("gelu", "quad"));
    }

    /** SiLU as exporters write it: Sigmoid(x), then Mul(x, sigmoid), then a reader of the result. */
    private static GraphSketch silu(boolean sigmoidReadTwice) {
        GraphSketch g = sketch().input("x", 1, 8)
                .node("/act/Sigmoid", "Sigmoid", List.of("x"), "s", 1, 8)
                .node("/act/Mul", "Mul", List.of("x", "s"), "y", 1, 8)
                .node("/out/Neg", "Neg", List.of("y"), "z", 1, 8);
        return sigmoidReadTwice ? g.node("/spy/Neg", "Neg", List.of("s"), "t", 1, 8) : g;
    }

    @Test
    void siluToQuad() {
        assertRewrite("siluQuad", silu(false), Rewrite.everywhere("silu", "quad"), "SiLU to a quadratic polynomial", 1);
        // near miss: the sigmoid has a reader outside the pattern (it is no SiLU's alone)
        assertUnchanged(silu(true), Rewrite.everywhere("silu", "quad"));
    }

    @Test
    void siluToRelu() {
        assertRewrite("siluRelu", silu(false), Rewrite.everywhere("silu", "relu"), "SiLU to ReLU", 1);
        // near miss: a sigmoid gating another tensor is no SiLU
        GraphSketch gate = sketch().input("x", 1, 8).input("v", 1, 8)
                .node("/act/Sigmoid", "Sigmoid", List.of("x"), "s", 1, 8)
                .node("/act/Mul", "Mul", List.of("v", "s"), "y", 1, 8);
        assertUnchanged(gate, Rewrite.everywhere("silu", "relu"));
    }

    @Test
    void geluOpToQuad() {
        GraphSketch g = sketch().input("x", 1, 8)
                .node("/act/Gelu", "Gelu", List.of("x"), "y", 1, 8);
        assertRewrite("geluOp", g, Rewrite.everywhere("gelu", "quad"), "Gelu op to MPCFormer's quad", 1);
        // near miss: outside the requested prefix
        assertUnchanged(g, new Rewrite("gelu", "quad", 0, "/mlp"));
    }

    @Test
    void softmaxToMpcFormers2Quad() {
        GraphSketch g = sketch().input("x", 2, 3, 4)
                .node("/attn/Softmax", "Softmax", Map.of("axis", 1L), List.of("x"), List.of("y"), 2, 3, 4);
        assertRewrite("softmax2Quad", g, Rewrite.everywhere("softmax", "2quad"), "Softmax to MPCFormer's 2Quad", 1);
        // near miss: another target's request
        assertUnchanged(g, Rewrite.everywhere("relu", "quad"));
    }

    @Test
    void maxPoolToAveragePool() {
        Map<String, Object> window = Map.of("kernel_shape", List.of(2L, 2L), "strides", List.of(2L, 2L),
                "storage_order", 0L);
        GraphSketch g = sketch().input("x", 1, 2, 4, 4)
                .node("/pool/MaxPool", "MaxPool", window, List.of("x"), List.of("y"), 1, 2, 2, 2);
        assertRewrite("maxPoolToAveragePool", g, Rewrite.everywhere("maxpool", "avgpool"), "MaxPool to AveragePool",
                1);
        // near miss: a MaxPool whose Indices output is used has no average counterpart
        GraphSketch withIndices = sketch().input("x", 1, 2, 4, 4)
                .node("/pool/MaxPool", "MaxPool", window, List.of("x"), List.of("y", "idx"), 1, 2, 2, 2);
        assertUnchanged(withIndices, Rewrite.everywhere("maxpool", "avgpool"));
    }

    @Test
    void globalMaxPoolToGlobalAveragePool() {
        GraphSketch g = sketch().input("x", 1, 2, 4, 4)
                .node("/head/GlobalMaxPool", "GlobalMaxPool", List.of("x"), "y", 1, 2, 1, 1);
        assertRewrite("globalMaxPoolToGlobalAveragePool", g, Rewrite.everywhere("maxpool", "avgpool"),
                "GlobalMaxPool to GlobalAveragePool", 1);
        // near miss: outside the requested prefix
        assertUnchanged(g, new Rewrite("maxpool", "avgpool", 0, "/features"));
    }
}
