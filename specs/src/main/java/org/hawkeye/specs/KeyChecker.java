package org.hawkeye.specs;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * A pass over the YAML tokens before binding, against the shape of the target records: an unknown or duplicate
 * key is reported at the key itself. (Jackson reports unknown keys of records only at the end of the mapping,
 * after complaining about the key the typo was meant to be.)
 */
final class KeyChecker {
    private final String file;

    private KeyChecker(String file) {
        this.file = file;
    }

    static void check(JsonParser p, Class<?> root, String file) throws IOException {
        KeyChecker checker = new KeyChecker(file);
        try {
            if (p.nextToken() != null) {
                checker.value(p, root, "");
            }
        } catch (com.fasterxml.jackson.core.exc.StreamConstraintsException e) {
            JsonLocation loc = p.currentLocation();
            throw new ProfilerException(file + ":" + loc.getLineNr() + ":" + loc.getColumnNr(), SpecReader.LIMITS);
        }
    }

    private void value(JsonParser p, Type type, String path) throws IOException {
        JsonToken t = p.currentToken();
        Class<?> raw = rawClass(type);
        if (t == JsonToken.VALUE_NULL && !(path.endsWith("]") && Number.class.isAssignableFrom(raw))) {
            // (a null in a list of numbers is data files' "no value", e.g. a measurement a paper does not give)
            // an explicit null, or a key with nothing after it: leave the key out to mean "absent"
            throw error(p, (path.isEmpty() ? "the file" : path) + " must be "
                    + SpecReader.article(SpecReader.typeName(raw)) + ", not null (or empty)");
        }
        if (t == JsonToken.START_OBJECT && raw.isRecord()) {
            record(p, raw, path);
        } else if (t == JsonToken.START_OBJECT && Map.class.isAssignableFrom(raw)) {
            Type valueType = typeArgument(type, 1);
            Set<String> seen = new HashSet<>();
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String key = p.currentName();
                duplicate(p, seen, key, path);
                p.nextToken();
                value(p, valueType, join(path, key));
            }
        } else if (t == JsonToken.START_ARRAY && List.class.isAssignableFrom(raw)) {
            Type elementType = typeArgument(type, 0);
            int i = 0;
            while (p.nextToken() != JsonToken.END_ARRAY) {
                value(p, elementType, path + "[" + i++ + "]");
            }
        } else {
            p.skipChildren();
        }
    }

    private void record(JsonParser p, Class<?> type, String path) throws IOException {
        Map<String, Type> components = new LinkedHashMap<>();
        for (RecordComponent c : type.getRecordComponents()) {
            JsonProperty prop = c.getAccessor().getAnnotation(JsonProperty.class);
            if (prop == null) {
                prop = c.getAnnotation(JsonProperty.class);
            }
            String name = prop != null && !prop.value().isEmpty() ? prop.value() : c.getName();
            components.put(name, c.getGenericType());
        }
        Set<String> seen = new HashSet<>();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String key = p.currentName();
            Type componentType = components.get(key);
            if (componentType == null) {
                throw error(p, "unknown key '" + key + "'" + (path.isEmpty() ? "" : " in " + path) + " (known: "
                        + String.join(", ", new TreeSet<>(components.keySet())) + ")");
            }
            duplicate(p, seen, key, path);
            p.nextToken();
            value(p, componentType, join(path, key));
        }
    }

    private void duplicate(JsonParser p, Set<String> seen, String key, String path) {
        if (!seen.add(key)) {
            throw error(p, "duplicate key '" + key + "'" + (path.isEmpty() ? "" : " in " + path));
        }
    }

    private ProfilerException error(JsonParser p, String reason) {
        JsonLocation loc = p.currentTokenLocation();
        return new ProfilerException(file + ":" + loc.getLineNr() + ":" + loc.getColumnNr(), reason);
    }

    private static String join(String path, String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    private static Class<?> rawClass(Type type) {
        if (type instanceof Class<?> c) {
            return c;
        }
        if (type instanceof ParameterizedType pt) {
            return (Class<?>) pt.getRawType();
        }
        return Object.class;
    }

    private static Type typeArgument(Type type, int index) {
        return type instanceof ParameterizedType pt ? pt.getActualTypeArguments()[index] : Object.class;
    }
}
