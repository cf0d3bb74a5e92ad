package org.hawkeye.engine.whatif;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.nio.file.Path;
import java.util.List;
import org.hawkeye.engine.ProfileOptions;
import org.hawkeye.engine.Profiler;
import org.hawkeye.engine.TestFiles;
import org.hawkeye.engine.cost.Cost;
import org.hawkeye.engine.lowering.Rewrite;
import org.hawkeye.engine.lowering.RewriteLog;
import org.hawkeye.engine.onnx.OnnxImporter;
import org.hawkeye.specs.ProfilerException;
import org.hawkeye.specs.SpecLibrary;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What-if rewrites costed under CrypTen, by hand. CrypTen opens every element with 2 parties x 64 bits = 128 bits
 * on the network, one round per opening (specs/crypten/framework.yaml): relu(n) opens 29n elements in 9 rounds,
 * a Beaver mul(x, y) opens x + y elements in 1 round, conv(x, w, z) opens x + w, matmul(x, y, z) opens x + y.
 * Products by public coefficients and additions are local.
 */
class WhatIfTest {
    private static final long OPEN = 2 * 64;
    private static Profiler profiler;

    @BeforeAll
    static void load() {
        profiler = new Profiler(SpecLibrary.load(List.of(TestFiles.toySpecs())));
    }

    private static WhatIf.Result whatIf(String model, String framework, Rewrite... rewrites) {
        Path file = TestFiles.resource("onnx/" + model);
        return WhatIf.run(profiler, OnnxImporter.read(file), file.getFileName().toString(),
                ProfileOptions.of(framework), List.of(rewrites));
    }

    private static BigInteger big(long v) {
        return BigInteger.valueOf(v);
    }

    // MiniONN (1x3x32x32): ReLUs over 64x32x32 = 65536 (twice), 64x16x16 = 16384 (twice), 64x8x8 = 4096
    // (twice) and 16x8x8 = 1024 elements
    private static final long RELU_ELEMENTS = 2 * 65536 + 2 * 16384 + 2 * 4096 + 1024;
    // Its linear layers open x + w elements each (bias additions are local):
    // conv1 3072 + 1728, conv2 65536 + 36864, conv3 and conv4 16384 + 36864, conv5 4096 + 36864,
    // conv6 (1x1) 4096 + 4096, conv7 (1x1, 16 channels) 4096 + 1024; fc 1024 + 10240
    private static final long LINEAR_OPENED = (3072 + 1728) + (65536 + 36864) + 2 * (16384 + 36864)
            + (4096 + 36864) + (4096 + 4096) + (4096 + 1024) + (1024 + 10240);

    @Test
    void miniOnnReluToQuadSavesTheComparisons() {
        WhatIf.Result r = whatIf("minionn.onnx", "crypten", Rewrite.everywhere("relu", "quad"));
        // before: 8 linear layers of 1 round each, 7 ReLUs of 29 openings per element and 9 rounds each
        assertThat(r.before().total()).isEqualTo(new Cost(big(OPEN * (LINEAR_OPENED + 29 * RELU_ELEMENTS)),
                big(8 + 7 * 9), BigInteger.ZERO, BigInteger.ZERO));
        assertThat(r.before().total().onlineBits()).isEqualTo(big(678_125_568L));
        // after: each ReLU is 0.125 x^2 + 0.25 x + 0.5, whose only secret product x * x is a Beaver mul(n, n):
        // 2n openings in 1 round
        assertThat(r.after().total()).isEqualTo(new Cost(big(OPEN * (LINEAR_OPENED + 2 * RELU_ELEMENTS)),
                big(8 + 7), BigInteger.ZERO, BigInteger.ZERO));
        assertThat(r.after().total().onlineBits()).isEqualTo(big(80_044_032L));
        // per top-level module: the ReLUs are all under /features; /fc (matmul, 1024 + 10240) is unchanged
        assertThat(r.rows(1)).extracting(WhatIf.Row::path).containsExactly("/features", "/flatten", "/fc", "total");
        WhatIf.Row fc = r.rows(1).get(2);
        assertThat(fc.before()).isEqualTo(fc.after());
        assertThat(fc.after().onlineBits()).isEqualTo(big(OPEN * (1024 + 10240)));
        // the rule replaced each of the 7 ReLUs by 5 ops
        assertThat(r.log().entries()).containsExactly(
                new RewriteLog.Entry("Relu to a quadratic polynomial", "relu=quad", 7, 7, 7 * 5));
        assertThat(r.warnings()).isEmpty();
    }

