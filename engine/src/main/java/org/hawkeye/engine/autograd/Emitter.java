package org.hawkeye.engine.autograd;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hawkeye.engine.graph.Attributes;
import org.hawkeye.engine.graph.Shape;

/**
 * Adds nodes under one scope of the training graph, e.g. {@code /layer1/layer1.0/conv1/backward}: each node is
 * named {@code <scope>/<role>} and carries the hawkeye.* attributes of its phase, role, the forward op it belongs
 * to and whether a trainable weight needs what it computes. Helpers build the few patterns every gradient uses
 * (inverse broadcast, reshape back) with standard ONNX ops that shape inference checks.
 */
final class Emitter {
    private final GraphEditor graph;
    private final String scope;
    private final StepPhase phase;
    private final String gradOf;
    private final boolean needed;

    Emitter(GraphEditor graph, String scope, StepPhase phase, String gradOf, boolean needed) {
        this.graph = graph;
        this.scope = scope;
        this.phase = phase;
        this.gradOf = gradOf;
        this.needed = needed;
    }

    GraphEditor graph() {
        return graph;
    }

    String scope() {
        return scope;
    }

    boolean needed() {
        return needed;
    }

    /** The same scope, marking what it adds as computing a gradient no trainable weight needs. */
    Emitter unneeded() {
        return new Emitter(graph, scope, phase, gradOf, false);
    }

    /**
     * Adds {@code opType(inputs)} named {@code <scope>/<role>}; {@code attrs} are ONNX attributes as name, value
     * pairs (Long, Double, String, List of Long). Returns the output value's name.
     */
    String op(String role, String opType, List<String> inputs, Shape out, Object... attrs) {
        return graph.add(graph.uniqueNodeName(scope + "/" + role), opType, inputs, attributes(role, attrs), out);
    }

    /** The attributes of a node this emitter adds: the op's own, then the hawkeye.* ones. */
    Attributes attributes(String role, Object... attrs) {
        if (attrs.length % 2 != 0) {
            throw new IllegalArgumentException("attributes must be name, value pairs");
        }
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < attrs.length; i += 2) {
            map.put((String) attrs[i], normalise(attrs[i + 1]));
        }
        map.put(TrainingAttributes.PHASE, phase.label());
        map.put(TrainingAttributes.ROLE, role);
        if (gradOf != null) {
            map.put(TrainingAttributes.GRAD_OF, gradOf);
        }
        if (!needed) {
            map.put(TrainingAttributes.NEEDED, 0L);
        }
        return new Attributes(map);
    }

    private static Object normalise(Object v) {
        if (v instanceof Integer i) {
            return i.longValue();
        }
        if (v instanceof long[] a) {
            return Arrays.stream(a).boxed().toList();
        }
        return v;
    }

    /** x reshaped to {@code to} (free everywhere: a view of the same shares). */
    String reshape(String role, String x, Shape to) {
        if (graph.shape(x).equals(to)) {
            return x;
        }
        return op(role, "Reshape", List.of(x, graph.ints(to.toArray())), to);
    }

    /**
     * The inverse of broadcasting {@code to} up to g's shape: sums over the leading axes {@code to} lacks and over
     * the axes where it has size 1 (gradients.py _inverse_broadcast). Returns g itself when the shapes agree.
     */
    String reduceTo(String role, String g, Shape to) {
        Shape from = graph.shape(g);
        if (from.equals(to)) {
            return g;
        }
        int lead = from.rank() - to.rank();
        List<Long> axes = new ArrayList<>();
        for (int a = 0; a < from.rank(); a++) {
            if (a < lead || to.dims().get(a - lead) == 1 && from.dims().get(a) != 1) {
                axes.add((long) a);
            }
        }
        if (axes.isEmpty()) {
            return reshape(role + "_reshape", g, to);
        }
        // keepdims = 0 would also drop the size-1 axes of `to`; keep them and drop only the leading ones below
        String summed = op(role, "ReduceSum", List.of(g, graph.ints(axes.stream().mapToLong(Long::longValue)
                .toArray())), reducedKeepingDims(from, axes), "keepdims", 1L);
        return reshape(role + "_reshape", summed, to);
    }

    private static Shape reducedKeepingDims(Shape from, List<Long> axes) {
        List<Long> dims = new ArrayList<>(from.dims());
        for (long a : axes) {
            dims.set((int) a, 1L);
        }
        return new Shape(dims);
    }

    /** Sums g over every axis but {@code keep} (a per-channel reduction), keeping dims when asked. */
    String sumAllBut(String role, String g, int keep, boolean keepDims) {
        Shape from = graph.shape(g);
        List<Long> axes = new ArrayList<>();
        List<Long> dims = new ArrayList<>();
        for (int a = 0; a < from.rank(); a++) {
            if (a != keep) {
                axes.add((long) a);
                if (keepDims) {
                    dims.add(1L);
                }
            } else {
                dims.add(from.dims().get(a));
            }
        }
        return op(role, "ReduceSum", List.of(g, graph.ints(axes.stream().mapToLong(Long::longValue).toArray())),
                new Shape(dims), "keepdims", keepDims ? 1L : 0L);
    }
}
