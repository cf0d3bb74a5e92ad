package org.hawkeye.engine;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import org.hawkeye.engine.autograd.TrainingOptions;
import org.hawkeye.specs.WeightsMode;

/**
 * What to profile a model with. {@code weights} null means the framework's default; {@code batch} null keeps
 * the model's own leading dimension; {@code training} null profiles inference, else one training step.
 * {@code publicInputs} and {@code secretInputs} override which data inputs every party knows (by default the
 * integer mask and position inputs); {@code embedding} null means the framework's embedding policy.
 */
public record ProfileOptions(String framework, WeightsMode weights, Map<String, String> params, boolean strict,
                             Long batch, TrainingOptions training, Set<String> publicInputs,
                             Set<String> secretInputs, String embedding) {

    public ProfileOptions {
        params = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(params));
        publicInputs = java.util.Collections.unmodifiableSet(new LinkedHashSet<>(publicInputs));
        secretInputs = java.util.Collections.unmodifiableSet(new LinkedHashSet<>(secretInputs));
    }

    /** Options with the framework's input ownership and embedding policy. */
    public ProfileOptions(String framework, WeightsMode weights, Map<String, String> params, boolean strict,
                          Long batch, TrainingOptions training) {
        this(framework, weights, params, strict, batch, training, Set.of(), Set.of(), null);
    }

    /** Inference options (no training step), as before training existed. */
    public ProfileOptions(String framework, WeightsMode weights, Map<String, String> params, boolean strict,
                          Long batch) {
        this(framework, weights, params, strict, batch, null);
    }

    public static ProfileOptions of(String framework) {
        return new ProfileOptions(framework, null, Map.of(), false, null, null);
    }

    public ProfileOptions withWeights(WeightsMode mode) {
        return new ProfileOptions(framework, mode, params, strict, batch, training, publicInputs, secretInputs,
                embedding);
    }

    public ProfileOptions withParam(String name, String value) {
        Map<String, String> p = new LinkedHashMap<>(params);
        p.put(name, value);
        return new ProfileOptions(framework, weights, p, strict, batch, training, publicInputs, secretInputs,
                embedding);
    }

    public ProfileOptions withParams(Map<String, String> all) {
        return new ProfileOptions(framework, weights, all, strict, batch, training, publicInputs, secretInputs,
                embedding);
    }

    public ProfileOptions withStrict(boolean on) {
        return new ProfileOptions(framework, weights, params, on, batch, training, publicInputs, secretInputs,
                embedding);
    }

    public ProfileOptions withBatch(Long n) {
        return new ProfileOptions(framework, weights, params, strict, n, training, publicInputs, secretInputs,
                embedding);
    }

    public ProfileOptions withFramework(String name) {
        return new ProfileOptions(name, weights, params, strict, batch, training, publicInputs, secretInputs,
                embedding);
    }

    /** Profiles one training step (forward, loss, backward, update) instead of inference; null for inference. */
    public ProfileOptions withTraining(TrainingOptions step) {
        return new ProfileOptions(framework, weights, params, strict, batch, step, publicInputs, secretInputs,
                embedding);
    }

    /** Data inputs every party knows ({@code --public}) and inputs that stay secret ({@code --secret}). */
    public ProfileOptions withInputs(Set<String> known, Set<String> shared) {
        return new ProfileOptions(framework, weights, params, strict, batch, training, known, shared, embedding);
    }

    /** How embedding tables are looked up by the data holder's token ids; null: the framework's default. */
    public ProfileOptions withEmbedding(String policy) {
        return new ProfileOptions(framework, weights, params, strict, batch, training, publicInputs, secretInputs,
                policy);
    }

    /** "training" or "inference", as reports and rules (Setting "mode") name it. */
    public String mode() {
        return training == null ? "inference" : "training";
    }
}