    @Test
    void miniOnnReluToQuadUnderDelphiReplacesGarbledReluLabelsByBeaverOpenings() {
        WhatIf.Result r = whatIf("minionn.onnx", "delphi", Rewrite.everywhere("relu", "quad"));
        // specs/delphi/framework.yaml, per ReLU layer of n activations (1 image, 42-bit wires): online the server
        // sends its labels, 8 * (16 + n * (8 + 28 * 42)) bits; after the rewrite x * x is Delphi's quadratic
        // activation, whose online Beaver opening is 2 * 8 * (16 * ceil(n / 8192) + 18 * n) bits; 1 round each.
        // Layers: n = 65536 (twice, 8 chunks of 8192), 16384 (twice, 2 chunks), 4096 (twice) and 1024 (1 chunk)
        long labels = 8 * (16 * 7 + (8 + 28 * 42) * RELU_ELEMENTS);
        long openings = 2 * 8 * (16 * (8 + 8 + 2 + 2 + 1 + 1 + 1) + 18 * RELU_ELEMENTS);
        assertThat(r.before().total().onlineBits().subtract(r.after().total().onlineBits()))
                .isEqualTo(big(labels - openings));
        assertThat(labels - openings).isEqualTo(1_589_341_312L);
        assertThat(r.after().total().onlineRounds()).isEqualTo(r.before().total().onlineRounds());
        // offline, the Beaver triples from HE cost far less than garbling a ReLU6 circuit per activation
        assertThat(r.after().total().offlineBits()).isLessThan(r.before().total().offlineBits());
        assertThat(r.after().complete()).isTrue();
    }

    @Test
    void aPrefixLimitsTheRewriteToOneModule() {
        WhatIf.Result r = whatIf("minionn.onnx", "crypten", new Rewrite("relu", "quad", 0, "/features/features.15"));
        // only the last ReLU (16x8x8 = 1024 elements): 29 - 2 = 27 fewer openings per element, 9 - 1 rounds
        assertThat(r.before().total().onlineBits().subtract(r.after().total().onlineBits()))
                .isEqualTo(big(OPEN * 27 * 1024));
        assertThat(r.before().total().onlineRounds().subtract(r.after().total().onlineRounds())).isEqualTo(big(8));
        assertThat(r.log().matches("relu=quad@/features/features.15")).isEqualTo(1);
    }

    @Test
    void twoQuadSoftmaxOnTheMeasuredSoftmaxCase() {
        // softmax over one row of 10: measured 16592 bytes = 1037 openings in 94 rounds
        WhatIf.Result r = whatIf("op_softmax.onnx", "crypten", Rewrite.everywhere("softmax", "2quad"));
        assertThat(r.before().total().onlineBits()).isEqualTo(big(OPEN * 1037));
        // after: (x + 5) * (x + 5) is mul(10, 10) (20 openings, 1 round); the row sum is local; the division of
        // 10 elements by 1 secret sum is reciprocal(1) (69 openings, 38 rounds) then mul(10, 1) (11, 1 round)
        assertThat(r.after().total()).isEqualTo(new Cost(big(OPEN * (20 + 69 + 11)), big(1 + 38 + 1),
                BigInteger.ZERO, BigInteger.ZERO));
    }

    @Test
    void averageInsteadOfMaxPoolingIsLocalUnderCrypten() {
        // measured max_pool2d(2) on 1x6x24x24: 5114880 bytes in 46 rounds
        WhatIf.Result r = whatIf("op_maxpool2d.onnx", "crypten", Rewrite.everywhere("maxpool", "avgpool"));
        assertThat(r.before().total().onlineBits()).isEqualTo(big(8 * 5_114_880L));
        // window sums and the division by the public window size are local in 2PC
        assertThat(r.after().total()).isEqualTo(Cost.ZERO);
    }

    @Test
    void aRequestThatChangesNothingIsAWarningNamingIt() {
        WhatIf.Result r = whatIf("minionn.onnx", "crypten", new Rewrite("relu", "quad", 0, "/layer9"),
                Rewrite.everywhere("gelu", "quad"));
        assertThat(r.warnings()).containsExactly(
                "--rewrite relu=quad@/layer9 changed nothing: no node's path starts with /layer9 (top-level "
                        + "modules: /features, /flatten, /fc)",
                "--rewrite gelu=quad changed nothing: no op of the model matches the pattern of 'Gelu op to "
                        + "MPCFormer's quad'");
        assertThat(r.after().total()).isEqualTo(r.before().total());
    }

    @Test
    void aRewriteTheFrameworkCannotCostIsAnError() {
        // toy lowers a product of two secrets, but has no rule for a product by a public coefficient
        assertThatThrownBy(() -> whatIf("lenet.onnx", "toy", Rewrite.everywhere("relu", "quad")))
                .isInstanceOf(ProfilerException.class)
                .hasMessage("lenet.onnx: node '/features/features.1/Relu/quad/Mul_1': the what-if rewrite of rule "
                        + "'Relu to a quadratic polynomial' cannot be applied under toy: it creates a Mul that toy "
                        + "cannot cost (no rule lowers op type Mul)");
    }
}
