package org.hawkeye.engine.autograd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hawkeye.engine.autograd.Net.find;
import static org.hawkeye.engine.autograd.Net.shapeOf;

import java.util.List;
import org.hawkeye.engine.ProfileOptions;
import org.hawkeye.engine.ProfileResult;
import org.hawkeye.engine.Profiler;
import org.hawkeye.engine.cost.Cost;
import org.hawkeye.engine.graph.Graph;
import org.hawkeye.engine.graph.Node;
import org.hawkeye.engine.graph.Shape;
import org.junit.jupiter.api.Test;

/** Gather, Slice, Split, Expand, Where: gradients put dY back where the forward op took it from. */
class IndexingGradientsTest {
    private static final TrainingOptions MSE = TrainingTests.MSE;
    private static final Profiler profiler = TrainingTests.PROFILER;

    private static ProfileResult crypten(Net net) {
        return profiler.profile(net.build(), "net", ProfileOptions.of("crypten").withTraining(MSE));
    }

    /** x [2, 4] @ W [4, 6]. */
    private static Net linear() {
        return new Net().input("x", 2, 4).weight("w", 4, 6).node("/fc/MatMul", "MatMul", List.of("x", "w"));
    }

    @Test
    void anEmbeddingOfSecretIdsScattersEachRowOfTheGradientToTheRowItsIdNames() {
        // a table of 10 rows of 4, looked up by the data holder's ids [2, 3]
        Net embed = new Net().intInput("ids", 2, 3).weight("table", 10, 4)
                .node("/emb/Gather", "Gather", List.of("table", "ids"));
        Graph t = embed.train(MSE);
        Node dw = find(t, "/emb/backward/weight_grad");
        assertThat(dw.opType()).isEqualTo("ScatterND");
        assertThat(dw.attributes().getString("reduction", "")).isEqualTo("add");
        // positions: the ids with a unit axis, [2, 3, 1]; updates dY [2, 3, 4]; result the table's [10, 4]
        assertThat(shapeOf(t, dw.input(1))).isEqualTo(Shape.of(2, 3, 1));
        assertThat(find(t, "/emb/backward/row_positions").inputs().get(0)).isEqualTo("ids");
        assertThat(shapeOf(t, dw.input(2))).isEqualTo(Shape.of(2, 3, 4));
        assertThat(shapeOf(t, dw.output(0))).isEqualTo(Shape.of(10, 4));
        // CrypTen cannot index with secret ids; under the default embedding policy the data holder one-hot encodes
        // them, so the profile trains the lookup as a product (and its gradient as the one-hot's transpose times
        // dY): nothing is left uncosted
        ProfileResult r = crypten(embed);
        assertThat(r.unsupported()).isEmpty();
        assertThat(r.embedding()).isEqualTo(new ProfileResult.Embedding("onehot", 1));
    }

    @Test
    void aGatherAtAPublicPositionScattersTheGradientLocally() {
        // the class token of [2, 3, 6] tokens: Gather(index 0, axis 1) -> [2, 6]
        Net cls = linear().ints("shape", 2, 3, 2).ints("idx", 0)
                .node("/t/Reshape", "Reshape", List.of(Net.out("/fc/MatMul"), "shape"))
                .node("/cls/Gather", "Gather", List.of(Net.out("/t/Reshape"), "idx"), "axis", 1L);
        Graph t = cls.train(MSE);
        Node dx = find(t, "/cls/backward/weight_grad");
        // index tuples over axes 0 and 1: [2, 1, 2]
        assertThat(shapeOf(t, dx.input(1))).isEqualTo(Shape.of(2, 1, 2));
        assertThat(shapeOf(t, dx.output(0))).isEqualTo(Shape.of(2, 3, 2));
        assertThat(CryptenTrainingTest.at(crypten(cls), "/cls/backward/weight_grad").total()).isEqualTo(Cost.ZERO);
    }

    @Test
    void aSliceScattersItsGradientBackToTheSlicedPositions() {
        // columns 1..4 of [2, 6] -> [2, 3]
        Net slice = linear().ints("starts", 1).ints("ends", 4).ints("axes", 1)
                .node("/s/Slice", "Slice", List.of(Net.out("/fc/MatMul"), "starts", "ends", "axes"));
        Graph t = slice.train(MSE);
        Node dx = find(t, "/s/backward/input_grad");
        assertThat(dx.opType()).isEqualTo("ScatterND");
        // one index tuple of rank 2 per element of dY [2, 3]
        assertThat(shapeOf(t, dx.input(1))).isEqualTo(Shape.of(2, 3, 2));
        assertThat(shapeOf(t, dx.output(0))).isEqualTo(Shape.of(2, 6));
        assertThat(CryptenTrainingTest.at(crypten(slice), "/s/backward/input_grad").total()).isEqualTo(Cost.ZERO);
    }

    @Test
    void aSplitConcatenatesItsOutputsGradientsWithZerosForAnUnusedOne() {
        // [2, 6] split into [2, 2] and [2, 4] along axis 1; only the first is used
        Graph t = linear().ints("sizes", 2, 4)
                .nodeWithOutputs("/s/Split", "Split", List.of(Net.out("/fc/MatMul"), "sizes"), 2, "axis", 1L)
                .node("/s/Identity", "Identity", List.of("/s/Split_output_0")).train(MSE);
        Node dx = find(t, "/s/backward/input_grad");
        assertThat(dx.opType()).isEqualTo("Concat");
        assertThat(shapeOf(t, dx.input(1))).isEqualTo(Shape.of(2, 4));
        assertThat(shapeOf(t, dx.output(0))).isEqualTo(Shape.of(2, 6));
    }

    @Test
    void anExpandedWeightGetsTheGradientSummedOverTheBroadcastAxes() {
        // a [1, 6] token broadcast to the batch of 2
        Graph t = linear().weight("token", 1, 6).ints("to", 2, 6)
                .node("/cls/Expand", "Expand", List.of("token", "to"))
                .node("/cls/Add", "Add", List.of(Net.out("/fc/MatMul"), Net.out("/cls/Expand"))).train(MSE);
        Node summed = find(t, "/cls/backward/input_grad");
        assertThat(summed.opType()).isEqualTo("ReduceSum");
        assertThat(shapeOf(t, summed.output(0))).isEqualTo(Shape.of(1, 6));
    }

    @Test
    void whereRoutesTheGradientToTheOperandItSelected() {
        // masked fill: where(x > 0, y, -1e4) on [2, 6]
        Graph t = linear().scalar("zero", 0).scalar("fill", -1e4)
                .node("/m/Greater", "Greater", List.of(Net.out("/fc/MatMul"), "zero"))
                .node("/m/Where", "Where", List.of(Net.out("/m/Greater"), Net.out("/fc/MatMul"), "fill")).train(MSE);
        Node dx = find(t, "/m/backward/input_grad");
        assertThat(dx.opType()).isEqualTo("Where");
        assertThat(dx.input(0)).isEqualTo(Net.out("/m/Greater"));
        assertThat(shapeOf(t, dx.output(0))).isEqualTo(Shape.of(2, 6));
        // the fill value is a constant: its gradient is computed only by frameworks that compute every operand's
        assertThat(find(t, "/m/backward/other_grad").attributes().getInt(TrainingAttributes.NEEDED, 1)).isEqualTo(0);
    }
}
