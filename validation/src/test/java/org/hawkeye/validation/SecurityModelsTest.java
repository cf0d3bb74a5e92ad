package org.hawkeye.validation;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hawkeye.engine.Profiler;
import org.hawkeye.engine.cost.Cost;
import org.hawkeye.engine.cost.ProtocolCoster;
import org.hawkeye.specs.FrameworkFolder;
import org.hawkeye.specs.ParameterValues;
import org.hawkeye.specs.SpecLibrary;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The four security models of HawkEye's Figure 8 (aby, aby3, falcon, spdz2k): each primitive against HawkEye's cost
 * table (Compiler/cost_config.py at d737722) worked out by hand at l = 64, kappa = 128, f = 16, 2 parties for
 * SPDZ2k with s = l; and the layer programs they share (relu, max trees) by counting MP-SPDZ's instructions.
 */
class SecurityModelsTest {
    private static SpecLibrary specs;

    @BeforeAll
    static void load() {
        specs = SpecLibrary.load(List.of());
    }

    private static Cost cost(String framework, String protocol, Map<String, Long> args) {
        FrameworkFolder f = specs.framework(framework);
        Map<String, BigInteger> a = new LinkedHashMap<>();
        args.forEach((k, v) -> a.put(k, BigInteger.valueOf(v)));
        return new ProtocolCoster(f, ParameterValues.resolve(f, Map.of()).asRationals())
                .expandCall(protocol, a, "test").total();
    }

    private static Cost cost(long onBits, long onRounds, long offBits, long offRounds) {
        return new Cost(BigInteger.valueOf(onBits), BigInteger.valueOf(onRounds), BigInteger.valueOf(offBits),
                BigInteger.valueOf(offRounds));
    }

    @Test
    void aby3PrimitivesAreHawkEyesTable() {
        // muls 3l*s, 1 round; matmuls p*r*3l; TruncPr l; LTZ 9l in log2(64) + 2 = 8 rounds; all online
        assertThat(cost("aby3", "mul", Map.of("n", 1000L))).isEqualTo(Cost.online(3 * 64 * 1000, 1));
        assertThat(cost("aby3", "matmul", Map.of("batch", 2L, "p", 10L, "q", 300L, "r", 5L)))
                .isEqualTo(Cost.online(3 * 64 * 2 * 10 * 5, 1));
        assertThat(cost("aby3", "truncate", Map.of("n", 1000L))).isEqualTo(Cost.online(64 * 1000, 1));
        assertThat(cost("aby3", "ltz", Map.of("n", 1000L))).isEqualTo(Cost.online(9 * 64 * 1000, 8));
        // relu = LTZ then one if_else product: (9 + 3) * 64 bits per element, 8 + 1 rounds
        assertThat(cost("aby3", "relu", Map.of("n", 1000L))).isEqualTo(Cost.online(12 * 64 * 1000, 9));
    }

    @Test
    void abyPrimitivesAreHawkEyesTable() {
        // muls: online 4l*s, 1 | offline s*l*(2*kappa + l + 1) = 64 * 321 per product, 2 rounds
        assertThat(cost("aby", "mul", Map.of("n", 1000L))).isEqualTo(cost(4 * 64 * 1000, 1, 1000L * 64 * 321, 2));
        // a convolution is one OT-triple product per multiply-accumulate
        assertThat(cost("aby", "conv", Map.of("z", 10L, "macs", 270L)))
                .isEqualTo(cost(4 * 64 * 270, 1, 270L * 64 * 321, 2));
        // TruncPr is SecureML's local truncation
        assertThat(cost("aby", "truncate", Map.of("n", 1000L))).isEqualTo(Cost.ZERO);
        // LTZ: 7 * 128 * 64 + (64^2 + 64) / 2 = 57344 + 2080 bits, 4 rounds | 5 * 128 * 64 bits, 2 rounds
        assertThat(cost("aby", "ltz", Map.of("n", 1L))).isEqualTo(cost(57344 + 2080, 4, 5 * 128 * 64, 2));
    }

