package org.hawkeye.engine.generate;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.IntConsumer;
import org.hawkeye.engine.ProfileOptions;
import org.hawkeye.engine.ProfileResult;
import org.hawkeye.engine.Profiler;
import org.hawkeye.engine.UnsupportedOp;
import org.hawkeye.engine.cost.Cost;
import org.hawkeye.engine.cost.Traffic;
import org.hawkeye.engine.graph.Graph;
import org.hawkeye.engine.shapes.InputShapes;
import org.hawkeye.specs.FrameworkFolder;
import org.hawkeye.specs.ProfilerException;

/**
 * Profiles a model at every combination of a few varied sizes and parameters (batch, sequence length, cache,
 * a named dynamic axis, any framework parameter), and fits each cost exactly as a polynomial in each varied
 * number, per combination of the others: degree + 1 points fix it, every further point must confirm it.
 */
public final class Sweep {
    /** What a varied name sets. */
    public enum Kind { BATCH, SEQUENCE, CACHE, AXIS, PARAMETER }

    /** One {@code --vary NAME=V1,V2,...}. */
    public record Variable(String name, Kind kind, List<String> values) {
        public Variable {
            values = List.copyOf(values);
        }

        /** True when every value is a whole number, so that costs can be fitted in it. */
        public boolean numeric() {
            return values.stream().allMatch(v -> v.matches("-?\\d+"));
        }
    }

