package org.hawkeye.engine.cli;

import java.util.LinkedHashMap;
import java.util.Map;
import org.hawkeye.engine.ProfileOptions;
import org.hawkeye.specs.WeightsMode;
import picocli.CommandLine.Option;

/** The options that say how to run a model under a framework, shared by profile, compare and whatif. */
final class ModelOptions {
    @Option(names = "--weights", paramLabel = "secret|public",
            description = "Whether the model's weights are secret-shared or public (default: the framework's).")
    String weights;

    @Option(names = "-P", paramLabel = "NAME=VALUE", description = "Override a framework parameter; repeatable.")
    Map<String, String> params = new LinkedHashMap<>();

    @Option(names = "--batch", paramLabel = "N", description = "Set the leading dimension of the data inputs.")
    Long batch;

    /** Options to profile under {@code framework} with these weights, parameters and batch. */
    ProfileOptions under(String framework) {
        return ProfileOptions.of(framework).withParams(params).withBatch(batch)
                .withWeights(weights == null ? null : WeightsMode.parse(weights));
    }
}