    @Test
    void falconPrimitivesAreHawkEyesTable() {
        assertThat(cost("falcon", "mul", Map.of("n", 1000L))).isEqualTo(Cost.online(6 * 64 * 1000, 1));
        assertThat(cost("falcon", "conv", Map.of("z", 10L, "macs", 270L))).isEqualTo(Cost.online(6 * 64 * 10, 1));
        // LTZ 24l, log2(l) + 5 | 3l(l + 8 + log2 l) = 192 * 78, 2 log2(l) + 4
        assertThat(cost("falcon", "ltz", Map.of("n", 1L))).isEqualTo(cost(24 * 64, 11, 192 * 78, 16));
        // TruncPr l, 1 | 8l + l + l log2 l + (l - f) + (l - f) ceil(log2(l - f)) = 512 + 64 + 384 + 48 + 48 * 6
        assertThat(cost("falcon", "truncate", Map.of("n", 1L))).isEqualTo(cost(64, 1, 512 + 64 + 384 + 48 + 288, 16));
    }

    @Test
    void spdz2kPrimitivesAreHawkEyesTable() {
        // n = 2 parties, s = l = 64: muls 2(l + s)n(n-1) = 512 bits, 1 | n(n-1)(18s^2 + 4l^2 + 17ls) = 2 * 39 * 4096, 8
        assertThat(cost("spdz2k", "mul", Map.of("n", 1L))).isEqualTo(cost(512, 1, 2 * 39 * 4096, 8));
        // matmuls are p*q*r such products
        assertThat(cost("spdz2k", "matmul", Map.of("batch", 1L, "p", 2L, "q", 3L, "r", 4L)))
                .isEqualTo(cost(512 * 24, 1, 24L * 2 * 39 * 4096, 8));
        // TruncPr (l + s)n(n-1) = 256, 1 | l((s + l)(3n + 1)(n - 1) + 2(sl + s^2)n(n-1) + n(n-1)(...)), 11
        long offline = 64L * (128 * 7 + 2 * (4096 + 4096) * 2 + 2 * 39 * 4096);
        assertThat(cost("spdz2k", "truncate", Map.of("n", 1L))).isEqualTo(cost(256, 1, offline, 11));
        // LTZ (no table entry): one opening plus 2(l - 1) bit products: 256 * (1 + 4 * 63) bits, 1 + 6 rounds
        assertThat(cost("spdz2k", "ltz", Map.of("n", 1L)))
                .isEqualTo(cost(256 * (1 + 4 * 63), 7, (3 * 64 - 2) * 2L * 39 * 4096, 8));
    }

    // ABY3 per element at l = 64: mul 3l = 192 bits in 1 round, TruncPr l = 64 in 1, LTZ 9l = 576 in 8;
    // mul_fx = mul + TruncPr = 256 in 2; reciprocal_norm = LTZ + mul_fx = 832 in 10; fpdiv with theta = 4:
    // reciprocal_norm + mul_fx + mul_fx(2n) + 3 x mul_fx(2n) + mul_fx = 832 + 256 + 512 + 1536 + 256 = 3392 in
    // 10 + 2 + 2 + 6 + 2 = 22 rounds

    @Test
    void theLossLogIsLogFxUnderAby3() {
        // sign and zero test LTZ(2n) 1152 (8 r), |x| mul 192 (1), Int2FL normalisation 832 (10), v^2 and v^3 for P
        // and Q: 2 x mul_fx(2n) = 1024 (4), their sums' TruncPr(2n) 128 (1), P / Q fpdiv 3392 (22), * ln 2: 64 (1)
        long bits = 1152 + 192 + 832 + 1024 + 128 + 3392 + 64;
        assertThat(cost("aby3", "log", Map.of("n", 10L)))
                .isEqualTo(Cost.online(bits * 10, 8 + 1 + 10 + 4 + 1 + 22 + 1));
    }

