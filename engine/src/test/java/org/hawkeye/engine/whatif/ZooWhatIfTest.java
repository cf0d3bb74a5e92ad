package org.hawkeye.engine.whatif;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.hawkeye.engine.ProfileOptions;
import org.hawkeye.engine.Profiler;
import org.hawkeye.engine.UnsupportedOp;
import org.hawkeye.engine.lowering.Rewrite;
import org.hawkeye.engine.onnx.OnnxImporter;
import org.hawkeye.engine.tree.TreeNode;
import org.hawkeye.specs.SpecLibrary;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every rewrite on every model of the shared zoo under CrypTen: the rewrite applies wherever its op occurs, the
 * targets are gone afterwards, nothing new is left uncosted, and under CrypTen every one of these rewrites saves
 * communication (a product of secrets replaces comparisons, exponentials or reciprocals).
 */
class ZooWhatIfTest {
    private static final List<Rewrite> ALL = List.of(Rewrite.everywhere("relu", "quad"),
            Rewrite.everywhere("gelu", "quad"), Rewrite.everywhere("softmax", "2quad"),
            Rewrite.everywhere("maxpool", "avgpool"));
    private static Profiler profiler;

    @BeforeAll
    static void load() {
        profiler = new Profiler(SpecLibrary.load(List.of()));
    }

    static Stream<Path> models() throws IOException {
        String shared = System.getProperty("hawkeye.shared.dir");
        Path dir = shared == null ? null : Path.of(shared, "models");
        Assumptions.assumeTrue(dir != null && Files.isDirectory(dir), "shared model folder not available");
        List<Path> files = new ArrayList<>();
        try (Stream<Path> s = Files.list(dir)) {
            s.filter(p -> p.toString().endsWith(".onnx")).sorted().forEach(files::add);
        }
        return files.stream();
    }

    private static WhatIf.Result run(Path model, List<Rewrite> rewrites) {
        return WhatIf.run(profiler, OnnxImporter.read(model), model.getFileName().toString(),
                ProfileOptions.of("crypten"), rewrites);
    }

    private static Map<String, Integer> opTypes(TreeNode node, Map<String, Integer> counts) {
        for (TreeNode op : node.ops()) {
            counts.merge(op.detail(), 1, Integer::sum);
        }
        return counts;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("models")
    void everyRewriteAppliesAndSavesUnderCrypten(Path model) {
        WhatIf.Result r = run(model, ALL);
        Map<String, Integer> before = opTypes(r.before().tree(), new TreeMap<>());
        Map<String, Integer> after = opTypes(r.after().tree(), new TreeMap<>());
        assertThat(r.log().matches("relu=quad")).isEqualTo(before.getOrDefault("Relu", 0));
        assertThat(r.log().matches("softmax=2quad")).isEqualTo(before.getOrDefault("Softmax", 0));
        assertThat(r.log().matches("maxpool=avgpool")).isEqualTo(before.getOrDefault("MaxPool", 0)
                + before.getOrDefault("GlobalMaxPool", 0));
        assertThat(r.log().matches("gelu=quad")).isGreaterThanOrEqualTo(before.getOrDefault("Erf", 0));
        assertThat(after).doesNotContainKeys("Relu", "Softmax", "MaxPool", "GlobalMaxPool", "Erf", "Gelu");
        assertThat(r.after().unsupported()).extracting(UnsupportedOp::op)
                .isSubsetOf(r.before().unsupported().stream().map(UnsupportedOp::op).toList());
        BigInteger bitsBefore = r.before().total().onlineBits();
        BigInteger bitsAfter = r.after().total().onlineBits();
        if (r.log().entries().isEmpty()) {
            assertThat(bitsAfter).isEqualTo(bitsBefore);
        } else {
            assertThat(bitsAfter).isLessThan(bitsBefore);
            assertThat(r.after().total().onlineRounds()).isLessThan(r.before().total().onlineRounds());
        }
    }

    @Test
    void bertGeluToQuadSavesTheErfOfEachLayer() throws IOException {
        Path bert = models().filter(p -> p.getFileName().toString().equals("bert_base.onnx")).findFirst()
                .orElseThrow();
        WhatIf.Result r = run(bert, List.of(Rewrite.everywhere("gelu", "quad")));
        // each of the 12 layers' GELU acts on 128 x 3072 = 393216 elements. Before: erf(n) opens 47 elements per
        // element in 34 rounds, x * (erf + 1) is a Beaver mul(n, n); the divisions and additions are local.
        // After: x * x is the same mul(n, n), the rest local. So the saving is the erf alone, 2 x 64 bits each.
        long n = 128L * 3072;
        assertThat(r.before().total().onlineBits().subtract(r.after().total().onlineBits()))
                .isEqualTo(BigInteger.valueOf(12L * 47 * n * 2 * 64));
        assertThat(r.before().total().onlineRounds().subtract(r.after().total().onlineRounds()))
                .isEqualTo(BigInteger.valueOf(12L * 34));
        // the exporter's five ops of each GELU (x / sqrt 2, erf, + 1, x * ., * 0.5) are one Gelu op before lowering
        assertThat(r.log().entries()).singleElement().satisfies(e -> {
            assertThat(e.rule()).isEqualTo("Gelu op to MPCFormer's quad");
            assertThat(e.matches()).isEqualTo(12);
            assertThat(e.removed()).isEqualTo(12);
        });
    }

    @Test
    void gpt2GeluIsMatchedInItsTanhForm() throws IOException {
        Path gpt2 = models().filter(p -> p.getFileName().toString().equals("gpt2_small.onnx")).findFirst()
                .orElseThrow();
        WhatIf.Result r = run(gpt2, List.of(Rewrite.everywhere("gelu", "quad")));
        assertThat(r.log().entries()).singleElement().satisfies(e -> {
            // gelu_new's 8 ops per layer are fused into a Gelu op (approximate = tanh), which the quad replaces
            assertThat(e.rule()).isEqualTo("Gelu op to MPCFormer's quad");
            assertThat(e.matches()).isEqualTo(12);
            assertThat(e.removed()).isEqualTo(12);
            assertThat(e.created()).isEqualTo(12 * 5);
        });
        assertThat(opTypes(r.after().tree(), new TreeMap<>())).doesNotContainKeys("Tanh", "Pow");
    }
}
