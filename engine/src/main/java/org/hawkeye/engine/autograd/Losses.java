package org.hawkeye.engine.autograd;

import java.util.List;
import org.hawkeye.engine.graph.DataType;
import org.hawkeye.engine.graph.Shape;
import org.hawkeye.engine.graph.TensorData;
import org.hawkeye.specs.ProfilerException;

/**
 * The loss after the model output, in the forward phase under {@code /loss/forward}, and its gradient under
 * {@code /loss/backward}. The target is the data holder's secret input. The gradient starts from the seed
 * dL/dL = 1, a public Constant node with role "loss_seed"; a framework that encrypts it (CrypTen's backward()
 * shares torch.ones) marks it secret in its rules. Both losses average over the batch as CrypTen's do
 * (crypten/nn/loss.py, gradients.py AutogradCrossEntropy).
 */
final class Losses {
    static final String SCOPE = "/loss";

    private Losses() {
    }

    /** The loss value and the gradient of the model output. */
    record Appended(String loss, String outputGrad) {
    }

    static Appended append(GraphEditor g, String output, TrainingOptions.Loss loss) {
        Shape y = g.shape(output);
        Emitter forward = new Emitter(g, SCOPE + "/forward", StepPhase.FORWARD, null, true);
        Emitter backward = new Emitter(g, SCOPE + "/backward", StepPhase.BACKWARD, loss.label(), true);
        return switch (loss) {
            case CROSS_ENTROPY -> crossEntropy(g, output, y, forward, backward);
            case MSE -> mse(g, output, y, forward, backward);
        };
    }

    /**
     * Softmax over the classes, log, product with the one-hot target, sum and division by -N (AutogradCrossEntropy:
     * softmax.log().mul_(target).neg_().sum().div_(N)). Gradient: (softmax - target) / N times the seed. The classes
     * are the last axis and every leading axis is batch, so a [batch, classes] output is the usual case and a
     * transformer's [batch, seq, hidden] output is a per-token classification over its last axis (as a language
     * model's loss flattens its logits to [batch * seq, vocab]); N counts the rows.
     */
    private static Appended crossEntropy(GraphEditor g, String output, Shape y, Emitter f, Emitter b) {
        if (y.rank() < 2) {
            throw new ProfilerException(g.fileName(), "--loss cross_entropy needs an output with a class axis "
                    + "([batch, classes], or [..., classes] with the leading axes as batch), but output '" + output
                    + "' is " + y + " (use --loss mse)");
        }
        int classes = y.rank() - 1;
        long n = y.numel() / y.dim(classes);
        String target = g.secretInput("target", y, true);
        String probs = f.op("softmax", "Softmax", List.of(output), y, "axis", (long) classes);
        String logs = f.op("log", "Log", List.of(probs), y);
        String picked = f.op("target_mul", "Mul", List.of(logs, target), y);
        long[] all = new long[y.rank()];
        for (int i = 0; i < all.length; i++) {
            all[i] = i;
        }
        String total = f.op("sum", "ReduceSum", List.of(picked, g.ints(all)), Shape.SCALAR, "keepdims", 0L);
        String lossValue = f.op("mean", "Div", List.of(total, g.scalar(-n)), Shape.SCALAR);

        String seed = seed(b);
        String diff = b.op("softmax_minus_target", "Sub", List.of(probs, target), y);
        String mean = b.op("batch_mean", "Div", List.of(diff, g.scalar(n)), y);
        return new Appended(lossValue, b.op("output_grad", "Mul", List.of(mean, seed), y));
    }

    /**
     * (y - target)^2 summed and divided by the element count (MSELoss: (x - y).square().mean()). Gradient through
     * the same autograd chain: the seed spread by the mean, times 2 (y - target).
     */
    private static Appended mse(GraphEditor g, String output, Shape y, Emitter f, Emitter b) {
        long n = y.numel();
        String target = g.secretInput("target", y, true);
        String diff = f.op("difference", "Sub", List.of(output, target), y);
        String squared = f.op("squared", "Pow", List.of(diff, g.scalar(2)), y);
        long[] all = new long[y.rank()];
        for (int i = 0; i < all.length; i++) {
            all[i] = i;
        }
        String total = f.op("sum", "ReduceSum", List.of(squared, g.ints(all)), Shape.SCALAR, "keepdims", 0L);
        String lossValue = f.op("mean", "Div", List.of(total, g.scalar(n)), Shape.SCALAR);

        String seed = seed(b);
        String spread = b.op("mean_grad", "Expand", List.of(seed, g.ints(y.toArray())), y);
        String perElement = b.op("mean_grad_scale", "Div", List.of(spread, g.scalar(n)), y);
        String twice = b.op("twice_difference", "Mul", List.of(diff, g.scalar(2)), y);
        return new Appended(lossValue, b.op("output_grad", "Mul", List.of(perElement, twice), y));
    }

    private static String seed(Emitter b) {
        return b.op("loss_seed", "Constant", List.of(), Shape.SCALAR,
                "value", TensorData.ofDoubles(DataType.FLOAT, Shape.SCALAR, 1.0));
    }
}
