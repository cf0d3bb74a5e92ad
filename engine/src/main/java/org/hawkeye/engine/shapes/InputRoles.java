package org.hawkeye.engine.shapes;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import org.hawkeye.engine.graph.DataType;
import org.hawkeye.engine.graph.Graph;
import org.hawkeye.engine.graph.Value;

/**
 * What each data input of a language model is, read from its name, element type and rank the way exporters of
 * Hugging Face models lay them out: token inputs ({@code input_ids}, {@code position_ids}, {@code token_type_ids},
 * {@code cache_position}) whose last axis is the new tokens, an attention mask whose last axis covers the cache
 * and the new tokens, and the KV cache ({@code past_key_values.N.key}, [batch, kv_heads, past, head_dim]).
 */
public final class InputRoles {
    /** The role of one data input. */
    public enum Role { TOKENS, MASK, CACHE, OTHER }

    private static final Pattern CACHE_NAME = Pattern.compile("(?i).*(past|cache).*");

    private InputRoles() {
    }

    /** The role of data input {@code v}; its rank comes from the declared shape or the declared axis names. */
    public static Role of(Value v) {
        DataType type = v.declaredDataType();
        int rank = rank(v);
        String name = v.name().toLowerCase(Locale.ROOT);
        if (type == null || rank < 1) {
            return Role.OTHER;
        }
        if (name.contains("mask") && (type.isInteger() || type == DataType.BOOL || type.isFloatingPoint())
                && rank >= 2) {
            return Role.MASK;
        }
        if (type.isFloatingPoint() && rank >= 3 && CACHE_NAME.matcher(name).matches()) {
            return Role.CACHE;
        }
        if (type.isInteger() && !name.contains("mask")) {
            return Role.TOKENS;
        }
        return Role.OTHER;
    }

    /** The data inputs of {@code graph} with role {@code role}, in input order. */
    public static List<Value> inputs(Graph graph, Role role) {
        List<Value> out = new ArrayList<>();
        for (String name : graph.inputs()) {
            Value v = graph.value(name);
            if (of(v) == role) {
                out.add(v);
            }
        }
        return out;
    }

    /**
     * The axis of a cache input that grows with the cache: the non-leading axis whose symbolic name every cache
     * input shares when the file names them, else the second from last ([batch, heads, past, head_dim], and
     * GPT-2's stacked [2, batch, heads, past, head_dim] alike).
     */
    public static int cacheAxis(Graph graph, Value cache) {
        List<String> names = cache.declaredDimNames();
        if (names != null) {
            List<Value> all = inputs(graph, Role.CACHE);
            for (int a = 1; a < names.size(); a++) {
                String n = names.get(a);
                if (n == null || n.equals("?")) {
                    continue;
                }
                boolean shared = true;
                for (Value other : all) {
                    List<String> o = other.declaredDimNames();
                    shared &= o != null && o.contains(n);
                }
                if (shared) {
                    return a;
                }
            }
        }
        return rank(cache) - 2;
    }

    /** The rank the file declares for a data input, or -1 when it declares no shape. */
    public static int rank(Value v) {
        if (v.declaredShape() != null) {
            return v.declaredShape().rank();
        }
        return v.declaredDimNames() == null ? -1 : v.declaredDimNames().size();
    }
}
