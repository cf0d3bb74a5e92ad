package org.hawkeye.engine.onnx;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.hawkeye.engine.onnx.proto.OnnxProto.NodeProto;
import org.hawkeye.engine.onnx.proto.OnnxProto.StringStringEntryProto;
import org.hawkeye.engine.onnx.proto.OnnxProto.TensorProto;
import org.hawkeye.engine.onnx.proto.OnnxProto.ValueInfoProto;
import org.junit.jupiter.api.Test;

/** What the dynamo exporter's metadata says about node paths and initializers, read as hawkeye reads it. */
class ExporterMetadataTest {

    private static StringStringEntryProto entry(String key, String value) {
        return StringStringEntryProto.newBuilder().setKey(key).setValue(value).build();
    }

    private static NodeProto scoped(String scopes) {
        return NodeProto.newBuilder().setName("node_linear").setOpType("MatMul")
                .addMetadataProps(entry(ExporterMetadata.NAME_SCOPES, scopes)).build();
    }

    @Test
    void theModulePathIsEachScopeRelativeToItsParentWithoutTheNodesOwnName() {
        assertThat(ExporterMetadata.modulePath(scoped("['', 'model', 'model.layers.0', 'model.layers.0.self_attn', "
                + "'model.layers.0.self_attn.q_proj', 'linear']"))).isEqualTo("/model/layers.0/self_attn/q_proj");
        // a child of a Sequential that its parent calls is written as TorchScript writes it: stages.3, blocks.0
        assertThat(ExporterMetadata.modulePath(scoped("['', 'stages', 'stages.3', 'stages.3.blocks', "
                + "'stages.3.blocks.0', 'stages.3.blocks.0.mlp', 'gelu']"))).isEqualTo(
                "/stages/stages.3/blocks/blocks.0/mlp");
        assertThat(ExporterMetadata.modulePath(scoped("['', 'add']"))).isEmpty();
        assertThat(ExporterMetadata.modulePath(NodeProto.newBuilder().setOpType("Add").build())).isEmpty();
    }

    private final List<ValueInfoProto> infos = new ArrayList<>();
    private final List<TensorProto> initializers = new ArrayList<>();

    private TensorProto initializer(String name, int type, String... metadata) {
        TensorProto t = TensorProto.newBuilder().setName(name).setDataType(type).addDims(4).build();
        initializers.add(t);
        ValueInfoProto.Builder v = ValueInfoProto.newBuilder().setName(name);
        for (int i = 0; i < metadata.length; i += 2) {
            v.addMetadataProps(entry(metadata[i], metadata[i + 1]));
        }
        infos.add(v.build());
        return t;
    }

    private static final int FLOAT = TensorProto.DataType.FLOAT_VALUE;

    @Test
    void parametersAndPersistentBuffersAreTheModelsAndFoldedConstantsArePublic() {
        TensorProto param = initializer("model.embed_tokens.weight", FLOAT, ExporterMetadata.INPUT_KIND, "PARAMETER");
        TensorProto stats = initializer("bn.running_var", FLOAT, ExporterMetadata.INPUT_KIND, "BUFFER",
                ExporterMetadata.PERSISTENT, "True");
        TensorProto freq = initializer("rotary.inv_freq", FLOAT, ExporterMetadata.INPUT_KIND, "BUFFER",
                ExporterMetadata.PERSISTENT, "False");
        TensorProto transposed = initializer("val_44", FLOAT, ExporterMetadata.FOLDED_FROM,
                "['model.layers.0.self_attn.q_proj.weight']");
        TensorProto table = initializer("expand_1", FLOAT, ExporterMetadata.FOLDED_FROM,
                "['model.rotary_emb.inv_freq', 'unsqueeze_12', 'val_12']");
        TensorProto cls = initializer("expand", FLOAT, ExporterMetadata.FOLDED_FROM, "['cls_token', 'val_6']");
        TensorProto fromKept = initializer("val_9", FLOAT, ExporterMetadata.FOLDED_FROM, "['model.embed_tokens.weight']");
        TensorProto mask = initializer("bitwise_and", TensorProto.DataType.BOOL_VALUE, ExporterMetadata.FOLDED_FROM,
                "['arange', 'le', 'new_ones']");
        TensorProto torchscript = initializer("onnx::MatMul_596", FLOAT);
        TensorProto indices = initializer("onnx::Gather_7", TensorProto.DataType.INT64_VALUE);
        ExporterMetadata m = new ExporterMetadata(infos, initializers);
        assertThat(m.isParameter(param)).isTrue();
        assertThat(m.isParameter(stats)).isTrue();
        assertThat(m.isParameter(freq)).as("a config-derived buffer").isFalse();
        assertThat(m.isParameter(transposed)).as("a weight transposed by folding").isTrue();
        assertThat(m.isParameter(table)).as("RoPE frequencies expanded by folding").isFalse();
        assertThat(m.isParameter(cls)).as("a top-level parameter folded away").isTrue();
        assertThat(m.isParameter(fromKept)).as("folded from a parameter still in the graph").isTrue();
        assertThat(m.isParameter(mask)).as("a boolean mask").isFalse();
        assertThat(m.isParameter(torchscript)).as("no metadata: a parameter").isTrue();
        assertThat(m.isParameter(indices)).as("integers are never parameters").isFalse();
    }
}
