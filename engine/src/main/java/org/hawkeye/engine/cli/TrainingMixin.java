package org.hawkeye.engine.cli;

import org.hawkeye.engine.autograd.TrainingOptions;
import org.hawkeye.specs.ProfilerException;
import picocli.CommandLine.Option;

/** The options that choose between profiling inference and one training step. */
final class TrainingMixin {
    @Option(names = "--mode", paramLabel = "inference|training",
            description = "Profile inference (default) or one training step: forward, loss, backward, update.")
    String mode = "inference";

    @Option(names = "--loss", paramLabel = "cross_entropy|mse",
            description = "Training: the loss after the model output (default: cross_entropy).")
    String loss;

    @Option(names = "--optimizer", paramLabel = "sgd|momentum|adam",
            description = "Training: the optimizer updating every weight (default: sgd).")
    String optimizer;

    /** The training step asked for, or null for inference; --loss and --optimizer need --mode training. */
    TrainingOptions options() {
        if (mode.equals("inference")) {
            if (loss != null || optimizer != null) {
                throw new ProfilerException("", (loss != null ? "--loss" : "--optimizer")
                        + " needs --mode training");
            }
            return null;
        }
        if (!mode.equals("training")) {
            throw new ProfilerException("", "--mode must be inference or training, not '" + mode + "'");
        }
        TrainingOptions t = TrainingOptions.DEFAULT;
        if (loss != null) {
            t = t.withLoss(TrainingOptions.Loss.parse(loss));
        }
        if (optimizer != null) {
            t = t.withOptimizer(TrainingOptions.Optimizer.parse(optimizer));
        }
        return t;
    }
}
