package org.hawkeye.engine.onnx;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.hawkeye.engine.graph.DataType;
import org.hawkeye.engine.graph.Node;
import org.hawkeye.engine.graph.Shape;
import org.hawkeye.engine.graph.TensorData;
import org.hawkeye.engine.graph.Value;
import org.hawkeye.engine.graph.ValueKind;

/**
 * What the ONNX operator documentation says attributes and known inputs must agree on, beyond their types: the
 * lengths of per-axis attributes (kernel_shape, strides, dilations, pads), a kernel_shape that is the weight's,
 * positive sizes, the values of enumerations (auto_pad, Pad's mode), Slice's starts/ends/axes/steps of one length,
 * a Transpose perm that is a permutation. Checked before inference, on what the file states; shape inference
 * checks what depends on inferred shapes.
 */
final class AttributeAgreement {
    private static final Set<String> AUTO_PAD = Set.of("NOTSET", "SAME_UPPER", "SAME_LOWER", "VALID");
    private static final Set<String> POOLS = Set.of("MaxPool", "AveragePool", "LpPool");

    private final Node node;
    private final int since;
    private final Map<String, Value> values;

    private AttributeAgreement(Node node, int since, Map<String, Value> values) {
        this.node = node;
        this.since = since;
        this.values = values;
    }

    /** What the node's attributes contradict, or null when they agree; {@code since}: its definition's opset. */
    static String problem(Node node, int since, Map<String, Value> values) {
        return new AttributeAgreement(node, since, values).problem();
    }

    private String problem() {
        String op = node.opType();
        if (op.equals("Conv") || op.equals("ConvTranspose")) {
            return convolution();
        } else if (POOLS.contains(op)) {
            return window(ints("kernel_shape") == null ? -1 : ints("kernel_shape").length);
        } else if (op.equals("Slice")) {
            return slice();
        } else if (op.equals("Transpose")) {
            return transpose();
        } else if (op.equals("GatherND")) {
            return node.attributes().getInt("batch_dims", 0) < 0 ? "batch_dims must be 0 or more" : null;
        } else if (op.equals("Cast") || op.equals("CastLike")) {
            long to = node.attributes().getInt("to", 1);
            return op.equals("Cast") && !DataType.isKnown((int) Math.max(0, Math.min(Integer.MAX_VALUE, to)))
                    ? "attribute 'to' is " + to + ", which is not an ONNX element type" : null;
        } else if (op.equals("Pad")) {
            String mode = node.attributes().getString("mode", "constant");
            return Set.of("constant", "reflect", "edge", "wrap").contains(mode) ? null
                    : "mode '" + mode + "' is not one of constant, reflect, edge, wrap";
        }
        return null;
    }

    /** Conv and ConvTranspose: the weight is M x C x k1 x ... and every per-axis attribute has one value per k. */
    private String convolution() {
        Shape w = knownShape(node.input(1));
        long[] kernel = ints("kernel_shape");
        if (w != null && w.rank() < 3) {
            return "the weight '" + node.input(1) + "' has shape " + w + ", but " + node.opType()
                    + " needs a weight of rank 3 or more (channels x channels x kernel)";
        }
        if (w != null && kernel != null) {
            long[] fromWeight = Arrays.copyOfRange(w.toArray(), 2, w.rank());
            if (!Arrays.equals(kernel, fromWeight)) {
                return "kernel_shape " + Arrays.toString(kernel) + " contradicts the weight '" + node.input(1)
                        + "' of shape " + w + " (kernel " + Arrays.toString(fromWeight) + ")";
            }
        }
        if (node.attributes().getInt("group", 1) < 1) {
            return "group must be 1 or more, not " + node.attributes().getInt("group", 1);
        }
        int spatial = w != null ? w.rank() - 2 : kernel != null ? kernel.length : -1;
        String windowProblem = window(spatial);
        if (windowProblem != null || !node.opType().equals("ConvTranspose")) {
            return windowProblem;
        }
        return perAxis("output_padding", spatial, 1, 0);
    }

    /** kernel_shape, strides, dilations (one positive value per spatial axis), pads (two per axis, >= 0). */
    private String window(int spatial) {
        String autoPad = node.attributes().getString("auto_pad", "NOTSET");
        if (!AUTO_PAD.contains(autoPad)) {
            return "auto_pad '" + autoPad + "' is not one of NOTSET, SAME_UPPER, SAME_LOWER, VALID";
        }
        for (String name : List.of("kernel_shape", "strides", "dilations")) {
            String p = perAxis(name, spatial, 1, 1);
            if (p != null) {
                return p;
            }
        }
        return perAxis("pads", spatial, 2, 0);
    }

    private String perAxis(String name, int spatial, int perAxis, long min) {
        long[] v = ints(name);
        if (v == null) {
            return null;
        }
        if (spatial >= 0 && v.length != perAxis * spatial) {
            return name + " " + Arrays.toString(v) + " has " + v.length + " value(s), but " + node.opType()
                    + " here has " + spatial + " spatial axes (" + perAxis * spatial + " value(s))";
        }
        for (long x : v) {
            if (x < min) {
                return name + " " + Arrays.toString(v) + " must hold values of " + min + " or more";
            }
        }
        return null;
    }

    /** starts, ends, axes and steps (attributes before opset 10, inputs after) have one length; no step is 0. */
    private String slice() {
        long[][] parts = since < 10
                ? new long[][] {ints("starts"), ints("ends"), ints("axes"), null}
                : new long[][] {known(1), known(2), known(3), known(4)};
        String[] names = {"starts", "ends", "axes", "steps"};
        int length = -1;
        for (int i = 0; i < parts.length; i++) {
            if (parts[i] == null) {
                continue;
            }
            if (length >= 0 && parts[i].length != length) {
                return "Slice's " + names[i] + " has " + parts[i].length + " value(s), but starts, ends, axes and"
                        + " steps must all have the same length (" + length + ")";
            }
            length = parts[i].length;
        }
        if (parts[3] != null) {
            for (long s : parts[3]) {
                if (s == 0) {
                    return "Slice's steps must not be 0";
                }
            }
        }
        return null;
    }

    private String transpose() {
        long[] perm = ints("perm");
        if (perm == null) {
            return null;
        }
        boolean[] seen = new boolean[perm.length];
        for (long p : perm) {
            if (p < 0 || p >= perm.length || seen[(int) p]) {
                return "perm " + Arrays.toString(perm) + " is not a permutation of 0.." + (perm.length - 1);
            }
            seen[(int) p] = true;
        }
        return null;
    }

    private long[] ints(String name) {
        return node.attributes().getInts(name).map(l -> l.stream().mapToLong(Long::longValue).toArray())
                .orElse(null);
    }

    /** The value of input {@code i} when the file states it (an initializer or a Constant with its data). */
    private long[] known(int i) {
        Value v = node.hasInput(i) ? values.get(node.input(i)) : null;
        TensorData d = v == null ? null : v.data();
        return d == null || !d.isIntegral() ? null : d.toLongs();
    }

    private Shape knownShape(String name) {
        Value v = name.isEmpty() ? null : values.get(name);
        return v != null && (v.kind() == ValueKind.WEIGHT || v.kind() == ValueKind.INPUT) ? v.shape() : null;
    }
}
