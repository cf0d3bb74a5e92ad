package org.hawkeye.engine.shapes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.stream.Stream;

import org.hawkeye.engine.TestFiles;
import org.hawkeye.engine.graph.Graph;
import org.hawkeye.engine.graph.ModelException;
import org.hawkeye.engine.graph.Shape;
import org.hawkeye.engine.onnx.OnnxImporter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Input shapes on demand on the test set of transformers exported with dynamic axes by both PyTorch exporters
 * (models/generation, see SOURCE.md there): the batch, the sequence, the KV cache and whole inputs change, and the
 * shapes the graph computes (Reshape targets built from Shape ops) follow, down to the graph outputs.
 */
class ShapesOnDemandTest {

    static Graph model(String name) {
        return OnnxImporter.read(TestFiles.resource("models/generation/" + name + ".onnx"));
    }

    static Graph infer(Graph g, InputShapes.Request request, Long batch) {
        return ShapeInference.infer(g, g.name(), InputShapes.resolve(g, g.name(), request, batch));
    }

    static Shape out(Graph g, String name) {
        return g.value(name).shape();
    }

    static Stream<String> exporters() {
        return Stream.of("ts", "dynamo");
    }

    /** name, kv heads: the decoders' caches are [batch, kv_heads, past, head_dim 16]. */
    static Stream<Object[]> decoders() {
        return exporters().flatMap(x -> Stream.of(new Object[] {"tiny_llama_kv_" + x, 2},
                new Object[] {"qwen2_kv_" + x, 2}, new Object[] {"gpt2_kv_" + x, 4}));
    }

    @ParameterizedTest
    @MethodSource("decoders")
    void aDecoderTakesAnyBatchSequenceAndCache(String name, int kvHeads) {
        Graph g = infer(model(name), InputShapes.Request.NONE.withSequence(5L).withCache(11L), 3L);
        assertThat(g.value("input_ids").shape()).isEqualTo(Shape.of(3, 5));
        assertThat(g.value("attention_mask").shape()).isEqualTo(Shape.of(3, 5 + 11));
        assertThat(g.value("past_key_values.1.value").shape()).isEqualTo(Shape.of(3, kvHeads, 11, 16));
        assertThat(out(g, "logits")).isEqualTo(Shape.of(3, 5, 256));
        assertThat(out(g, "present.0.key")).isEqualTo(Shape.of(3, kvHeads, 5 + 11, 16));
        assertThat(out(g, "present.1.value")).isEqualTo(Shape.of(3, kvHeads, 5 + 11, 16));
    }

    @ParameterizedTest
    @MethodSource("decoders")
    void namedAxesSetEveryInputThatHasThem(String name, int kvHeads) {
        InputShapes.Request r = InputShapes.Request.NONE.withDim("sequence", 1).withDim("past_sequence", 127)
                .withDim("total_sequence", 128);
        Graph g = infer(model(name), r, null);
        assertThat(out(g, "logits")).isEqualTo(Shape.of(1, 1, 256));
        assertThat(out(g, "present.1.key")).isEqualTo(Shape.of(1, kvHeads, 128, 16));
    }

    @ParameterizedTest
    @MethodSource("decoders")
    void aPrefillIsTheSameGraphWithAnEmptyCache(String name, int kvHeads) {
        Graph g = infer(model(name), InputShapes.Request.NONE.withSequence(9L).withCache(0L), null);
        assertThat(out(g, "present.0.value")).isEqualTo(Shape.of(1, kvHeads, 9, 16));
    }

    @ParameterizedTest
    @ValueSource(strings = {"bert_ts", "bert_dynamo"})
    void anEncoderTakesAnySequenceAndBatch(String name) {
        Graph g = infer(model(name), InputShapes.Request.NONE.withSequence(37L), 4L);
        assertThat(out(g, "last_hidden_state")).isEqualTo(Shape.of(4, 37, 64));
        assertThat(out(g, "pooler_output")).isEqualTo(Shape.of(4, 64));
        Graph whole = infer(model(name), InputShapes.Request.NONE.withInput("input_ids", Shape.of(2, 9))
                .withInput("attention_mask", Shape.of(2, 9)).withInput("token_type_ids", Shape.of(2, 9)), null);
        assertThat(out(whole, "last_hidden_state")).isEqualTo(Shape.of(2, 9, 64));
    }

    @ParameterizedTest
    @ValueSource(strings = {"vit_ts", "vit_dynamo", "swin_ts", "swin_dynamo"})
    void aVisionTransformerTakesAnyBatch(String name) {
        Graph one = infer(model(name), InputShapes.Request.NONE, 1L);
        long tokens = out(one, "last_hidden_state").dims().get(1);
        long hidden = out(one, "pooler_output").dims().get(1);
        Graph eight = infer(model(name), InputShapes.Request.NONE, 8L);
        assertThat(out(eight, "last_hidden_state")).isEqualTo(Shape.of(8, tokens, hidden));
        assertThat(out(eight, "pooler_output")).isEqualTo(Shape.of(8, hidden));
    }

