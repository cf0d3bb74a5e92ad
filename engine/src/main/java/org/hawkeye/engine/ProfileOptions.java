package org.hawkeye.engine;

import java.util.LinkedHashMap;
import java.util.Map;
import org.hawkeye.engine.autograd.TrainingOptions;
import org.hawkeye.engine.shapes.InputShapes;
import org.hawkeye.specs.WeightsMode;

/**
 * What to profile a model with. {@code weights} null means the framework's default; {@code batch} null keeps
 * the model's own leading dimension; {@code training} null profiles inference, else one training step;
 * {@code shapes} sets input shapes beyond the batch (whole inputs, named dynamic axes, sequence and cache).
 */
public record ProfileOptions(String framework, WeightsMode weights, Map<String, String> params, boolean strict,
                             Long batch, TrainingOptions training, InputShapes.Request shapes) {

    public ProfileOptions {
        params = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(params));
        shapes = shapes == null ? InputShapes.Request.NONE : shapes;
    }

    public ProfileOptions(String framework, WeightsMode weights, Map<String, String> params, boolean strict,
                          Long batch, TrainingOptions training) {
        this(framework, weights, params, strict, batch, training, InputShapes.Request.NONE);
    }

    /** Inference options (no training step), as before training existed. */
    public ProfileOptions(String framework, WeightsMode weights, Map<String, String> params, boolean strict,
                          Long batch) {
        this(framework, weights, params, strict, batch, null, InputShapes.Request.NONE);
    }

    public static ProfileOptions of(String framework) {
        return new ProfileOptions(framework, null, Map.of(), false, null, null, InputShapes.Request.NONE);
    }

    public ProfileOptions withWeights(WeightsMode mode) {
        return new ProfileOptions(framework, mode, params, strict, batch, training, shapes);
    }

    public ProfileOptions withParam(String name, String value) {
        Map<String, String> p = new LinkedHashMap<>(params);
        p.put(name, value);
        return new ProfileOptions(framework, weights, p, strict, batch, training, shapes);
    }

    public ProfileOptions withParams(Map<String, String> all) {
        return new ProfileOptions(framework, weights, all, strict, batch, training, shapes);
    }

    public ProfileOptions withStrict(boolean on) {
        return new ProfileOptions(framework, weights, params, on, batch, training, shapes);
    }

    public ProfileOptions withBatch(Long n) {
        return new ProfileOptions(framework, weights, params, strict, n, training, shapes);
    }

    public ProfileOptions withFramework(String name) {
        return new ProfileOptions(name, weights, params, strict, batch, training, shapes);
    }

    /** Profiles one training step (forward, loss, backward, update) instead of inference; null for inference. */
    public ProfileOptions withTraining(TrainingOptions step) {
        return new ProfileOptions(framework, weights, params, strict, batch, step, shapes);
    }

    /** Input shapes beyond the batch (see {@link InputShapes}). */
    public ProfileOptions withShapes(InputShapes.Request request) {
        return new ProfileOptions(framework, weights, params, strict, batch, training, request);
    }

    /** "training" or "inference", as reports and rules (Setting "mode") name it. */
    public String mode() {
        return training == null ? "inference" : "training";
    }
}
