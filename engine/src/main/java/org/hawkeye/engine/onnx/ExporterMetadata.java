package org.hawkeye.engine.onnx;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.hawkeye.engine.onnx.proto.OnnxProto.NodeProto;
import org.hawkeye.engine.onnx.proto.OnnxProto.StringStringEntryProto;
import org.hawkeye.engine.onnx.proto.OnnxProto.TensorProto;
import org.hawkeye.engine.onnx.proto.OnnxProto.ValueInfoProto;

/**
 * What PyTorch's dynamo exporter (torch.onnx.export(dynamo=True)) writes about nodes and initializers in
 * metadata_props, where the TorchScript exporter puts it in names: the module path of each node, and whether an
 * initializer is a model parameter. The TorchScript exporter names nodes {@code /layers.0/self_attn/MatMul} and
 * writes only parameters and persistent buffers as initializers (config-derived buffers become Constant nodes);
 * dynamo names nodes {@code node_linear}, keeps the path in {@code pkg.torch.onnx.name_scopes}, and folds constant
 * subgraphs, parameters and config-derived buffers alike, into initializers named {@code val_44}, recording their
 * sources in {@code pkg.onnxscript.optimizer.folded_from}.
 */
final class ExporterMetadata {
    static final String NAME_SCOPES = "pkg.torch.onnx.name_scopes";
    static final String INPUT_KIND = "pkg.torch.export.graph_signature.InputSpec.kind";
    static final String PERSISTENT = "pkg.torch.export.graph_signature.InputSpec.persistent";
    static final String FOLDED_FROM = "pkg.onnxscript.optimizer.folded_from";

    /**
     * Buffers that libraries compute from the configuration (rotary frequencies, position and segment ids, window
     * indices and masks), not learnt: a value folded from them alone is public. Their provenance is lost once the
     * exporter folds them away, so they are known by name.
     */
    static final Set<String> CONFIG_BUFFERS = Set.of("inv_freq", "original_inv_freq", "position_ids",
            "token_type_ids", "relative_position_index", "attn_mask", "causal_mask");

    /**
     * Stems of the names torch.export gives the intermediate values of a traced program (the aten op's name, then
     * _1, _2...) and onnxscript its constants (val_12): a folded value that came only from such values, constants
     * and config-derived buffers is public. A name that is none of these (a top-level parameter such as a ViT's
     * cls_token) counts as a parameter: unknown is not public.
     */
    static final Set<String> INTERMEDIATE_STEMS = Set.of("val", "_val", "add", "sub", "rsub", "mul", "div", "neg",
            "pow", "sqrt", "rsqrt", "exp", "log", "cos", "sin", "abs", "reciprocal", "matmul", "bmm", "mm", "addmm",
            "linear", "arange", "ones", "zeros", "full", "new_ones", "new_zeros", "full_like", "ones_like",
            "zeros_like", "empty", "scalar_tensor", "lift_fresh_copy", "lifted_tensor", "_tensor_constant",
            "clone", "contiguous", "_to_copy", "to", "type_as", "alias", "detach", "view", "_unsafe_view",
            "reshape", "unsqueeze", "squeeze", "expand", "expand_as", "repeat", "permute", "transpose", "t",
            "flatten", "slice", "select", "index", "index_select", "gather", "cat", "stack", "split",
            "split_with_sizes", "chunk", "unbind", "narrow", "eq", "ne", "lt", "le", "gt", "ge", "bitwise_and",
            "bitwise_or", "bitwise_not", "bitwise_xor", "logical_and", "logical_or", "logical_not", "where",
            "masked_fill", "triu", "tril", "cumsum", "sum", "mean", "max", "min", "amax", "amin", "floor_divide",
            "remainder", "fmod", "clamp", "clamp_min", "clamp_max", "sym_size_int", "sym_numel", "diff", "embedding",
            "getitem", "layer_norm", "native_layer_norm", "rms_norm", "group_norm", "batch_norm", "native_batch_norm",
            "instance_norm", "softmax", "_softmax", "log_softmax", "gelu", "silu", "sigmoid", "tanh", "relu", "erf",
            "dropout", "scaled_dot_product_attention", "convolution", "conv1d", "conv2d", "avg_pool2d",
            "max_pool2d", "adaptive_avg_pool2d", "pad", "constant_pad_nd", "roll", "einsum", "baddbmm", "unfold",
            "floor", "ceil", "round", "sign", "isnan", "isinf", "any", "all", "argmax", "argmin", "topk", "sort");

    private static final Pattern MODULE_ATTRIBUTE = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*(\\.[A-Za-z0-9_]+)+");
    private static final Pattern NUMBERED = Pattern.compile("(.*?)(_\\d+)?");
    private static final Pattern QUOTED = Pattern.compile("'((?:[^'\\\\]|\\\\.)*)'");

