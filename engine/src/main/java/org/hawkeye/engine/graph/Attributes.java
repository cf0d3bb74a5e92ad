package org.hawkeye.engine.graph;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A node's ONNX attributes, typed at import: Long, Double, String, List&lt;Long&gt;, List&lt;Double&gt;,
 * List&lt;String&gt; or TensorData. Getters take the default the ONNX operator schema gives.
 */
public final class Attributes {
    public static final Attributes EMPTY = new Attributes(Map.of());

    private final Map<String, Object> values;

    public Attributes(Map<String, Object> values) {
        this.values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }

    public boolean has(String name) {
        return values.containsKey(name);
    }

    public Map<String, Object> asMap() {
        return values;
    }

    public long getInt(String name, long dflt) {
        Object v = values.get(name);
        return v instanceof Number n ? n.longValue() : dflt;
    }

    public double getFloat(String name, double dflt) {
        Object v = values.get(name);
        return v instanceof Number n ? n.doubleValue() : dflt;
    }

    public String getString(String name, String dflt) {
        Object v = values.get(name);
        return v instanceof String s ? s : dflt;
    }

    /** An INTS attribute, or empty when absent. */
    @SuppressWarnings("unchecked")
    public Optional<List<Long>> getInts(String name) {
        Object v = values.get(name);
        return v instanceof List<?> l && (l.isEmpty() || l.get(0) instanceof Long)
                ? Optional.of((List<Long>) l) : Optional.empty();
    }

    @SuppressWarnings("unchecked")
    public Optional<List<Double>> getFloats(String name) {
        Object v = values.get(name);
        return v instanceof List<?> l && (l.isEmpty() || l.get(0) instanceof Double)
                ? Optional.of((List<Double>) l) : Optional.empty();
    }

    public Optional<TensorData> getTensor(String name) {
        Object v = values.get(name);
        return v instanceof TensorData t ? Optional.of(t) : Optional.empty();
    }

    @Override
    public String toString() {
        return values.toString();
    }
}
