package org.hawkeye.engine.prepare;

import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Path;
import java.util.List;
import org.hawkeye.engine.ProfileOptions;
import org.hawkeye.engine.ProfileResult;
import org.hawkeye.engine.Profiler;
import org.hawkeye.engine.tree.TreeNode;
import org.hawkeye.specs.SpecLibrary;

/** The tiny transformer exports of src/test/resources/transformers (SOURCE.md there), and one shared profiler. */
final class TinyTransformers {
    static final Profiler PROFILER = new Profiler(SpecLibrary.load(List.of()));

    /** Model stems, each exported by both exporters ({@code _dynamo}, {@code _torchscript}). */
    static final List<String> MODELS = List.of("llama_tiny", "qwen2_tiny", "gpt2_tiny", "bert_tiny", "vit_tiny",
            "swin_tiny", "convnext_tiny");

    /** Stems also exported by TorchScript at opset 17, whose GELU is written out as Erf or Tanh ops. */
    static final List<String> OPSET17 = List.of("llama_tiny", "gpt2_tiny", "bert_tiny", "vit_tiny", "convnext_tiny");

    private TinyTransformers() {
    }

    static Path path(String fileStem) {
        URL url = TinyTransformers.class.getResource("/transformers/" + fileStem + ".onnx");
        if (url == null) {
            throw new IllegalArgumentException("no test model " + fileStem);
        }
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The profile of one tiny export under these options. */
    static ProfileResult profile(String fileStem, ProfileOptions options) {
        return PROFILER.profile(path(fileStem), options);
    }

    /** The tree node at a path of module names and the op's own name, e.g. /model/layers.0/self_attn/MatMul. */
    static TreeNode node(TreeNode root, String path) {
        TreeNode at = root;
        for (String part : path.substring(1).split("/")) {
            at = at.children().stream().filter(c -> c.name().equals(part)).findFirst()
                    .orElseThrow(() -> new AssertionError("no node " + part + " in " + path));
        }
        return at;
    }
}
