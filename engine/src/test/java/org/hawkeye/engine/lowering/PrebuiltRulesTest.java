package org.hawkeye.engine.lowering;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.hawkeye.engine.TestFiles;
import org.hawkeye.engine.graph.Graph;
import org.hawkeye.engine.onnx.OnnxImporter;
import org.hawkeye.engine.shapes.ShapeInference;
import org.hawkeye.specs.CommonRules;
import org.hawkeye.specs.ParameterValues;
import org.hawkeye.specs.RuleFile;
import org.hawkeye.specs.SpecLibrary;
import org.junit.jupiter.api.Test;
import org.kie.api.KieBase;

/**
 * The rule bases the build compiles into the jar are those of today's spec texts, and lower a model exactly as a
 * rule base compiled from those texts at run time.
 */
class PrebuiltRulesTest {

    private static Properties index() throws Exception {
        Properties index = new Properties();
        try (InputStream in = PrebuiltRules.class.getClassLoader().getResourceAsStream(PrebuiltRules.INDEX)) {
            assertThat(in).as("the build writes " + PrebuiltRules.INDEX).isNotNull();
            index.load(in);
        }
        return index;
    }

    @Test
    void everyBuiltInFrameworkHasTheRuleBaseOfItsCurrentTexts() throws Exception {
        Properties index = index();
        SpecLibrary lib = SpecLibrary.load(List.of());
        CommonRules common = lib.common();
        assertThat(index.stringPropertyNames()).containsExactlyInAnyOrderElementsOf(lib.names());
        for (String name : lib.names()) {
            // as a profile without what-if rewrites builds it: the rewrite rules are left out
            List<RuleFile> files = new ArrayList<>(RewriteRuleFiles.select(common.rules(),
                    common.rewrites().rewrites(), List.of()));
            files.addAll(lib.framework(name).rules());
            String key = RuleBaseCache.prebuiltKey(RuleBase.textKey(files, common.pipeline().phaseNames()));
            // a stale entry (rules edited after the build) would silently never be used
            assertThat(index.getProperty(name)).as(name).isEqualTo(key);
        }
    }

    @Test
    void aShippedRuleBaseLowersLikeOneCompiledNow() throws Exception {
        SpecLibrary lib = SpecLibrary.load(List.of());
        CommonRules common = lib.common();
        List<RuleFile> files = new ArrayList<>(RewriteRuleFiles.select(common.rules(),
                common.rewrites().rewrites(), List.of()));
        files.addAll(lib.framework("delphi").rules());
        List<String> phases = common.pipeline().phaseNames();
        KieBase shipped = RuleBaseCache.loadPrebuilt(index().getProperty("delphi"));
        assertThat(shipped).isNotNull();
        KieBase compiled = RuleBase.compile(files);

        Graph graph = ShapeInference.infer(OnnxImporter.read(TestFiles.lenet()), "lenet.onnx", Map.of());
        Map<String, String> settings = Map.of("weights", "secret", "mode", "inference");
        Map<String, Double> guards = new java.util.HashMap<>();
        ParameterValues.resolve(lib.framework("delphi"), Map.of()).asDecimals()
                .forEach((k, v) -> guards.put(k, v.doubleValue()));
        Map<String, OpDecision> fresh = Lowering.lower(graph, compiled, phases, settings, guards);
        Map<String, OpDecision> read = Lowering.lower(graph, shipped, phases, settings, guards);
        assertThat(read.keySet()).containsExactlyElementsOf(fresh.keySet());
        for (String op : fresh.keySet()) {
            assertThat(read.get(op).rule()).as(op).isEqualTo(fresh.get(op).rule());
            assertThat(read.get(op).calls()).as(op).isEqualTo(fresh.get(op).calls());
        }
        // LeNet's ReLUs, convolutions and linear layers become Delphi protocol calls in both
        assertThat(read.values().stream().filter(d -> d.kind() == OpDecision.Kind.CALLS).count()).isPositive();
    }

    @Test
    void editedRulesHaveNoShippedRuleBase() {
        assertThat(RuleBaseCache.loadPrebuilt(RuleBaseCache.prebuiltKey("rules no build has seen"))).isNull();
    }
}
