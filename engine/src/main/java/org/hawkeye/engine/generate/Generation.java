package org.hawkeye.engine.generate;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntConsumer;
import org.hawkeye.engine.ProfileOptions;
import org.hawkeye.engine.ProfileResult;
import org.hawkeye.engine.Profiler;
import org.hawkeye.engine.UnsupportedOp;
import org.hawkeye.engine.cost.Cost;
import org.hawkeye.engine.cost.CostNode;
import org.hawkeye.engine.cost.Traffic;
import org.hawkeye.engine.graph.Graph;
import org.hawkeye.engine.tree.ModelPart;
import org.hawkeye.engine.shapes.InputRoles;
import org.hawkeye.engine.shapes.InputShapes;
import org.hawkeye.specs.ProfilerException;

/**
 * Text generation with a KV cache: the prefill of the prompt's P tokens (cache empty), then decode steps
 * t = 1..T, each taking one new token with a cache of P + t - 1 tokens. Every step is a full profile of the same
 * decoder graph with its inputs resized (the prefill may come from a second export), by one {@link Profiler}, so the
 * rule base is built once and the protocol costs computed once per distinct size.
 */
public final class Generation {

    /** One step: 0 is the prefill; its cost, split by the part of the model, and what it could not cost. */
    public record Step(int index, long tokensIn, long cache, Cost cost, Map<ModelPart, Cost> parts) {
        public boolean prefill() {
            return index == 0;
        }
    }

    /**
     * A whole generation: every step, their sum, and the op types no step could cost; {@code traffic} says who
     * sends the bits, {@code setup} is the framework's one-time session setup (null when it names none), paid once
     * for the whole run and outside the totals.
     */
    public record Result(String model, String framework, String weights, Map<String, BigDecimal> params,
                         Long batch, long prompt, long newTokens, List<Step> steps, Cost total,
                         List<UnsupportedOp> unsupported, Traffic traffic, CostNode setup) {
        public Result {
            steps = List.copyOf(steps);
            unsupported = List.copyOf(unsupported);
        }

        /** The decode steps (every step after the prefill). */
        public List<Step> decode() {
            return steps.subList(1, steps.size());
        }

        public boolean complete() {
            return unsupported.isEmpty();
        }
    }

    private Generation() {
    }

    /**
     * Profiles the prefill and every decode step. {@code prefillModel} null takes the prefill from {@code model}
     * with an empty cache; {@code onStep} hears how many steps are done after each (they run on every core).
     *
     * @throws ProfilerException for sizes below 1, a model without a KV cache, or a step whose shapes fail
     */
    public static Result run(Profiler profiler, Path model, Path prefillModel, ProfileOptions options, long prompt,
                             long newTokens, IntConsumer onStep) {
        String name = model.getFileName().toString();
        if (prompt < 1) {
            throw new ProfilerException("", "--prompt must be at least 1 token, not " + prompt);
        }
        if (newTokens < 1) {
            throw new ProfilerException("", "--new-tokens must be at least 1, not " + newTokens);
        }
        if (newTokens >= Integer.MAX_VALUE) {
            throw new ProfilerException("", "--new-tokens must be below " + Integer.MAX_VALUE + ", not " + newTokens);
        }
        Workers workers = new Workers();
        requireCache(workers.graph(model), name);
        Long prefillCache = 0L;
        if (prefillModel != null) {
            Graph prefill = workers.graph(prefillModel);
            String prefillName = prefillModel.getFileName().toString();
            if (InputRoles.inputs(prefill, InputRoles.Role.TOKENS).isEmpty()) {
                throw new ProfilerException(prefillName, "--prefill: the model has no token inputs (integer inputs"
                        + " such as input_ids)");
            }
            prefillCache = InputRoles.inputs(prefill, InputRoles.Role.CACHE).isEmpty() ? null : 0L;
        }
        Long cacheOfPrefill = prefillCache;
        // each worker keeps only what the report needs of a step: a long generation must not hold every tree
        List<Done> done = workers.run((int) newTokens + 1, t -> {
            ProfileResult r;
            if (t > 0) {
                r = step(profiler, workers.graph(model), name, options, 1, prompt + t - 1, "decode step " + t);
            } else if (prefillModel == null) {
                r = step(profiler, workers.graph(model), name, options, prompt, 0L, "the prefill (" + prompt
                        + " tokens, empty cache; give a prefill export with --prefill FILE if this one takes one token"
                        + " at a time)");
            } else {
                r = step(profiler, workers.graph(prefillModel), prefillModel.getFileName().toString(), options,
                        prompt, cacheOfPrefill, "the prefill");
            }
            Step s = new Step(t, t == 0 ? prompt : 1, t == 0 ? 0 : prompt + t - 1, r.total(), ModelPart.split(r.tree()));
            return new Done(s, t == 0 ? r : null, r.unsupported());
        }, onStep);
        List<Step> steps = new ArrayList<>();
        Map<String, UnsupportedOp> unsupported = new LinkedHashMap<>();
        Cost total = Cost.ZERO;
        for (Done d : done) {
            steps.add(d.step());
            merge(unsupported, d.unsupported());
            total = total.plus(d.step().cost());
        }
        ProfileResult first = done.get(0).profile();
        // the decoder names the run, also when the prefill came from another export
        String decoder = name.endsWith(".onnx") ? name.substring(0, name.length() - ".onnx".length()) : name;
        return new Result(decoder, first.framework(), first.weights(), first.params(), options.batch(), prompt,
                newTokens, steps, total, new ArrayList<>(unsupported.values()), first.traffic(), first.setup());
    }

    /** A profiled step, with the whole profile only for the first (the run's model, framework and parameters). */
    private record Done(Step step, ProfileResult profile, List<UnsupportedOp> unsupported) {
    }

    private static ProfileResult step(Profiler profiler, Graph graph, String name, ProfileOptions options,
                                      long tokens, Long cache, String what) {
        InputShapes.Request shapes = options.shapes().withSequence(tokens).withCache(cache);
        try {
            return profiler.profile(graph, name, options.withShapes(shapes));
        } catch (ProfilerException e) {
            throw new ProfilerException(e.location(), what + ": " + e.reason(), e);
        }
    }

    /** A decoder without its cache as inputs recomputes every past token at each step: refuse it. */
    private static void requireCache(Graph graph, String name) {
        if (InputRoles.inputs(graph, InputRoles.Role.CACHE).isEmpty()) {
            throw new ProfilerException(name, "generate needs a decoder exported with its KV cache: the past keys "
                    + "and values of every layer as inputs (past_key_values.N.key and .value, [batch, kv_heads, past,"
                    + " head_dim]) and the updated cache as outputs; this model's inputs are "
                    + String.join(", ", graph.inputs()) + " (export with use_cache=True and the cache as inputs and "
                    + "outputs, as docs/generation.md shows)");
        }
        if (InputRoles.inputs(graph, InputRoles.Role.TOKENS).isEmpty()) {
            throw new ProfilerException(name, "generate needs token inputs (input_ids); this model's inputs are "
                    + String.join(", ", graph.inputs()));
        }
    }

    /** Adds one step's unsupported ops to the run's, counting nodes per step's worst case (the graph is shared). */
    private static void merge(Map<String, UnsupportedOp> all, List<UnsupportedOp> step) {
        for (UnsupportedOp u : step) {
            all.merge(u.op(), u, (a, b) -> a.count() >= b.count() ? a : b);
        }
    }
}
