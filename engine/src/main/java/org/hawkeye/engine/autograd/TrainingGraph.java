package org.hawkeye.engine.autograd;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hawkeye.engine.graph.DataType;
import org.hawkeye.engine.graph.Graph;
import org.hawkeye.engine.graph.Node;
import org.hawkeye.engine.graph.Shape;
import org.hawkeye.engine.graph.Value;
import org.hawkeye.engine.graph.ValueKind;
import org.hawkeye.engine.lowering.Lowering;
import org.hawkeye.engine.shapes.ShapeInference;
import org.hawkeye.specs.ProfilerException;

/**
 * Turns an inference graph into the graph of one training step: the forward pass (each op under
 * {@code <module>/forward/}), the loss, the backward pass (each op's gradient ops under {@code <module>/backward/},
 * from the loss back to every trainable weight) and the optimizer's update ({@code /update/<weight>/}). Every
 * added op is an op of the same IR, so frameworks cost training with their ordinary rules; hawkeye.* attributes
 * (see {@link TrainingAttributes}) let a framework's rules say where it computes something differently.
 *
 * <p>Gradients flow only where a trainable weight needs them: not into the data input and not into constants.
 * Where an op's backward would compute such a gradient anyway (the first layer's input gradient), the ops are
 * emitted marked not needed, and the common rules skip them unless the framework computes them.
 */
public final class TrainingGraph {

    private TrainingGraph() {
    }

    /**
     * The training step of a graph whose shapes are inferred, itself inferred and checked.
     *
     * @param fileName how errors name the model file
     * @throws ProfilerException for a model without trainable weights, a loss that does not fit the (first) output, or an op on the gradient path hawkeye cannot differentiate
     */
    public static Graph build(Graph forward, String fileName, TrainingOptions options) {
        List<String> weights = trainableWeights(forward);
        if (weights.isEmpty()) {
            throw new ProfilerException(fileName, "--mode training: the model has no trainable weight (no "
                    + "floating-point initializer feeds a layer), so a training step has nothing to update");
        }
        // the loss goes after the first output (a transformer export's last_hidden_state before its pooler_output);
        // weights that only the other outputs depend on get no gradient and no update
        String output = forward.outputs().get(0);
        Set<String> requiresGrad = requiresGrad(forward, weights);
        if (!requiresGrad.contains(output)) {
            throw new ProfilerException(fileName, "--mode training: output '" + output
                    + "' does not depend on any trainable weight");
        }
        GraphEditor g = new GraphEditor(forward, fileName);
        Map<String, String> saved = new HashMap<>();
        for (Node n : forward.nodes()) {
            Emitter e = new Emitter(g, moduleOf(n) + "/forward", StepPhase.FORWARD, null, true);
            boolean outputNeedsGrad = n.outputs().stream().anyMatch(requiresGrad::contains);
            ForwardContext f = new ForwardContext(n, e, outputNeedsGrad, saved);
            OpGradient rule = Gradients.of(n.opType());
            if (rule != null && outputNeedsGrad) {
                rule.forward(f);
            } else {
                f.copy();
            }
        }
        Losses.Appended loss = Losses.append(g, output, options.loss());

        Map<String, List<String>> contributions = new LinkedHashMap<>();
        contributions.put(output, new ArrayList<>(List.of(loss.outputGrad())));
        List<Node> nodes = forward.nodes();
        for (int i = nodes.size() - 1; i >= 0; i--) {
            Node n = nodes.get(i);
            if (n.outputs().stream().noneMatch(contributions::containsKey)) {
                continue;
            }
            OpGradient rule = Gradients.of(n.opType());
            if (rule == null) {
                throw g.unsupported(n, "no backward rule for op type " + n.opType() + " (hawkeye differentiates "
                        + String.join(", ", Gradients.supported()) + ")");
            }
            Emitter e = new Emitter(g, moduleOf(n) + "/backward", StepPhase.BACKWARD, n.opType(), true);
            List<String> outputGrads = new ArrayList<>();
            for (String out : n.outputs()) {
                outputGrads.add(sum(e, contributions.remove(out), out));
            }
            rule.backward(new BackwardContext(n, e, outputGrads, requiresGrad, saved,
                    (value, grad) -> contributions.computeIfAbsent(value, k -> new ArrayList<>()).add(grad)));
        }

        for (String w : weights) {
            List<String> grads = contributions.get(w);
            if (grads == null) {
                continue; // a weight the loss does not depend on gets no update
            }
            Emitter e = new Emitter(g, "/update/" + w.replace('/', '_'), StepPhase.UPDATE, null, true);
            Optimizers.append(e, w, sum(e, grads, w), options.optimizer());
        }
        Graph training = g.build(List.of(loss.loss()));
        ShapeInference.infer(training, fileName);
        checkShapes(training, g.expectedShapes());
        return training;
    }

