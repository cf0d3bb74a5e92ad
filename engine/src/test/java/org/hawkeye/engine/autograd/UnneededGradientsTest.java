package org.hawkeye.engine.autograd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hawkeye.engine.autograd.CryptenTrainingTest.at;

import java.util.List;
import org.hawkeye.engine.ProfileOptions;
import org.hawkeye.engine.ProfileResult;
import org.hawkeye.engine.Profiler;
import org.hawkeye.engine.TestFiles;
import org.hawkeye.engine.cost.Cost;
import org.hawkeye.specs.SpecLibrary;
import org.junit.jupiter.api.Test;

/**
 * The gradient of the data input: a framework that only computes what a weight needs skips it (toy), one whose
 * backward functions return every operand's gradient pays for it (CrypTen).
 */
class UnneededGradientsTest {
    private static final Profiler PROFILER = new Profiler(SpecLibrary.load(List.of(TestFiles.toySpecs())));

    /** y = x * w over 10 elements, trained with MSE: dw = dY * x is needed, dx = dY * w is not. */
    private static ProfileResult train(String framework) {
        Net net = new Net().input("x", 10).weight("w", 10).node("/scale/Mul", "Mul", List.of("x", "w"));
        return PROFILER.profile(net.build(), "net", ProfileOptions.of(framework)
                .withTraining(TrainingOptions.DEFAULT.withLoss(TrainingOptions.Loss.MSE)));
    }

    @Test
    void toySkipsTheDataInputsGradientAndCostsTheWeights() {
        ProfileResult r = train("toy");
        // toy's mul(x, y) = 2 * 64 * (x + y) bits: dY (10) times x (10)
        assertThat(at(r, "/scale/backward/other_grad").total()).isEqualTo(Cost.online(2 * 64 * (10 + 10), 1));
        assertThat(at(r, "/scale/backward/input_grad").total()).isEqualTo(Cost.ZERO);
        assertThat(at(r, "/scale/backward/input_grad").note())
                .isEqualTo("free: gradient of the data or of a constant: no trainable weight needs it");
    }

    @Test
    void cryptenComputesItAnyway() {
        ProfileResult r = train("crypten");
        // a Beaver mul of dY (10) by w (10): 2 parties x 64 bits x 20 elements
        assertThat(at(r, "/scale/backward/input_grad").total()).isEqualTo(Cost.online(2 * 64 * (10 + 10), 1));
    }
}
