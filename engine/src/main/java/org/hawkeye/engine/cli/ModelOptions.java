package org.hawkeye.engine.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
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

    @Option(names = "--public", paramLabel = "INPUT", description = "A data input every party knows; repeatable "
            + "(default: integer attention_mask, position_ids, cache_position, token_type_ids).")
    List<String> publicInputs = new ArrayList<>();

    @Option(names = "--secret", paramLabel = "INPUT", description = "A data input that stays secret although it "
            + "would be public by default; repeatable.")
    List<String> secretInputs = new ArrayList<>();

    @Option(names = "--embedding", paramLabel = "POLICY", description = "How embedding tables are looked up by the "
            + "data holder's token ids: onehot, clear, or a policy of the framework (default: the framework's).")
    String embedding;

    /** Options to profile under {@code framework} with these weights, parameters, batch and inputs. */
    ProfileOptions under(String framework) {
        return ProfileOptions.of(framework).withParams(params).withBatch(batch)
                .withWeights(weights == null ? null : WeightsMode.parse(weights))
                .withInputs(new LinkedHashSet<>(publicInputs), new LinkedHashSet<>(secretInputs))
                .withEmbedding(embedding);
    }
}
