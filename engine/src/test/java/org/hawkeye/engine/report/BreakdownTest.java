package org.hawkeye.engine.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.util.List;
import org.hawkeye.engine.ProfileOptions;
import org.hawkeye.engine.ProfileResult;
import org.hawkeye.engine.Profiler;
import org.hawkeye.engine.TestFiles;
import org.hawkeye.engine.cost.Cost;
import org.hawkeye.specs.SpecLibrary;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The split per top-level module and op class, and the bottleneck lists, on LeNet under toy (relu(n) = ltz(n) +
 * mul(n, n) = 384n + 256n bits in 7 + 1 rounds) and on MiniONN under CrypTen, whose call chains repeat.
 */
class BreakdownTest {
    private static Profiler profiler;

    @BeforeAll
    static void load() {
        profiler = new Profiler(SpecLibrary.load(List.of(TestFiles.toySpecs())));
    }

    private static BigInteger big(long v) {
        return BigInteger.valueOf(v);
    }

    private static BigInteger maxRepeat(org.hawkeye.engine.tree.TreeNode n) {
        return n.children().stream().map(BreakdownTest::maxRepeat).reduce(n.repeat(), BigInteger::max);
    }

    @Test
    void opClassesComeFromTheTable() {
        assertThat(OpClass.of("Conv")).isEqualTo(OpClass.LINEAR);
        assertThat(OpClass.of("BatchNormalization")).isEqualTo(OpClass.LINEAR);
        assertThat(OpClass.of("AveragePool")).isEqualTo(OpClass.LINEAR);
        assertThat(OpClass.of("Relu")).isEqualTo(OpClass.NONLINEAR);
        assertThat(OpClass.of("Softmax")).isEqualTo(OpClass.NONLINEAR);
        assertThat(OpClass.of("Erf")).isEqualTo(OpClass.NONLINEAR);
        assertThat(OpClass.of("Reshape")).isEqualTo(OpClass.OTHER);
        assertThat(OpClass.of("NoSuchOp")).isEqualTo(OpClass.OTHER);
        assertThat(OpClass.NONLINEAR.label()).isEqualTo("non-linear");
    }

    @Test
    void lenetUnderToySplitsIntoModulesAndClasses() {
        ProfileResult r = profiler.profile(TestFiles.lenet(), ProfileOptions.of("toy"));
        Breakdown b = Breakdown.of(r.tree());
        assertThat(b.rows()).extracting(Breakdown.Row::name).containsExactly("features", "flatten", "classifier");
        assertThat(b.costly()).extracting(Breakdown.Row::name).containsExactly("features", "classifier");
        Breakdown.Row features = b.rows().get(0);
        // only the ReLUs cost anything under toy: 3456 and 1024 elements, 8 rounds each
        assertThat(features.of(OpClass.NONLINEAR)).isEqualTo(Cost.online(640L * (3456 + 1024), 16));
        assertThat(features.of(OpClass.LINEAR)).isEqualTo(Cost.ZERO);
        assertThat(b.total().get(OpClass.NONLINEAR)).isEqualTo(r.total());
    }

    @Test
    void topOpsAndChainsUnderToy() {
        ProfileResult r = profiler.profile(TestFiles.lenet(), ProfileOptions.of("toy"));
        List<Bottlenecks.OpEntry> ops = Bottlenecks.ops(r.tree());
        assertThat(ops).extracting(Bottlenecks.OpEntry::path).containsExactly("/features/features.1/Relu",
                "/features/features.4/Relu", "/classifier/classifier.1/Relu", "/classifier/classifier.3/Relu");
        var byBits = Bottlenecks.top(ops, Bottlenecks.OpEntry::cost, Bottlenecks.BY_BITS, 2);
        assertThat(byBits).extracting(Bottlenecks.OpEntry::path)
                .containsExactly("/features/features.1/Relu", "/features/features.4/Relu");

        List<Bottlenecks.ChainEntry> chains = Bottlenecks.chains(r.tree());
        long elements = 3456 + 1024 + 120 + 84;
        assertThat(chains).extracting(Bottlenecks.ChainEntry::chain).containsExactlyInAnyOrder("relu > ltz", "relu > mul");
        var ltz = chains.stream().filter(c -> c.chain().equals("relu > ltz")).findFirst().orElseThrow();
        assertThat(ltz.cost()).isEqualTo(Cost.online(2 * 64 * 3 * elements, 4 * 7));
        assertThat(ltz.ops()).isEqualTo(4);
        var byRounds = Bottlenecks.top(chains, Bottlenecks.ChainEntry::cost, Bottlenecks.BY_ROUNDS, 1);
        assertThat(byRounds.get(0).chain()).isEqualTo("relu > ltz");
    }

    @Test
    void underCryptenChainsAndClassesAddUpToTheModelTotalDespiteRepeats() {
        ProfileResult r = profiler.profile(TestFiles.resource("onnx/minionn.onnx"), ProfileOptions.of("crypten"));
        Cost chains = Bottlenecks.chains(r.tree()).stream().map(Bottlenecks.ChainEntry::cost)
                .reduce(Cost.ZERO, Cost::plus);
        assertThat(chains).isEqualTo(r.total());
        // MiniONN's ReLUs run spk_level x6 under crypten, so the repeat arithmetic above was exercised
        assertThat(maxRepeat(r.tree())).isGreaterThan(BigInteger.ONE);
        Breakdown b = Breakdown.of(r.tree());
        Cost classes = b.total().values().stream().reduce(Cost.ZERO, Cost::plus);
        assertThat(classes).isEqualTo(r.total());
        Cost rows = b.rows().stream().map(Breakdown.Row::total).reduce(Cost.ZERO, Cost::plus);
        assertThat(rows).isEqualTo(r.total());
        assertThat(b.total().get(OpClass.LINEAR).onlineBits()).isPositive();
        assertThat(b.total().get(OpClass.NONLINEAR).onlineBits()).isPositive();
    }
}
