package org.hawkeye.engine.shapes;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.hawkeye.engine.graph.Graph;
import org.hawkeye.engine.graph.ModelException;
import org.hawkeye.engine.graph.Shape;
import org.hawkeye.engine.graph.Value;

/**
 * The shape of every data input for one profile. Starting from what the file declares (a dynamic leading axis is
 * batch 1), sizes are set in this order, a later one winning: dynamic axes by the name the export gave them
 * ({@code --dim sequence=128}), the sequence and the cache of a language model by the inputs' roles
 * ({@link InputRoles}), whole inputs by name ({@code --input input_ids=1x512}), and last the batch (the leading
 * axis of every input). An axis still without a size is an error naming the input and how to give it.
 */
public final class InputShapes {

    /** What to change; empty maps and null sizes change nothing. */
    public record Request(Map<String, Shape> inputs, Map<String, Long> dims, Long sequence, Long cache) {
        public static final Request NONE = new Request(Map.of(), Map.of(), null, null);

        public Request {
            inputs = Collections.unmodifiableMap(new LinkedHashMap<>(inputs));
            dims = Collections.unmodifiableMap(new LinkedHashMap<>(dims));
        }

        public Request withInput(String name, Shape shape) {
            Map<String, Shape> m = new LinkedHashMap<>(inputs);
            m.put(name, shape);
            return new Request(m, dims, sequence, cache);
        }

        public Request withDim(String name, long size) {
            Map<String, Long> m = new LinkedHashMap<>(dims);
            m.put(name, size);
            return new Request(inputs, m, sequence, cache);
        }

        /** The new tokens of a language model: the last axis of its token inputs. */
        public Request withSequence(Long tokens) {
            return new Request(inputs, dims, tokens, cache);
        }

        /** The tokens already in a decoder's KV cache. */
        public Request withCache(Long tokens) {
            return new Request(inputs, dims, sequence, tokens);
        }

        public boolean isEmpty() {
            return inputs.isEmpty() && dims.isEmpty() && sequence == null && cache == null;
        }
    }

    private InputShapes() {
    }

    /**
     * The shapes of all data inputs, or an empty map when nothing is requested (the file's own shapes).
     *
     * @throws ModelException naming the input or option, for a name the model lacks, a wrong rank or an axis
     *                        left without a size
     */
    public static Map<String, Shape> resolve(Graph graph, String fileName, Request request, Long batch) {
        if (request.isEmpty() && batch == null && allDeclared(graph)) {
            return Map.of();
        }
        if (batch != null && batch < 1) {
            throw new ModelException("", "--batch must be at least 1, not " + batch);
        }
        checkNames(graph, fileName, request);
        Map<String, Long[]> sizes = new LinkedHashMap<>();
        for (String name : graph.inputs()) {
            sizes.put(name, declared(graph.value(name)));
        }
        request.dims().forEach((dim, size) -> {
            for (String name : graph.inputs()) {
                List<String> names = graph.value(name).declaredDimNames();
                for (int a = 0; names != null && a < names.size(); a++) {
                    if (dim.equals(names.get(a))) {
                        sizes.get(name)[a] = size;
                    }
                }
            }
        });
        applyRoles(graph, fileName, request, sizes);
        request.inputs().forEach((name, shape) -> {
            Long[] s = sizes.get(name);
            if (s.length != shape.rank()) {
                throw new ModelException(fileName, "--input " + name + "=" + shape + ": the input has rank "
                        + s.length + " (" + describe(graph.value(name)) + "), not " + shape.rank());
            }
            for (int a = 0; a < s.length; a++) {
                s[a] = shape.dims().get(a);
            }
        });
        Map<String, Shape> out = new LinkedHashMap<>();
        for (Map.Entry<String, Long[]> e : sizes.entrySet()) {
            Long[] s = e.getValue();
            if (batch != null && s.length > 0) {
                s[0] = batch;
            }
            try {
                out.put(e.getKey(), complete(graph.value(e.getKey()), s, fileName));
            } catch (IllegalArgumentException tooBig) {
                // Shape refuses more than 2^53 elements: the sizes asked for, not the model, are at fault
                throw new ModelException(fileName, (batch != null ? "--batch " + batch + ": " : "") + "input '"
                        + e.getKey() + "' would have too many elements (" + tooBig.getMessage() + ")");
            }
        }
        return out;
    }

    private static boolean allDeclared(Graph graph) {
        for (String name : graph.inputs()) {
            if (graph.value(name).declaredShape() == null) {
                return false;
            }
        }
        return true;
    }

    /** The declared sizes; a dynamic axis is null, except a dynamic leading axis, which is batch 1. */
    private static Long[] declared(Value v) {
        Shape shape = v.declaredShape();
        List<String> names = v.declaredDimNames();
        int rank = InputRoles.rank(v);
        Long[] s = new Long[Math.max(rank, 0)];
        for (int a = 0; a < s.length; a++) {
            if (shape != null) {
                s[a] = shape.dims().get(a);
            } else if (names.get(a) == null) {
                s[a] = v.declaredDimSizes().get(a);
            } else {
                s[a] = a == 0 ? 1L : null;
            }
        }
        return s;
    }

