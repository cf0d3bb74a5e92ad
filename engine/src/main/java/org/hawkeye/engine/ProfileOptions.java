package org.hawkeye.engine;

import java.util.LinkedHashMap;
import java.util.Map;
import org.hawkeye.engine.autograd.TrainingOptions;
import org.hawkeye.specs.WeightsMode;

/**
 * What to profile a model with. {@code weights} null means the framework's default; {@code batch} null keeps
 * the model's own leading dimension; {@code training} null profiles inference, else one training step.
 */
public record ProfileOptions(String framework, WeightsMode weights, Map<String, String> params, boolean strict,
                             Long batch, TrainingOptions training) {

    public ProfileOptions {
        params = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(params));
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
        return new ProfileOptions(framework, mode, params, strict, batch, training);
    }

    public ProfileOptions withParam(String name, String value) {
        Map<String, String> p = new LinkedHashMap<>(params);
        p.put(name, value);
        return new ProfileOptions(framework, weights, p, strict, batch, training);
    }

    public ProfileOptions withParams(Map<String, String> all) {
        return new ProfileOptions(framework, weights, all, strict, batch, training);
    }

    public ProfileOptions withStrict(boolean on) {
        return new ProfileOptions(framework, weights, params, on, batch, training);
    }

    public ProfileOptions withBatch(Long n) {
        return new ProfileOptions(framework, weights, params, strict, n, training);
    }

    public ProfileOptions withFramework(String name) {
        return new ProfileOptions(name, weights, params, strict, batch, training);
    }

    /** Profiles one training step (forward, loss, backward, update) instead of inference; null for inference. */
    public ProfileOptions withTraining(TrainingOptions step) {
        return new ProfileOptions(framework, weights, params, strict, batch, step);
    }

    /** "training" or "inference", as reports and rules (Setting "mode") name it. */
    public String mode() {
        return training == null ? "inference" : "training";
    }
}
