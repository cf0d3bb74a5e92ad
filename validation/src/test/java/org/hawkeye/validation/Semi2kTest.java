package org.hawkeye.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.hawkeye.engine.ProfileOptions;
import org.hawkeye.engine.ProfileResult;
import org.hawkeye.engine.Profiler;
import org.hawkeye.engine.onnx.OnnxImporter;
import org.hawkeye.specs.ProfilerException;
import org.hawkeye.specs.SpecLibrary;
import org.hawkeye.specs.WeightsMode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * hawkeye's semi2k spec against single-op costs derived by hand from SPU's code (measurements/semi2k/derived.json,
 * each case with its derivation): MulAA, truncation (TruncAPr2 / TruncAPr / TruncA), MatMulAA with and without
 * SPU's 256 MiB tiling, MsbA2B, ReLU, EqualAA, for FM64 and FM32, 2 and 3 parties, SPU 0.9.3 and 0.9.4. The
 * counts depend only on shapes and configuration, so they must match exactly.
 */
class Semi2kTest {
    private static final String CASES = "/measurements/semi2k/derived.json";
    private static Profiler profiler;

    /** One derived case: the graph, the run's parameters and weights, and the expected totals of all parties. */
    record Case(String id, String model, Map<String, String> params, boolean publicWeights, long bitsTotal,
                long rounds, String derivation) {
        @Override
        public String toString() {
            return id;
        }
    }

    @BeforeAll
    static void loadSpecs() {
        profiler = new Profiler(SpecLibrary.load(List.of()));
    }

    static List<Case> cases() {
        try (InputStream in = Semi2kTest.class.getResourceAsStream(CASES)) {
            if (in == null) {
                throw new IllegalStateException(CASES + " missing from the classpath");
            }
            List<Case> out = new ArrayList<>();
            for (JsonNode c : new ObjectMapper().readTree(in)) {
                Map<String, String> params = new LinkedHashMap<>();
                c.path("params").properties().forEach(e -> params.put(e.getKey(), e.getValue().asText()));
                out.add(new Case(c.get("id").asText(), c.get("model").asText(), params,
                        "public".equals(c.path("weights").asText()), c.get("bits_total").asLong(),
                        c.get("rounds").asLong(), c.get("derivation").asText()));
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Stream<Case> allCases() {
        return cases().stream();
    }

    private static byte[] bytes(String resource) {
        try (InputStream in = Semi2kTest.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " missing from the classpath");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static ProfileResult profile(String model, ProfileOptions options) {
        return profiler.profile(OnnxImporter.read(model, bytes(model)), model, options);
    }

    @Test
    void everyDerivedCaseIsHere() {
        // 12 FM64 2PC cases (3 of them 0.9.3 / msb-error variants), 5 FM32, 6 three-party
        assertThat(cases()).hasSize(23);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("allCases")
    void matchesTheHandDerivedCostExactly(Case c) {
        ProfileOptions options = ProfileOptions.of("semi2k").withStrict(true).withParams(c.params())
                .withWeights(c.publicWeights() ? WeightsMode.PUBLIC : WeightsMode.SECRET);
        ProfileResult r = profile(c.model(), options);

        BigInteger expected = BigInteger.valueOf(c.bitsTotal());
        BigInteger bits = r.total().onlineBits();
        String deviation = expected.signum() == 0 ? (bits.signum() == 0 ? "0" : "inf")
                : String.format("%+.3f", bits.subtract(expected).doubleValue() * 100 / expected.doubleValue());
        System.out.printf("%-22s derived %12d bits %3d rounds | hawkeye %12s bits %3s rounds | %s%%%n", c.id(),
                c.bitsTotal(), c.rounds(), bits, r.total().onlineRounds(), deviation);
        assertThat(bits).as("online bits of %s (%s)", c.id(), c.derivation()).isEqualTo(expected);
        assertThat(r.total().onlineRounds()).as("online rounds of %s", c.id())
                .isEqualTo(BigInteger.valueOf(c.rounds()));
        // TFP: every triple is expanded from seeds party 0 already holds, nothing is preprocessed over the network
        assertThat(r.total().offlineBits()).as("offline bits of %s", c.id()).isZero();
    }

    @Test
    void aFieldOtherThan32_64_128IsAnErrorNamingTheParameterAndTheAllowedValues() {
        ProfileOptions fm48 = ProfileOptions.of("semi2k").withParam("field_bits", "48");
        assertThatThrownBy(() -> profile("/models/semi2k/op_trunc_n1000.onnx", fm48))
                .isInstanceOf(ProfilerException.class)
                .hasMessageContaining("field_bits")
                .hasMessageContaining("48")
                .hasMessageContaining("allowed values: 32, 64, 128");
    }

    @Test
    void spu093RejectsDepthwiseConvolutionsWhere094RunsThem() {
        // 0.9.3b0's compiler enforces feature_group_count == 1 (spu issue #955): the depthwise convs of MobileNetV3-small
        // are reported, not costed; 0.9.4 costs every op. Uses the zoo copy shipped with the validation resources.
        String model = "/models/zoo/mobilenet_v3_small.onnx";
        ProfileResult v94 = profile(model, ProfileOptions.of("semi2k"));
        ProfileResult v93 = profile(model, ProfileOptions.of("semi2k").withParam("spu_version", "93"));
        assertThat(v94.unsupported()).isEmpty();
        assertThat(v93.unsupported()).extracting(u -> u.op()).containsExactly("Conv");
    }
}
