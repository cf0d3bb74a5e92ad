package org.hawkeye.engine.autograd;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.hawkeye.engine.ProfileOptions;
import org.hawkeye.engine.Profiler;
import org.hawkeye.engine.RewrittenProfile;
import org.hawkeye.engine.cost.Cost;
import org.hawkeye.engine.lowering.Rewrite;
import org.hawkeye.engine.tree.TreeNode;
import org.junit.jupiter.api.Test;

/**
 * --rewrite with --mode training: the forward graph is rewritten first and the rewritten graph differentiated, so
 * a ReLU made 0.125 x^2 + 0.25 x + 0.5 is trained through its products (CrypTen's AutogradMul: dY * other for
 * each operand), not through a ReLU mask.
 */
class RewriteThenTrainTest {
    private static final TrainingOptions MSE = TrainingTests.MSE;
    private static final long OPEN = 2 * 64;
    private static final Profiler profiler = TrainingTests.PROFILER;

    /** x [2, 4] @ W [4, 6] -> ReLU over 12 elements. */
    private static Net net() {
        return new Net().input("x", 2, 4).weight("w", 4, 6).node("/fc/MatMul", "MatMul", List.of("x", "w"))
                .node("/act/Relu", "Relu", List.of(Net.out("/fc/MatMul")));
    }

    @Test
    void aReluMadeQuadraticIsDifferentiatedAsItsProducts() {
        RewrittenProfile p = profiler.profile(net().build(), "net", ProfileOptions.of("crypten").withTraining(MSE),
                List.of(Rewrite.everywhere("relu", "quad")));
        List<TreeNode> ops = p.result().tree().ops();
        assertThat(ops).noneMatch(o -> o.detail().equals("Relu"));
        assertThat(ops).noneMatch(o -> o.name().startsWith("relu_mask"));
        // the square x * x, made by the rewrite, runs in the forward pass and keeps its origin
        TreeNode square = CryptenTrainingTest.at(p.result(), "/act/Relu/quad/forward/Mul");
        assertThat(square.origin()).isEqualTo("Relu to a quadratic polynomial");
        assertThat(square.total()).isEqualTo(Cost.online(OPEN * (12 + 12), 1));
        // backward, in CrypTen's AutogradMul way (dY * other for every operand, constants included): the square
        // x * x gives dY * x twice, and x * 0.25 and x^2 * 0.125 each give one product with the public factor
        // (local) and one for the constant's own gradient, dY * x and dY * x^2: four Beaver muls of 12 by 12
        assertThat(CryptenTrainingTest.at(p.result(), "/act/Relu/quad/backward").total())
                .isEqualTo(Cost.online(4 * OPEN * (12 + 12), 4));
        assertThat(p.rewrites().matches("relu=quad")).isEqualTo(1);
        assertThat(p.result().complete()).isTrue();
        Cost sum = p.result().training().phases().values().stream().reduce(Cost.ZERO, Cost::plus);
        assertThat(sum).isEqualTo(p.result().total());
    }
}