    @Test
    void squareRootsAreSqrtSimplifiedFxUnderAby3() {
        // MSB normalisation 832 (10 r), 1 / w fpdiv 3392 (22), g0 mul_fx 256 (2), h0 = y0 * 0.5 TruncPr 64 (1),
        // gh0 mul_fx 256 (2), 3 steps of mul_fx(2n) + mul_fx = 3 x 768 (3 x 4), h r and h h: 2 x mul_fx 512 (4),
        // the range check LTZ + if_else 576 + 192 (9), three products 768 (6)
        long bits = 832 + 3392 + 256 + 64 + 256 + 3 * 768 + 512 + 576 + 192 + 768;
        assertThat(cost("aby3", "sqrt", Map.of("n", 1L)))
                .isEqualTo(Cost.online(bits, 10 + 22 + 2 + 1 + 2 + 12 + 4 + 9 + 6));
    }

    @Test
    void clampsPowersAndMaxPoolGradientsUnderAby3() {
        // clamp: two comparisons in one LTZ round (2 x 576, 8 r), two if_else one after the other (2 x 192, 2 r)
        assertThat(cost("aby3", "clamp", Map.of("n", 1L))).isEqualTo(Cost.online(2 * 576 + 2 * 192, 10));
        // hardswish: the clamp, x * relu6 (mul_fx 256, 2 r), / 6 (TruncPr 64, 1 r)
        assertThat(cost("aby3", "hardswish", Map.of("n", 1L))).isEqualTo(Cost.online(1536 + 256 + 64, 13));
        assertThat(cost("aby3", "hardsigmoid", Map.of("n", 1L))).isEqualTo(Cost.online(1536 + 64, 11));
        // x^5: two squarings and one multiplication, each mul_fx
        assertThat(cost("aby3", "pow_int", Map.of("n", 10L, "products", 3L))).isEqualTo(Cost.online(3 * 256 * 10, 6));
        // max pooling's backward: one product (no truncation) per gradient and window element
        assertThat(cost("aby3", "maxpool_backward", Map.of("n", 512L))).isEqualTo(Cost.online(3 * 64 * 512, 1));
        // Falcon's products reshare 6l: the same program costs twice ABY3's products
        assertThat(cost("falcon", "maxpool_backward", Map.of("n", 512L))).isEqualTo(Cost.online(6 * 64 * 512, 1));
    }

    @Test
    void maxPoolingIsATreeOfComparisonsAndSelections() {
        // a 3x3 window: tree_reduce pairs 9 -> 5 -> 3 -> 2 -> 1, 4 + 2 + 1 + 1 = 8 maxima in 4 levels;
        // under ABY3 each is LTZ + if_else: 12 * 64 bits; each level 8 + 1 rounds
        assertThat(cost("aby3", "maxpool", Map.of("windows", 100L, "k", 9L)))
                .isEqualTo(Cost.online(8 * 12 * 64 * 100, 4 * 9));
    }

    @Test
    void resNet50UnderAby3IsCostedLayerByLayer() throws Exception {
        Profiler profiler = new Profiler(specs);
        var result = profiler.profile(java.nio.file.Path.of(getClass().getResource("/models/zoo/resnet50.onnx").toURI()),
                org.hawkeye.engine.ProfileOptions.of("aby3"));
        assertThat(result.complete()).isTrue();
        // 53 Conv and 53 BatchNorm (product + truncation: 2 rounds each), 49 ReLU (9), 1 MaxPool 3x3 (4 levels of
        // 9), the average pool (1) and the classifier (matmul + truncation: 2)
        assertThat(result.total().onlineRounds()).isEqualTo(BigInteger.valueOf(53 * 2 + 53 * 2 + 49 * 9 + 36 + 1 + 2));
    }
}
