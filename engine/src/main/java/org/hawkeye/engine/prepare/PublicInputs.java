package org.hawkeye.engine.prepare;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hawkeye.engine.graph.DataType;
import org.hawkeye.engine.graph.Graph;
import org.hawkeye.specs.ProfilerException;

/**
 * Which data inputs every party knows. A data input is the data holder's secret unless it is public: named with
 * {@code --public}, or an integer input that carries only mask, position or length information (an attention
 * mask, position ids, a cache position, segment ids), which every framework reveals anyway through the sequence
 * length it runs on. {@code --secret} overrides that default.
 */
public final class PublicInputs {

    /** Input names that only say which positions exist, where they are, or where a segment starts. */
    static final Set<String> MASK_OR_POSITION = Set.of("attention_mask", "position_ids", "cache_position",
            "token_type_ids", "encoder_attention_mask", "decoder_attention_mask", "decoder_position_ids");

    /** A public input and why it is public: {@code --public} or the default for masks and positions. */
    public record Entry(String input, String reason) {
    }

    private PublicInputs() {
    }

    /**
     * The graph's public inputs in input order.
     *
     * @throws ProfilerException when {@code --public} or {@code --secret} names no data input of the model, or
     *                           names the same input as both
     */
    public static List<Entry> resolve(Graph graph, String modelName, Set<String> publicNames, Set<String> secretNames) {
        check(graph, modelName, "--public", publicNames);
        check(graph, modelName, "--secret", secretNames);
        for (String name : publicNames) {
            if (secretNames.contains(name)) {
                throw new ProfilerException(modelName, "input '" + name + "' is given both --public and --secret");
            }
        }
        Map<String, String> out = new LinkedHashMap<>();
        for (String input : graph.inputs()) {
            if (publicNames.contains(input)) {
                out.put(input, "--public");
            } else if (!secretNames.contains(input) && isMaskOrPosition(graph, input)) {
                out.put(input, "mask or position input (default; --secret " + input + " to share it)");
            }
        }
        List<Entry> entries = new ArrayList<>();
        out.forEach((k, v) -> entries.add(new Entry(k, v)));
        return entries;
    }

    private static boolean isMaskOrPosition(Graph graph, String input) {
        DataType type = graph.value(input).dataType();
        boolean discrete = type != null && (type.isInteger() || type == DataType.BOOL);
        return discrete && MASK_OR_POSITION.contains(input);
    }

    private static void check(Graph graph, String modelName, String option, Set<String> names) {
        for (String name : names) {
            if (!graph.inputs().contains(name)) {
                throw new ProfilerException(modelName, option + " " + name + ": the model has no data input named '"
                        + name + "' (its inputs: " + String.join(", ", graph.inputs()) + ")");
            }
        }
    }
}
