package org.hawkeye.engine.autograd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hawkeye.engine.autograd.Net.find;
import static org.hawkeye.engine.autograd.Net.shapeOf;

import java.util.List;
import org.hawkeye.engine.graph.Graph;
import org.hawkeye.engine.graph.Node;
import org.hawkeye.engine.graph.Shape;
import org.hawkeye.engine.graph.ValueKind;
import org.hawkeye.specs.ProfilerException;
import org.junit.jupiter.api.Test;

/** The training step as a whole: naming by phase and module, the losses, the optimizers, and bad inputs. */
class TrainingGraphTest {

    /** x [8, 20] -> Gemm (W [10, 20], b [10], transB) -> Relu -> Gemm (W2 [3, 10]) -> logits [8, 3]. */
    private static Net mlp() {
        return new Net().input("x", 8, 20).weight("fc1.weight", 10, 20).weight("fc1.bias", 10)
                .weight("fc2.weight", 3, 10)
                .node("/fc1/Gemm", "Gemm", List.of("x", "fc1.weight", "fc1.bias"), "transB", 1L)
                .node("/act/Relu", "Relu", List.of(Net.out("/fc1/Gemm")))
                .node("/fc2/Gemm", "Gemm", List.of(Net.out("/act/Relu"), "fc2.weight"), "transB", 1L);
    }

    private static String phase(Node n) {
        return n.attributes().getString(TrainingAttributes.PHASE, "");
    }

    @Test
    void everyNodeIsNamedUnderItsModuleAndPhase() {
        Graph t = mlp().train(TrainingOptions.DEFAULT);
        assertThat(t.nodes()).allSatisfy(n -> assertThat(n.name().split("/")).contains(phase(n)));
        assertThat(find(t, "/fc1/forward/Gemm").opType()).isEqualTo("Gemm");
        assertThat(phase(find(t, "/fc1/backward/weight_grad"))).isEqualTo("backward");
        assertThat(phase(find(t, "/update/fc1.weight/lr_mul"))).isEqualTo("update");
        // each of the 3 weights gets an update; the data input gets none
        assertThat(t.nodes().stream().filter(n -> n.name().endsWith("/step")).map(Node::name))
                .containsExactly("/update/fc1.weight/step", "/update/fc1.bias/step", "/update/fc2.weight/step");
    }

    @Test
    void aNodeWithoutAModulePathBecomesItsOwnModule() {
        // the dynamo exporter names nodes node_conv2d, node_relu...: no module path
        Graph t = new Net().input("x", 2, 4).weight("w", 4, 3).node("node_matmul", "MatMul", List.of("x", "w"))
                .train(TrainingOptions.DEFAULT);
        assertThat(find(t, "/node_matmul/forward/MatMul").opType()).isEqualTo("MatMul");
        assertThat(find(t, "/node_matmul/backward/weight_grad").opType()).isEqualTo("MatMul");
    }

    @Test
    void crossEntropyIsSoftmaxLogTargetProductAndMeanWithItsGradientFromTheSeed() {
        Graph t = mlp().train(TrainingOptions.DEFAULT);
        // the data holder's one-hot target is a second data input of the logits' shape
        assertThat(t.inputs()).containsExactly("x", "target");
        assertThat(shapeOf(t, "target")).isEqualTo(Shape.of(8, 3));
        assertThat(find(t, "/loss/forward/softmax").attributes().getInt("axis", -1)).isEqualTo(1);
        assertThat(find(t, "/loss/forward/log").opType()).isEqualTo("Log");
        assertThat(find(t, "/loss/forward/target_mul").inputs()).contains("target");
        // the loss is the sum divided by -N = -8
        Node mean = find(t, "/loss/forward/mean");
        assertThat(t.value(mean.input(1)).data().doubleAt(0)).isEqualTo(-8.0);
        assertThat(t.outputs()).containsExactly(mean.output(0));
        assertThat(shapeOf(t, mean.output(0))).isEqualTo(Shape.SCALAR);
        // gradient: (softmax - target) / 8, times the seed dL/dL = 1 (a Constant of role loss_seed)
        Node seed = find(t, "/loss/backward/loss_seed");
        assertThat(seed.opType()).isEqualTo("Constant");
        assertThat(find(t, "/loss/backward/output_grad").inputs()).contains(seed.output(0));
        assertThat(find(t, "/loss/backward/softmax_minus_target").attributes()
                .getString(TrainingAttributes.GRAD_OF, "")).isEqualTo("cross_entropy");
    }

    @Test
    void meanSquaredErrorSquaresTheDifferenceAndDoublesItInTheGradient() {
        Graph t = mlp().train(TrainingOptions.DEFAULT.withLoss(TrainingOptions.Loss.MSE));
        assertThat(find(t, "/loss/forward/squared").opType()).isEqualTo("Pow");
        // mean over 8 x 3 = 24 elements
        assertThat(t.value(find(t, "/loss/forward/mean").input(1)).data().doubleAt(0)).isEqualTo(24.0);
        Node twice = find(t, "/loss/backward/twice_difference");
        assertThat(twice.input(0)).isEqualTo(find(t, "/loss/forward/difference").output(0));
        assertThat(shapeOf(t, find(t, "/loss/backward/output_grad").output(0))).isEqualTo(Shape.of(8, 3));
    }

