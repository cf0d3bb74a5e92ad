package org.hawkeye.engine;

import java.util.LinkedHashMap;
import java.util.Map;
import org.hawkeye.specs.WeightsMode;

/**
 * What to profile a model with. {@code weights} null means the framework's default; {@code batch} null keeps
 * the model's own leading dimension.
 */
public record ProfileOptions(String framework, WeightsMode weights, Map<String, String> params, boolean strict,
                             Long batch) {

    public ProfileOptions {
        params = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(params));
    }

    public static ProfileOptions of(String framework) {
        return new ProfileOptions(framework, null, Map.of(), false, null);
    }

    public ProfileOptions withWeights(WeightsMode mode) {
        return new ProfileOptions(framework, mode, params, strict, batch);
    }

    public ProfileOptions withParam(String name, String value) {
        Map<String, String> p = new LinkedHashMap<>(params);
        p.put(name, value);
        return new ProfileOptions(framework, weights, p, strict, batch);
    }

    public ProfileOptions withParams(Map<String, String> all) {
        return new ProfileOptions(framework, weights, all, strict, batch);
    }

    public ProfileOptions withStrict(boolean on) {
        return new ProfileOptions(framework, weights, params, on, batch);
    }

    public ProfileOptions withBatch(Long n) {
        return new ProfileOptions(framework, weights, params, strict, n);
    }

    public ProfileOptions withFramework(String name) {
        return new ProfileOptions(name, weights, params, strict, batch);
    }
}
