package org.hawkeye.engine.shapes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hawkeye.engine.graph.DataType.FLOAT;
import static org.hawkeye.engine.shapes.GraphBuilder.names;

import org.hawkeye.engine.graph.Shape;
import org.junit.jupiter.api.Test;

class MatMulShapesTest {

    private static Shape matMul(long[] a, long[] b) {
        return new GraphBuilder().input("a", FLOAT, a).weight("b", FLOAT, b)
                .node("MatMul", names("a", "b"), names("y")).shapeOf("y");
    }

    private static Shape gemm(long[] a, long[] b, Object... attributes) {
        return new GraphBuilder().input("a", FLOAT, a).weight("b", FLOAT, b)
                .node("Gemm", names("a", "b"), names("y"), attributes).shapeOf("y");
    }

    @Test
    void plainMatrixProduct() {
        assertThat(matMul(new long[] {1, 100}, new long[] {100, 10})).isEqualTo(Shape.of(1, 10));
    }

    @Test
    void batchedAttentionScores() {
        // Q K^T in BERT: [1,12,128,64] x [1,12,64,128]
        assertThat(matMul(new long[] {1, 12, 128, 64}, new long[] {1, 12, 64, 128})).isEqualTo(Shape.of(1, 12, 128, 128));
    }

    @Test
    void batchDimensionsBroadcast() {
        // A linear layer on a 3-D activation: the 2-D weight broadcasts over the batch.
        assertThat(matMul(new long[] {1, 128, 768}, new long[] {768, 3072})).isEqualTo(Shape.of(1, 128, 3072));
        assertThat(matMul(new long[] {2, 1, 3, 4}, new long[] {5, 4, 6})).isEqualTo(Shape.of(2, 5, 3, 6));
    }

    @Test
    void oneDimensionalOperandsLoseTheirAddedAxis() {
        assertThat(matMul(new long[] {4}, new long[] {4, 6})).isEqualTo(Shape.of(6));
        assertThat(matMul(new long[] {3, 4}, new long[] {4})).isEqualTo(Shape.of(3));
        assertThat(matMul(new long[] {4}, new long[] {4})).isEqualTo(Shape.SCALAR);
        assertThat(matMul(new long[] {2, 3, 4}, new long[] {4})).isEqualTo(Shape.of(2, 3));
    }

    @Test
    void innerDimensionMismatchIsReported() {
        assertThatThrownBy(() -> matMul(new long[] {3, 4}, new long[] {5, 6})).hasMessage(
                "test.onnx: node 'MatMul_0' (MatMul): cannot multiply 3x4 by 5x6 (inner dimensions 4 and 5 differ)");
        assertThatThrownBy(() -> matMul(new long[] {2, 3, 4}, new long[] {3, 4, 5})).hasMessageEndingWith(
                "cannot multiply 2x3x4 by 3x4x5 (batch dimensions 2 and 3 do not broadcast)");
    }

    @Test
    void gemmHonoursTransposes() {
        // torch Linear(256 -> 120) exports as Gemm with transB=1 and weight 120x256
        assertThat(gemm(new long[] {1, 256}, new long[] {120, 256}, "transB", 1)).isEqualTo(Shape.of(1, 120));
        assertThat(gemm(new long[] {256, 1}, new long[] {256, 120}, "transA", 1)).isEqualTo(Shape.of(1, 120));
    }

    @Test
    void gemmErrorsNameTheTransposedShapes() {
        assertThatThrownBy(() -> gemm(new long[] {1, 256}, new long[] {256, 120}, "transB", 1)).hasMessageEndingWith(
                "cannot multiply 1x256 by 120x256 (inner dimensions 256 and 120 differ; after transA=0, transB=1)");
        assertThatThrownBy(() -> gemm(new long[] {1, 2, 3}, new long[] {3, 4}))
                .hasMessageEndingWith("Gemm needs 2-D operands, got 1x2x3 and 3x4");
    }

    @Test
    void gemmBiasMustBroadcastToTheResult() {
        assertThatThrownBy(() -> new GraphBuilder().input("a", FLOAT, 2, 3).weight("b", FLOAT, 3, 4)
                .weight("c", FLOAT, 3).node("Gemm", names("a", "b", "c"), names("y")).infer())
                .hasMessageEndingWith("Gemm bias C 3 does not broadcast to the 2x4 result");
    }
}
