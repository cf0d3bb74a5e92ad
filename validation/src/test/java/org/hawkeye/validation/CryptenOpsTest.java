package org.hawkeye.validation;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.util.List;
import java.util.stream.Stream;
import org.hawkeye.engine.ProfileOptions;
import org.hawkeye.engine.ProfileResult;
import org.hawkeye.engine.Profiler;
import org.hawkeye.engine.onnx.OnnxImporter;
import org.hawkeye.specs.SpecLibrary;
import org.hawkeye.specs.WeightsMode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * hawkeye's CrypTen spec against real CrypTen 0.4.0 runs: every measured case must match exactly, bytes and
 * rounds. The counts are deterministic (they depend only on shapes and configuration), so exact is the bar.
 */
class CryptenOpsTest {
    private static Profiler profiler;

    @BeforeAll
    static void loadSpecs() {
        profiler = new Profiler(SpecLibrary.load(List.of()));
    }

    static Stream<CryptenOpCase> cases() {
        return CryptenOpCase.all().stream();
    }

    @Test
    void everyMeasuredCaseIsHere() {
        // 38 TFP cases + 10 TTP re-runs, as listed in measured.json
        assertThat(CryptenOpCase.all()).hasSize(48);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void matchesTheMeasuredRunExactly(CryptenOpCase c) {
        ProfileOptions options = ProfileOptions.of("crypten").withStrict(true)
                .withWeights(c.publicWeights() ? WeightsMode.PUBLIC : WeightsMode.SECRET);
        if (c.ttp()) {
            options = options.withParam("provider_ttp", "1");
        }
        ProfileResult r = profiler.profile(OnnxImporter.read(c.id() + ".onnx", c.modelBytes()), c.id(), options);

        BigInteger measuredBits = BigInteger.valueOf(c.bytesTotal()).multiply(BigInteger.valueOf(8));
        System.out.printf("%-22s measured %9d B %3d rounds | hawkeye %9s B %3s rounds%n", c.id(), c.bytesTotal(),
                c.rounds(), r.total().onlineBits().divide(BigInteger.valueOf(8)), r.total().onlineRounds());
        assertThat(r.total().onlineBits()).as("online bits of %s", c.id()).isEqualTo(measuredBits);
        assertThat(r.total().onlineRounds()).as("online rounds of %s", c.id()).isEqualTo(BigInteger.valueOf(c.rounds()));
    }
}