    private final Map<String, Map<String, String>> valueMetadata = new HashMap<>();
    private final Map<String, TensorProto> initializers = new HashMap<>();
    private final Map<String, Boolean> decided = new HashMap<>();

    ExporterMetadata(List<ValueInfoProto> valueInfos, List<TensorProto> initializers) {
        for (ValueInfoProto v : valueInfos) {
            if (v.getMetadataPropsCount() > 0) {
                valueMetadata.put(v.getName(), asMap(v.getMetadataPropsList()));
            }
        }
        for (TensorProto t : initializers) {
            this.initializers.put(t.getName(), t);
        }
    }

    /**
     * The module path a node's name_scopes give ({@code ['', 'model', 'model.layers.0', 'model.layers.0.mlp',
     * 'linear']} is {@code /model/layers.0/mlp}: each scope relative to its parent, the last one being the node's
     * own), or "" when the node carries none.
     */
    static String modulePath(NodeProto node) {
        String scopes = asMap(node.getMetadataPropsList()).get(NAME_SCOPES);
        if (scopes == null) {
            return "";
        }
        List<String> names = quoted(scopes);
        StringBuilder path = new StringBuilder();
        String parent = "";
        for (int i = 0; i < names.size() - 1; i++) {
            String scope = names.get(i);
            if (scope.isEmpty()) {
                continue;
            }
            String own = !parent.isEmpty() && scope.startsWith(parent + ".") ? scope.substring(parent.length() + 1)
                    : scope;
            if (!parent.isEmpty() && own.chars().allMatch(Character::isDigit)) {
                // a child of a Sequential the parent called: TorchScript writes it as blocks.0, not 0
                own = parent.substring(parent.lastIndexOf('.') + 1) + "." + own;
            }
            path.append('/').append(own);
            parent = scope;
        }
        return path.toString();
    }

    /**
     * True when an initializer holds (or was folded from) a model parameter, which the model holder owns; false
     * for a folded constant, a config-derived buffer, or an integer or boolean tensor (indices, masks, shapes),
     * which are public. Without the dynamo exporter's metadata every floating-point initializer is a parameter.
     */
    boolean isParameter(TensorProto t) {
        return isParameter(t.getName(), new HashSet<>());
    }

    private boolean isParameter(String name, Set<String> visiting) {
        Boolean known = decided.get(name);
        if (known != null) {
            return known;
        }
        TensorProto t = initializers.get(name);
        boolean result;
        if (t == null) {
            // a source the exporter folded away: a module attribute unless a config-derived buffer, an
            // intermediate value of the traced program, or a parameter of the top-level module
            result = MODULE_ATTRIBUTE.matcher(name).matches()
                    ? !CONFIG_BUFFERS.contains(name.substring(name.lastIndexOf('.') + 1))
                    : !isIntermediate(name);
        } else if (!floating(t) || !visiting.add(name)) {
            result = false;
        } else {
            result = fromMetadata(name, visiting);
        }
        decided.put(name, result);
        return result;
    }

    private boolean fromMetadata(String name, Set<String> visiting) {
        Map<String, String> meta = valueMetadata.getOrDefault(name, Map.of());
        String kind = meta.get(INPUT_KIND);
        if (kind != null) {
            return kind.equals("PARAMETER") || kind.equals("BUFFER") && !"False".equals(meta.get(PERSISTENT));
        }
        String folded = meta.get(FOLDED_FROM);
        if (folded != null) {
            for (String source : quoted(folded)) {
                if (isParameter(source, visiting)) {
                    return true;
                }
            }
            return false;
        }
        return true;
    }

    private static boolean isIntermediate(String name) {
        var m = NUMBERED.matcher(name);
        return m.matches() && INTERMEDIATE_STEMS.contains(m.group(1)) || CONFIG_BUFFERS.contains(name);
    }

    private static boolean floating(TensorProto t) {
        int type = t.getDataType();
        return type == TensorProto.DataType.FLOAT_VALUE || type == TensorProto.DataType.DOUBLE_VALUE
                || type == TensorProto.DataType.FLOAT16_VALUE || type == TensorProto.DataType.BFLOAT16_VALUE;
    }

    private static Map<String, String> asMap(List<StringStringEntryProto> props) {
        Map<String, String> out = new HashMap<>();
        for (StringStringEntryProto p : props) {
            out.put(p.getKey(), p.getValue());
        }
        return out;
    }

    /** The strings of a Python list literal as the exporter writes them: {@code ['', 'model', 'model.layers.0']}. */
    static List<String> quoted(String pythonList) {
        List<String> out = new ArrayList<>();
        var m = QUOTED.matcher(pythonList);
        while (m.find()) {
            out.add(m.group(1).replace("\\'", "'").replace("\\\\", "\\"));
        }
        return out;
    }
}