    /** One profile: the varied values it was made with, its cost, and who sends its bits. */
    public record Point(Map<String, String> values, Cost cost, boolean complete, Traffic traffic) {
        public Point {
            values = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(values));
        }
    }

    /** The costs as polynomials in {@code variable}, the other varied names held at {@code at}. */
    public record Fits(String variable, Map<String, String> at, int points, Map<Metric, Optional<Polynomial.Fit>> fits) {
    }

    /** A whole sweep. {@code params} are the framework's parameters apart from the varied ones. */
    public record Result(String model, String framework, String weights, Map<String, BigDecimal> params,
                         List<Variable> vary, List<Point> points, List<Fits> fits, List<UnsupportedOp> unsupported) {
    }

    private Sweep() {
    }

    /** Parses {@code NAME=V1,V2,...} options: each name once, each list non-empty, sizes whole and in range. */
    public static List<Variable> parse(List<String> options, Graph graph, FrameworkFolder framework) {
        Set<String> axes = new LinkedHashSet<>();
        for (String input : graph.inputs()) {
            List<String> names = graph.value(input).declaredDimNames();
            if (names != null) {
                names.stream().filter(n -> n != null && !n.equals("?")).forEach(axes::add);
            }
        }
        Set<String> params = framework.spec().parameters().keySet();
        List<Variable> out = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        for (String option : options) {
            int eq = option.indexOf('=');
            String name = eq < 0 ? option.strip() : option.substring(0, eq).strip();
            if (eq < 0 || option.substring(eq + 1).isBlank()) {
                throw new ProfilerException("", "--vary " + option + ": give the values, e.g. --vary " + name
                        + "=1,8,32");
            }
            if (!seen.add(name)) {
                throw new ProfilerException("", "--vary " + name + " is given twice");
            }
            List<String> values = new ArrayList<>();
            for (String v : option.substring(eq + 1).split(",", -1)) {
                if (v.isBlank()) {
                    throw new ProfilerException("", "--vary " + option + ": an empty value in the list");
                }
                values.add(v.strip());
            }
            if (new LinkedHashSet<>(values).size() != values.size()) {
                throw new ProfilerException("", "--vary " + option + ": a value repeats");
            }
            Kind kind = switch (name) {
                case "batch" -> Kind.BATCH;
                case "seq" -> Kind.SEQUENCE;
                case "cache" -> Kind.CACHE;
                default -> axes.contains(name) ? Kind.AXIS : params.contains(name) ? Kind.PARAMETER : null;
            };
            if (kind == null) {
                throw new ProfilerException("", "--vary " + name + ": not batch, seq, cache, "
                        + (axes.isEmpty() ? "" : "a dynamic axis of the model (" + String.join(", ", axes) + "), ")
                        + "or a parameter of " + framework.name() + " (" + String.join(", ", params) + ")");
            }
            if (kind != Kind.PARAMETER) {
                for (String v : values) {
                    long n = sizeOf(name, v);
                    if (n < (kind == Kind.BATCH || kind == Kind.SEQUENCE ? 1 : 0)) {
                        throw new ProfilerException("", "--vary " + name + "=" + v + ": must be at least "
                                + (kind == Kind.BATCH || kind == Kind.SEQUENCE ? 1 : 0));
                    }
                }
            }
            out.add(new Variable(name, kind, values));
        }
        if (out.isEmpty()) {
            throw new ProfilerException("", "sweep needs at least one --vary NAME=V1,V2,...");
        }
        return out;
    }

    private static long sizeOf(String name, String v) {
        try {
            return Long.parseLong(v);
        } catch (NumberFormatException e) {
            throw new ProfilerException("", "--vary " + name + "=" + v + ": not a whole number");
        }
    }

    /** Profiles every combination (the first variable varies slowest) on every core, then fits the costs. */
    public static Result run(Profiler profiler, Path model, ProfileOptions base, List<Variable> vary,
                             IntConsumer onDone) {
        List<Map<String, String>> combos = combinations(vary);
        Workers workers = new Workers();
        String name = model.getFileName().toString();
        List<ProfileResult> results = workers.run(combos.size(), i -> {
            ProfileOptions options = optionsAt(base, vary, combos.get(i));
            try {
                return profiler.profile(workers.graph(model), name, options);
            } catch (ProfilerException e) {
                throw new ProfilerException(e.location(), "at " + describe(combos.get(i)) + ": " + e.reason(), e);
            }
        }, onDone);
        List<Point> points = new ArrayList<>();
        Map<String, UnsupportedOp> unsupported = new LinkedHashMap<>();
        for (int i = 0; i < combos.size(); i++) {
            ProfileResult r = results.get(i);
            points.add(new Point(combos.get(i), r.total(), r.complete(), r.traffic()));
            r.unsupported().forEach(u -> unsupported.putIfAbsent(u.op(), u));
        }
        ProfileResult first = results.get(0);
        Map<String, BigDecimal> params = new LinkedHashMap<>(first.params());
        vary.stream().filter(v -> v.kind() == Kind.PARAMETER).forEach(v -> params.remove(v.name()));
        return new Result(first.model(), first.framework(), first.weights(), params, vary, points,
                fits(vary, points), new ArrayList<>(unsupported.values()));
    }

    static ProfileOptions optionsAt(ProfileOptions base, List<Variable> vary, Map<String, String> at) {
        ProfileOptions o = base;
        InputShapes.Request shapes = base.shapes();
        boolean cache = vary.stream().anyMatch(v -> v.kind() == Kind.CACHE);
        boolean sequence = vary.stream().anyMatch(v -> v.kind() == Kind.SEQUENCE);
        if (cache && !sequence && shapes.isEmpty()) {
            // a cache alone is a decode step: one new token
            shapes = shapes.withSequence(1L);
        }
        for (Variable v : vary) {
            String value = at.get(v.name());
            switch (v.kind()) {
                case BATCH -> o = o.withBatch(Long.parseLong(value));
                case SEQUENCE -> shapes = shapes.withSequence(Long.parseLong(value));
                case CACHE -> shapes = shapes.withCache(Long.parseLong(value));
                case AXIS -> shapes = shapes.withDim(v.name(), Long.parseLong(value));
                case PARAMETER -> o = o.withParam(v.name(), value);
            }
        }
        return o.withShapes(shapes);
    }

    static List<Map<String, String>> combinations(List<Variable> vary) {
        List<Map<String, String>> out = new ArrayList<>(List.of(new LinkedHashMap<>()));
        for (Variable v : vary) {
            List<Map<String, String>> next = new ArrayList<>();
            for (Map<String, String> partial : out) {
                for (String value : v.values()) {
                    Map<String, String> m = new LinkedHashMap<>(partial);
                    m.put(v.name(), value);
                    next.add(m);
                }
            }
            out = next;
        }
        return out;
    }

    /** For each numeric variable with two values or more, a fit per combination of the other variables. */
    static List<Fits> fits(List<Variable> vary, List<Point> points) {
        List<Fits> out = new ArrayList<>();
        for (Variable v : vary) {
            if (!v.numeric() || v.values().size() < 2) {
                continue;
            }
            Map<Map<String, String>, List<Point>> byRest = new LinkedHashMap<>();
            for (Point p : points) {
                Map<String, String> rest = new LinkedHashMap<>(p.values());
                rest.remove(v.name());
                byRest.computeIfAbsent(rest, k -> new ArrayList<>()).add(p);
            }
            byRest.forEach((rest, line) -> {
                List<Long> xs = line.stream().map(p -> Long.parseLong(p.values().get(v.name()))).toList();
                List<Cost> ys = line.stream().map(Point::cost).toList();
                out.add(new Fits(v.name(), rest, line.size(), Polynomial.fitCosts(v.name(), xs, ys)));
            });
        }
        return out;
    }

    /** {@code seq=128, batch=8}. */
    public static String describe(Map<String, String> values) {
        List<String> parts = new ArrayList<>();
        values.forEach((k, v) -> parts.add(k + "=" + v));
        return String.join(", ", parts);
    }
}
