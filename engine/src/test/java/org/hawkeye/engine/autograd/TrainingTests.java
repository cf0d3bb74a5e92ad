package org.hawkeye.engine.autograd;

import java.util.List;
import org.hawkeye.engine.Profiler;
import org.hawkeye.specs.SpecLibrary;

/** What the training tests share: one profiler over the built-in frameworks (specs load once per JVM), MSE steps. */
final class TrainingTests {
    static final Profiler PROFILER = new Profiler(SpecLibrary.load(List.of()));
    static final TrainingOptions MSE = TrainingOptions.DEFAULT.withLoss(TrainingOptions.Loss.MSE);

    private TrainingTests() {
    }
}
