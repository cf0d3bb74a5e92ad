package org.hawkeye.engine.shapes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hawkeye.engine.graph.DataType.FLOAT;
import static org.hawkeye.engine.graph.DataType.INT64;
import static org.hawkeye.engine.shapes.GraphBuilder.longs;
import static org.hawkeye.engine.shapes.GraphBuilder.names;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.hawkeye.engine.graph.Graph;
import org.hawkeye.engine.graph.Node;
import org.hawkeye.engine.graph.Shape;
import org.hawkeye.engine.onnx.OnnxImporter;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * TorchScript exports of transformers compute Reshape targets at run time from Shape -> Gather -> Unsqueeze ->
 * Concat chains; folding them is what makes attention shapes static.
 */
class TransformerChainTest {

    /** BERT's head split, as the exporter writes it (opset 17: Unsqueeze axes as an input). */
    private static GraphBuilder headSplit(long batch, long seq) {
        return new GraphBuilder(17).input("h", FLOAT, batch, seq, 768)
                .scalar("zero", 0).scalar("one", 1).ints("axes0", 0).ints("heads", 12).ints("headSize", 64)
                .node("Shape", names("h"), names("s"))
                .node("Gather", names("s", "zero"), names("b"), "axis", 0)
                .node("Shape", names("h"), names("s2"))
                .node("Gather", names("s2", "one"), names("l"), "axis", 0)
                .node("Unsqueeze", names("b", "axes0"), names("b1"))
                .node("Unsqueeze", names("l", "axes0"), names("l1"))
                .node("Concat", names("b1", "l1", "heads", "headSize"), names("target"), "axis", 0)
                .node("Reshape", names("h", "target"), names("split"))
                .node("Transpose", names("split"), names("q"), "perm", longs(0, 2, 1, 3));
    }

    @Test
    void headSplitTargetIsFolded() {
        Graph g = headSplit(1, 128).infer();
        assertThat(g.value("target").data().toLongs()).containsExactly(1, 128, 12, 64);
        assertThat(g.value("q").shape()).isEqualTo(Shape.of(1, 12, 128, 64));
    }

    @Test
    void foldedTargetsFollowTheInputShape() {
        // Nothing is copied from the declared shapes: a different batch flows through the chain.
        Graph g = headSplit(1, 128).build();
        ShapeInference.infer(g, GraphBuilder.FILE, Map.of("h", Shape.of(4, 32, 768)));
        assertThat(g.value("target").data().toLongs()).containsExactly(4, 32, 12, 64);
        assertThat(g.value("q").shape()).isEqualTo(Shape.of(4, 12, 32, 64));
    }

    @Test
    void bertAttentionShapes() {
        String shared = System.getProperty("hawkeye.shared.dir");
        Path file = shared == null ? null : Path.of(shared, "models", "bert_base.onnx");
        Assumptions.assumeTrue(file != null && Files.exists(file), "bert_base.onnx not available");
        Graph g = ShapeInference.infer(OnnxImporter.read(file), "bert_base.onnx");
        Node softmax = g.nodes().stream().filter(n -> n.opType().equals("Softmax")).findFirst().orElseThrow();
        // 12 heads, 128 x 128 scores
        assertThat(g.value(softmax.output(0)).shape()).isEqualTo(Shape.of(1, 12, 128, 128));
        assertThat(g.value(g.outputs().get(0)).shape()).isEqualTo(Shape.of(1, 128, 768));
        assertThat(g.value("input_ids").dataType()).isEqualTo(INT64);
        // Every Reshape target in the file was folded, so every activation has a shape.
        assertThat(g.nodes().stream().filter(n -> n.opType().equals("Reshape")))
                .allSatisfy(n -> assertThat(g.value(n.input(1)).hasData()).isTrue());
    }

    @Test
    void aBatchOverrideOnATracedBertNamesTheLikelyCause() {
        // The TorchScript trace stored batch 1 and length 128 as Constants feeding the Reshape targets, so a
        // batch of 4 cannot flow through; the error names the Reshape and its Constants instead of only the MatMul
        // that breaks.
        String shared = System.getProperty("hawkeye.shared.dir");
        Path file = shared == null ? null : Path.of(shared, "models", "bert_base.onnx");
        Assumptions.assumeTrue(file != null && Files.exists(file), "bert_base.onnx not available");
        Graph g = OnnxImporter.read(file);
        assertThatThrownBy(() -> ShapeInference.infer(g, "bert_base.onnx",
                Map.of("input_ids", Shape.of(4, 128), "attention_mask", Shape.of(4, 128))))
                .hasMessageContaining("cannot multiply 1x128x3072 by 768x768")
                .hasMessageContaining("node '/bert/encoder/layer.0/attention/self/Reshape_3' (Reshape) takes its size "
                        + "[1,128,-1] from literals the exporter baked in at the traced shapes from Constant "
                        + "'/bert/Constant_2' = 1, Constant '/bert/Constant' = 128")
                .hasMessageEndingWith("re-export with dynamic axes");
    }
}
