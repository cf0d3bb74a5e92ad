package org.hawkeye.engine.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.hawkeye.engine.ProfileOptions;
import org.hawkeye.engine.ProfileResult;
import org.hawkeye.engine.Profiler;
import org.hawkeye.engine.TestFiles;
import org.hawkeye.engine.cost.Cost;
import org.hawkeye.specs.SpecLibrary;
import org.junit.jupiter.api.Test;

/** Reports that fit transformers: the module chart's level, the bottlenecks of repeated layers, the inputs taken. */
class TransformerReportsTest {
    private static final Profiler PROFILER = new Profiler(SpecLibrary.load(List.of()));

    private static ProfileResult profile(String file) {
        return PROFILER.profile(TestFiles.resource("transformers/" + file + ".onnx"), ProfileOptions.of("crypten"));
    }

    @Test
    void theModuleChartStartsAtTheFirstLevelWithSeveralCostlyModules() {
        // LLaMA's root has two: the decoder and the LM head
        Breakdown llama = Breakdown.firstBranching(profile("llama_tiny_dynamo").tree());
        assertThat(llama.level()).isEmpty();
        assertThat(llama.costly()).extracting(Breakdown.Row::name).containsExactly("model", "lm_head");
    }

    @Test
    void aRootWithOneCostlyModuleIsChartedOneLevelDown() {
        // /model holds everything that costs (as a wrapped Hugging Face export's top level does)
        java.util.Map<String, org.hawkeye.engine.graph.Value> values = new java.util.LinkedHashMap<>();
        org.hawkeye.engine.graph.Value x = new org.hawkeye.engine.graph.Value("x",
                org.hawkeye.engine.graph.ValueKind.INPUT, null, null, null);
        x.declare(org.hawkeye.engine.graph.DataType.FLOAT, org.hawkeye.engine.graph.Shape.of(1, 8));
        values.put("x", x);
        List<org.hawkeye.engine.graph.Node> nodes = new java.util.ArrayList<>();
        String in = "x";
        for (String name : List.of("/model/a/Relu", "/model/b/Relu", "/Flatten")) {
            String out = name + "_out";
            values.put(out, new org.hawkeye.engine.graph.Value(out, org.hawkeye.engine.graph.ValueKind.ACTIVATION,
                    null, null, null));
            nodes.add(new org.hawkeye.engine.graph.Node(name, name.endsWith("Relu") ? "Relu" : "Flatten", "",
                    List.of(in), List.of(out), org.hawkeye.engine.graph.Attributes.EMPTY));
            in = out;
        }
        org.hawkeye.engine.graph.Graph g = new org.hawkeye.engine.graph.Graph("wrapped", nodes, values, List.of("x"),
                List.of(in), java.util.Map.of());
        Breakdown b = Breakdown.firstBranching(PROFILER.profile(g, "wrapped", ProfileOptions.of("crypten")).tree());
        assertThat(b.level()).isEqualTo("/model");
        assertThat(b.costly()).extracting(Breakdown.Row::name).containsExactly("a", "b");
    }

    @Test
    void theSameOpOfRepeatedLayersIsOneBottleneckWithItsMembers() {
        ProfileResult r = profile("bert_tiny_dynamo");
        List<Bottlenecks.OpGroup> groups = Bottlenecks.grouped(r.tree());
        Bottlenecks.OpGroup gelu = groups.stream().filter(g -> g.opType().equals("Gelu")).findFirst().orElseThrow();
        assertThat(gelu.path()).isEqualTo("/encoder/layer.*/intermediate/intermediate_act_fn/node_gelu");
        assertThat(gelu.members()).extracting(Bottlenecks.OpEntry::path).containsExactly(
                "/encoder/layer.0/intermediate/intermediate_act_fn/node_gelu",
                "/encoder/layer.1/intermediate/intermediate_act_fn/node_gelu_1");
        assertThat(gelu.cost()).isEqualTo(gelu.members().get(0).cost().plus(gelu.members().get(1).cost()));
        // the two products of each attention (Q K^T, then the weights times V) stay two groups
        assertThat(groups).filteredOn(g -> g.path().startsWith("/encoder/layer.*/attention/self/")
                && g.opType().equals("MatMul") && g.members().size() == 2).hasSizeGreaterThanOrEqualTo(2);
        // every costly op is in exactly one group
        assertThat(groups.stream().mapToInt(g -> g.members().size()).sum()).isEqualTo(Bottlenecks.ops(r.tree()).size());
    }

    @Test
    void theHtmlDataCarriesTheModuleLevelTheGroupsAndThePublicInputs() {
        String data = HtmlReport.data(profile("bert_tiny_dynamo"), Network.defaults());
        assertThat(data).contains("\"moduleLevel\":\"\"")
                .contains("\"publicInputs\":[{\"input\":\"attention_mask\"")
                .contains("\"embedding\":{\"policy\":\"onehot\",\"lookups\":1}")
                .contains("/encoder/layer.*/intermediate/intermediate_act_fn/node_gelu\",\"Gelu x2\"");
    }

    @Test
    void theTextReportSaysWhatWasTakenAsPublicAndHowTokensWereEmbedded() {
        String text = TextReport.render(profile("llama_tiny_dynamo"), 1);
        assertThat(text).contains("public inputs: attention_mask (mask or position input (default; --secret "
                + "attention_mask to share it)), position_ids (")
                .contains("embedding: onehot, 1 lookup by the data holder's token ids");
    }
}