    private static void checkNames(Graph graph, String fileName, Request request) {
        for (String name : request.inputs().keySet()) {
            if (!graph.inputs().contains(name)) {
                throw new ModelException(fileName, "--input " + name + ": the model has no data input named '"
                        + name + "' (its inputs: " + String.join(", ", graph.inputs()) + ")");
            }
        }
        Set<String> known = new LinkedHashSet<>();
        for (String name : graph.inputs()) {
            List<String> names = graph.value(name).declaredDimNames();
            if (names != null) {
                names.stream().filter(n -> n != null && !n.equals("?")).forEach(known::add);
            }
        }
        for (String dim : request.dims().keySet()) {
            if (!known.contains(dim)) {
                throw new ModelException(fileName, "--dim " + dim + ": no input has a dynamic axis named '" + dim
                        + "' (" + (known.isEmpty() ? "the file names none" : "the file names: "
                        + String.join(", ", known)) + ")");
            }
        }
    }

    /** Sets the token axes to the sequence, the cache axes to the cache, and the mask to both. */
    private static void applyRoles(Graph graph, String fileName, Request request, Map<String, Long[]> sizes) {
        List<Value> cache = InputRoles.inputs(graph, InputRoles.Role.CACHE);
        if (request.sequence() != null && InputRoles.inputs(graph, InputRoles.Role.TOKENS).isEmpty()) {
            throw new ModelException(fileName, "a sequence length needs token inputs (integer inputs such as "
                    + "input_ids), and the model has none (its inputs: " + String.join(", ", graph.inputs()) + ")");
        }
        if (request.cache() != null && cache.isEmpty()) {
            throw new ModelException(fileName, "a cache length needs KV-cache inputs (past_key_values.N.key and "
                    + ".value), and the model has none (its inputs: " + String.join(", ", graph.inputs()) + ")");
        }
        Long past = request.cache();
        for (Value c : cache) {
            int axis = InputRoles.cacheAxis(graph, c);
            if (past != null) {
                sizes.get(c.name())[axis] = past;
            } else if (past == null && sizes.get(c.name())[axis] != null) {
                past = sizes.get(c.name())[axis];
            }
        }
        Long seq = request.sequence();
        Long newTokens = seq;
        for (Value t : InputRoles.inputs(graph, InputRoles.Role.TOKENS)) {
            Long[] s = sizes.get(t.name());
            if (newTokens == null && s.length > 0 && s[s.length - 1] != null) {
                newTokens = s[s.length - 1];
            }
        }
        for (String name : graph.inputs()) {
            Value v = graph.value(name);
            Long[] s = sizes.get(name);
            InputRoles.Role role = InputRoles.of(v);
            if (seq != null && role == InputRoles.Role.TOKENS) {
                s[s.length - 1] = seq;
            } else if (role == InputRoles.Role.MASK && (seq != null || request.cache() != null)) {
                Long tokens = seq != null ? seq : s.length >= 3 && s[s.length - 2] != null ? s[s.length - 2]
                        : newTokens;
                if (tokens != null && (past != null || cache.isEmpty())) {
                    s[s.length - 1] = tokens + (past == null ? 0 : past);
                }
                if (seq != null && s.length >= 3) {
                    s[s.length - 2] = seq;
                }
            }
        }
    }

    private static Shape complete(Value v, Long[] s, String fileName) {
        List<Long> dims = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        for (int a = 0; a < s.length; a++) {
            if (s[a] == null) {
                List<String> names = v.declaredDimNames();
                missing.add(names == null || names.get(a) == null ? "axis " + a : names.get(a));
            } else if (s[a] < 0) {
                throw new ModelException(fileName, "input '" + v.name() + "': size " + s[a] + " is negative");
            }
            dims.add(s[a]);
        }
        if (s.length == 0 && InputRoles.rank(v) < 0) {
            throw new ModelException(fileName, "input '" + v.name() + "' has no declared shape: give it with --input "
                    + v.name() + "=DIMS (e.g. 1x128)");
        }
        if (!missing.isEmpty()) {
            String named = missing.stream().filter(m -> !m.startsWith("axis ") && !m.equals("?")).findFirst()
                    .map(m -> "--dim " + m + "=N (every input with that axis) or ").orElse("");
            throw new ModelException(fileName, "input '" + v.name() + "' (" + describe(v) + ") has dynamic "
                    + (missing.size() == 1 ? "axis " : "axes ") + String.join(", ", missing) + " with no size: give "
                    + (missing.size() == 1 ? "it" : "them") + " with " + named + "--input " + v.name() + "=DIMS");
        }
        return new Shape(dims);
    }

    /** How the file declares an input, e.g. {@code batch x 4 x past_sequence x 16}. */
    static String describe(Value v) {
        List<String> names = v.declaredDimNames();
        Shape shape = v.declaredShape();
        if (names == null) {
            return shape == null ? "no declared shape" : shape.toString();
        }
        List<String> parts = new ArrayList<>();
        for (int a = 0; a < names.size(); a++) {
            parts.add(names.get(a) != null ? names.get(a) : String.valueOf(v.declaredDimSizes().get(a)));
        }
        return String.join("x", parts);
    }
}