    /** The sum of a value's gradient contributions (one per consumer), or null when none reached it. */
    private static String sum(Emitter e, List<String> grads, String value) {
        if (grads == null || grads.isEmpty()) {
            return null;
        }
        String total = grads.get(0);
        for (int i = 1; i < grads.size(); i++) {
            total = e.op("grad_sum", "Add", List.of(total, grads.get(i)), e.graph().shape(value));
        }
        return total;
    }

    /**
     * Floating-point initializers that feed an op (biases and scales included), except BatchNormalization's
     * running statistics (buffers, not parameters) and one-element constants whose value is in the file.
     */
    static List<String> trainableWeights(Graph forward) {
        Set<String> found = new LinkedHashSet<>();
        for (Node n : forward.nodes()) {
            for (int i = 0; i < n.inputs().size(); i++) {
                Value v = n.hasInput(i) ? forward.values().get(n.input(i)) : null;
                if (v == null || v.kind() != ValueKind.WEIGHT || v.dataType() == null
                        || !v.dataType().isFloatingPoint() || v.hasData() && v.data().size() == 1
                        || n.opType().equals("BatchNormalization") && i >= 3) {
                    continue;
                }
                found.add(v.name());
            }
        }
        return new ArrayList<>(found);
    }

    /** Values that depend on a trainable weight through differentiable ops (floating-point ones only). */
    static Set<String> requiresGrad(Graph forward, List<String> weights) {
        Set<String> out = new HashSet<>(weights);
        for (Node n : forward.nodes()) {
            if (Gradients.NON_DIFFERENTIABLE.contains(n.opType()) || n.inputs().stream().noneMatch(out::contains)) {
                continue;
            }
            for (String o : n.outputs()) {
                DataType t = o.isEmpty() ? null : forward.value(o).dataType();
                if (t != null && t.isFloatingPoint()) {
                    out.add(o);
                }
            }
        }
        return out;
    }

    /** A builder that expects a shape inference disagrees with has a bug: fail rather than cost the wrong size. */
    private static void checkShapes(Graph training, Map<String, Shape> expected) {
        for (Map.Entry<String, Shape> e : expected.entrySet()) {
            Shape inferred = training.value(e.getKey()).shape();
            if (!e.getValue().equals(inferred)) {
                throw new IllegalStateException("training graph: '" + e.getKey() + "' is inferred as " + inferred
                        + " but its backward rule built it as " + e.getValue());
            }
        }
    }

    /** The module path of a node, or the node itself as a module when its name has none. */
    static String moduleOf(Node n) {
        String prefix = Lowering.prefixOf(n.name());
        if (!prefix.isEmpty()) {
            return prefix;
        }
        return n.name().startsWith("/") ? n.name() : "/" + n.name();
    }

    /** The op's own segment of its name (the op type when the name has no module path). */
    static String leafOf(Node n) {
        String prefix = Lowering.prefixOf(n.name());
        return prefix.isEmpty() ? n.opType() : n.name().substring(prefix.length() + 1);
    }
}