    @Test
    void sgdMomentumAndAdamUpdateEveryWeightWithTheirOwnOps() {
        Graph sgd = mlp().train(TrainingOptions.DEFAULT);
        assertThat(sgd.nodes().stream().filter(n -> n.name().startsWith("/update/fc2.weight/")).map(Node::opType))
                .containsExactly("Mul", "Sub");

        Graph momentum = mlp().train(TrainingOptions.DEFAULT.withOptimizer(TrainingOptions.Optimizer.MOMENTUM));
        // the velocity left secret by earlier steps is a secret input, but not a data input (no batch axis)
        assertThat(momentum.value("fc2.weight.momentum_buffer").kind()).isEqualTo(ValueKind.INPUT);
        assertThat(momentum.inputs()).doesNotContain("fc2.weight.momentum_buffer");
        assertThat(momentum.nodes().stream().filter(n -> n.name().startsWith("/update/fc2.weight/"))
                .map(Node::opType)).containsExactly("Mul", "Add", "Mul", "Sub");

        Graph adam = mlp().train(TrainingOptions.DEFAULT.withOptimizer(TrainingOptions.Optimizer.ADAM));
        List<String> ops = adam.nodes().stream().filter(n -> n.name().startsWith("/update/fc2.weight/"))
                .map(Node::opType).toList();
        // the square of the gradient, the square root and the division by a secret are Adam's costly parts
        assertThat(ops).contains("Pow", "Sqrt").filteredOn("Div"::equals).hasSize(3);
        assertThat(shapeOf(adam, find(adam, "/update/fc2.weight/step").output(0))).isEqualTo(Shape.of(3, 10));
    }

    @Test
    void theForwardGraphIsLeftAsItWas() {
        Graph forward = mlp().build();
        int nodes = forward.nodes().size();
        TrainingGraph.build(forward, Net.FILE, TrainingOptions.DEFAULT);
        assertThat(forward.nodes()).hasSize(nodes);
        assertThat(forward.value(Net.out("/fc2/Gemm")).shape()).isEqualTo(Shape.of(8, 3));
    }

    @Test
    void aModelWithoutTrainableWeightsIsAnError() {
        Net relu = new Net().input("x", 2, 5).node("/act/Relu", "Relu", List.of("x"));
        assertThatThrownBy(() -> relu.train(TrainingOptions.DEFAULT)).isInstanceOf(ProfilerException.class)
                .hasMessage("net.onnx: --mode training: the model has no trainable weight (no floating-point "
                        + "initializer feeds a layer), so a training step has nothing to update");
    }

    @Test
    void crossEntropyTakesTheLastAxisAsClassesAndEveryLeadingAxisAsBatch() {
        // a [2, 3, 5] output (batch 2, 3 tokens, 5 classes): 6 rows of 5
        Net tokens = new Net().input("x", 2, 3, 4).weight("w", 4, 5).node("/fc/MatMul", "MatMul", List.of("x", "w"));
        Graph t = tokens.train(TrainingOptions.DEFAULT);
        assertThat(find(t, "/loss/forward/softmax").attributes().getInt("axis", 0)).isEqualTo(2);
        assertThat(shapeOf(t, "target")).isEqualTo(Shape.of(2, 3, 5));
        // the loss and its gradient divide by the 2 * 3 = 6 rows
        Node mean = find(t, "/loss/backward/batch_mean");
        assertThat(t.value(mean.input(1)).data().doubleAt(0)).isEqualTo(6.0);
    }

    @Test
    void crossEntropyOnAnOutputWithoutAClassAxisIsAnError() {
        Net vector = new Net().input("x", 5).weight("w", 5).node("/scale/Mul", "Mul", List.of("x", "w"));
        assertThatThrownBy(() -> vector.train(TrainingOptions.DEFAULT)).isInstanceOf(ProfilerException.class)
                .hasMessage("net.onnx: --loss cross_entropy needs an output with a class axis ([batch, classes], or "
                        + "[..., classes] with the leading axes as batch), but output '/scale/Mul_output_0' is 5 "
                        + "(use --loss mse)");
        // the same model trains with MSE
        assertThat(vector.train(TrainingOptions.DEFAULT.withLoss(TrainingOptions.Loss.MSE)).nodes()).isNotEmpty();
    }

    @Test
    void anOpWithoutABackwardRuleOnTheGradientPathIsAnErrorNamingTheNode() {
        Net sin = mlp().node("/act/Sin", "Sin", List.of(Net.out("/fc2/Gemm")));
        assertThatThrownBy(() -> sin.train(TrainingOptions.DEFAULT)).isInstanceOf(ProfilerException.class)
                .hasMessageStartingWith("net.onnx: node '/act/Sin' (Sin): --mode training: no backward rule for "
                        + "op type Sin (hawkeye differentiates Add, AveragePool, BatchNormalization");
    }
}
