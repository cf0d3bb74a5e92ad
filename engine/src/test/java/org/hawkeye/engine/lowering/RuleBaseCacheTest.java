package org.hawkeye.engine.lowering;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.hawkeye.engine.TestFiles;
import org.hawkeye.engine.graph.Graph;
import org.hawkeye.engine.onnx.OnnxImporter;
import org.hawkeye.engine.shapes.ShapeInference;
import org.hawkeye.specs.CommonRules;
import org.hawkeye.specs.RuleFile;
import org.hawkeye.specs.SpecLibrary;
import org.junit.jupiter.api.Test;
import org.kie.api.KieBase;

/** Compiled rule packages written to disk and read back lower a model exactly as the freshly built ones. */
class RuleBaseCacheTest {

    @Test
    void packagesReadBackFromDiskLowerTheSameWay() throws Exception {
        SpecLibrary lib = SpecLibrary.load(List.of(TestFiles.toySpecs()));
        CommonRules common = lib.common();
        List<RuleFile> files = new ArrayList<>(common.rules());
        files.addAll(lib.framework("toy").rules());
        List<String> phases = common.pipeline().phaseNames();
        KieBase built = RuleBase.build(files, phases);

        String key = RuleBaseCache.key("test:" + System.nanoTime());
        RuleBaseCache.store(key, built);
        Path dir = RuleBaseCache.directory();
        assertThat(dir).isNotNull();
        assertThat(Files.isRegularFile(dir.resolve(key + ".bin"))).isTrue();
        KieBase loaded = RuleBaseCache.load(key);
        assertThat(loaded).isNotNull().isNotSameAs(built);

        Graph graph = ShapeInference.infer(OnnxImporter.read(TestFiles.lenet()), "lenet.onnx", Map.of());
        Map<String, String> settings = Map.of("weights", "secret");
        Map<String, OpDecision> fresh = Lowering.lower(graph, built, phases, settings, Map.of());
        Map<String, OpDecision> cached = Lowering.lower(graph, loaded, phases, settings, Map.of());
        assertThat(cached.keySet()).containsExactlyElementsOf(fresh.keySet());
        for (String op : fresh.keySet()) {
            assertThat(cached.get(op).kind()).as(op).isEqualTo(fresh.get(op).kind());
            assertThat(cached.get(op).rule()).as(op).isEqualTo(fresh.get(op).rule());
            assertThat(cached.get(op).calls()).as(op).isEqualTo(fresh.get(op).calls());
        }
        // LeNet's 4 ReLUs are lowered by the toy rule, in both
        assertThat(cached.values().stream().filter(d -> d.kind() == OpDecision.Kind.CALLS).count()).isEqualTo(4);
    }

    @Test
    void rulesThatDeclareTheirOwnFactTypeAreReadBackToo() throws Exception {
        // a framework may declare fact types in DRL (cryptflow2 declares Truncation); their classes exist only in
        // the compiled base's class loader, and a cache that lost them would silently recompile every run
        String drl = """
                package test.declared;
                import org.hawkeye.engine.lowering.*;
                global LoweringSink lower;
                declare Marked
                    op : String
                end
                rule "mark secret ReLUs"
                    agenda-group "fuse"
                when
                    Op( type == "Relu", secret.input(0), $id : id )
                then
                    insert(new Marked($id));
                end
                rule "lower marked ReLUs"
                    agenda-group "lower"
                when
                    $op : Op( type == "Relu", lowered == false, $id : id )
                    Marked( op == $id )
                then
                    lower.call($op, "relu", "n", 1);
                end
                """;
        SpecLibrary lib = SpecLibrary.load(List.of(TestFiles.toySpecs()));
        List<RuleFile> files = new ArrayList<>(lib.common().rules());
        files.add(new RuleFile("declared/rules/Declared.drl", drl));
        List<String> phases = lib.common().pipeline().phaseNames();
        KieBase built = RuleBase.build(files, phases);
        String key = RuleBaseCache.key("declared:" + System.nanoTime());
        RuleBaseCache.store(key, built);
        KieBase loaded = RuleBaseCache.load(key);
        assertThat(loaded).isNotNull();

        Graph graph = ShapeInference.infer(OnnxImporter.read(TestFiles.lenet()), "lenet.onnx", Map.of());
        Map<String, OpDecision> cached = Lowering.lower(graph, loaded, phases, Map.of("weights", "secret"),
                Map.of());
        // LeNet's 4 ReLUs, each marked then lowered through the declared type
        assertThat(cached.values().stream().filter(d -> d.kind() == OpDecision.Kind.CALLS).count()).isEqualTo(4);
    }

    @Test
    void aCorruptEntryIsIgnored() throws Exception {
        String key = RuleBaseCache.key("corrupt:" + System.nanoTime());
        Path dir = RuleBaseCache.directory();
        Files.createDirectories(dir);
        Files.writeString(dir.resolve(key + ".bin"), "not a rule base");
        assertThat(RuleBaseCache.load(key)).isNull();
    }
}
