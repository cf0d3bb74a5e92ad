package org.hawkeye.engine.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import org.hawkeye.engine.ProfileOptions;
import org.hawkeye.engine.graph.Shape;
import org.hawkeye.engine.shapes.InputShapes;
import org.hawkeye.specs.ProfilerException;
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

    @Option(names = "--input", paramLabel = "NAME=DIMS",
            description = "Set a data input's shape, e.g. input_ids=1x512, and re-infer every shape; repeatable.")
    Map<String, String> inputs = new LinkedHashMap<>();

    @Option(names = "--dim", paramLabel = "NAME=N",
            description = "Set every input axis the export named NAME (a dynamic axis, e.g. sequence=128); repeatable.")
    Map<String, String> dims = new LinkedHashMap<>();

    /** Options to profile under {@code framework} with these weights, parameters, batch and input shapes. */
    ProfileOptions under(String framework) {
        return ProfileOptions.of(framework).withParams(params).withBatch(batch)
                .withWeights(weights == null ? null : WeightsMode.parse(weights)).withShapes(shapes())
                .withInputs(new LinkedHashSet<>(publicInputs), new LinkedHashSet<>(secretInputs))
                .withEmbedding(embedding);
    }

    /** The --input and --dim requests. */
    InputShapes.Request shapes() {
        return shapes(inputs, dims);
    }

    /** The requests of {@code --input NAME=DIMS} and {@code --dim AXIS=N} options, by name. */
    static InputShapes.Request shapes(Map<String, String> inputs, Map<String, String> dims) {
        InputShapes.Request r = InputShapes.Request.NONE;
        for (Map.Entry<String, String> e : inputs.entrySet()) {
            r = r.withInput(e.getKey(), parseDims("--input " + e.getKey(), e.getValue()));
        }
        for (Map.Entry<String, String> e : dims.entrySet()) {
            r = r.withDim(e.getKey(), parseSize("--dim " + e.getKey(), e.getValue()));
        }
        return r;
    }

    /** {@code 1x512} (or {@code 1,512}) as a shape; a scalar input is {@code scalar}. */
    static Shape parseDims(String option, String text) {
        if (text.equals("scalar")) {
            return Shape.SCALAR;
        }
        String[] parts = text.split("[x,]", -1);
        long[] dims = new long[parts.length];
        for (int i = 0; i < parts.length; i++) {
            dims[i] = parseSize(option + "=" + text, parts[i]);
        }
        return Shape.of(dims);
    }

    static long parseSize(String option, String text) {
        try {
            long v = Long.parseLong(text.strip());
            if (v < 0) {
                throw new ProfilerException("", option + ": a size is 0 or more, not " + v);
            }
            return v;
        } catch (NumberFormatException e) {
            throw new ProfilerException("", option + ": '" + text + "' is not a size (DIMS are sizes joined by x,"
                    + " e.g. 1x512)");
        }
    }
}