    @ParameterizedTest
    @ValueSource(strings = {"convnext_ts", "convnext_dynamo", "resnet_ts", "resnet_dynamo"})
    void aConvNetTakesAnyImageSize(String name) {
        Graph small = infer(model(name), InputShapes.Request.NONE.withInput("pixel_values", Shape.of(1, 3, 32, 32)),
                null);
        Graph big = infer(model(name), InputShapes.Request.NONE.withInput("pixel_values", Shape.of(1, 3, 64, 64)),
                8L);
        Shape s = out(small, "last_hidden_state");
        // the batch replaces the leading axis of --input too; the feature map doubles with the image
        assertThat(out(big, "last_hidden_state")).isEqualTo(Shape.of(8, s.dim(1), 2 * s.dim(2), 2 * s.dim(3)));
    }

    @Test
    void theDynamoExporterSaysWhatTheOutputShapesAreAndHawkeyeAgrees() {
        // the dynamo exporter writes each output's size as an expression of the input axes (past_sequence +
        // sequence); hawkeye derives the same sizes from the graph alone
        Graph g = infer(model("qwen2_kv_dynamo"), InputShapes.Request.NONE.withDim("batch", 2).withDim("sequence", 3)
                .withDim("past_sequence", 40).withDim("total_sequence", 43), null);
        assertThat(out(g, "present.1.key")).isEqualTo(Shape.of(2, 2, 40 + 3, 16));
        Graph r = infer(model("resnet_dynamo"), InputShapes.Request.NONE.withDim("height", 50).withDim("width", 77),
                null);
        // "(((height - 1)//8)) + 1" and likewise for the width
        assertThat(out(r, "last_hidden_state")).isEqualTo(Shape.of(1, 32, (50 - 1) / 8 + 1, (77 - 1) / 8 + 1));
    }

    @Test
    void anAxisLeftDynamicIsNamedWithHowToSetIt() {
        Graph g = model("bert_ts");
        assertThatThrownBy(() -> InputShapes.resolve(g, "bert_ts.onnx", InputShapes.Request.NONE, 8L))
                .isInstanceOf(ModelException.class)
                .hasMessage("bert_ts.onnx: input 'input_ids' (batchxsequence) has dynamic axis sequence with no "
                        + "size: give it with --dim sequence=N (every input with that axis) or --input input_ids=DIMS");
    }

    @Test
    void anInputTheModelLacksOrOfTheWrongRankIsRefused() {
        Graph g = model("bert_ts");
        assertThatThrownBy(() -> InputShapes.resolve(g, "bert_ts.onnx", InputShapes.Request.NONE
                .withInput("ids", Shape.of(1, 8)), null))
                .hasMessage("bert_ts.onnx: --input ids: the model has no data input named 'ids' (its inputs: "
                        + "input_ids, attention_mask, token_type_ids)");
        assertThatThrownBy(() -> InputShapes.resolve(g, "bert_ts.onnx", InputShapes.Request.NONE
                .withInput("input_ids", Shape.of(1, 8, 1)), null))
                .hasMessage("bert_ts.onnx: --input input_ids=1x8x1: the input has rank 2 (batchxsequence), not 3");
        assertThatThrownBy(() -> InputShapes.resolve(g, "bert_ts.onnx", InputShapes.Request.NONE
                .withDim("seq", 8), null))
                .hasMessage("bert_ts.onnx: --dim seq: no input has a dynamic axis named 'seq' (the file names: "
                        + "batch, sequence)");
    }

    @Test
    void aSequenceNeedsTokenInputsAndACacheNeedsCacheInputs() {
        assertThatThrownBy(() -> InputShapes.resolve(model("vit_ts"), "vit_ts.onnx",
                InputShapes.Request.NONE.withSequence(8L), null)).hasMessageContaining("needs token inputs");
        assertThatThrownBy(() -> InputShapes.resolve(model("bert_ts"), "bert_ts.onnx",
                InputShapes.Request.NONE.withSequence(8L).withCache(8L), null))
                .hasMessageContaining("needs KV-cache inputs (past_key_values.N.key and .value)");
    }

    @Test
    void aSizeTheExporterBakedInIsNamedWhereItStopsANewBatch() {
        // exported without dynamic axes at batch 1: the attention's merge-heads Reshape takes [1, 7, -1] from
        // Constants, so batch 4 squeezes into the last axis and the next MatMul cannot take it
        Graph g = model("bert_static_ts");
        Map<String, Shape> batch4 = InputShapes.resolve(g, "bert_static_ts.onnx", InputShapes.Request.NONE, 4L);
        assertThatThrownBy(() -> ShapeInference.infer(g, "bert_static_ts.onnx", batch4))
                .isInstanceOf(ModelException.class)
                .hasMessageContaining("node '/model/encoder/layer.0/attention/output/dense/MatMul' (MatMul): cannot "
                        + "multiply 1x7x256 by 64x64")
                .hasMessageContaining("node '/model/encoder/layer.0/attention/self/Reshape_3' (Reshape) takes its "
                        + "size [1,7,-1] from literals the exporter baked in at the traced shapes from Constant "
                        + "'/model/Constant_2' = 1, Constant '/model/Constant' = 7")
                .hasMessageEndingWith("re-export with dynamic axes");
    }
}
