package org.hawkeye.engine.autograd;

import java.util.Locale;
import org.hawkeye.specs.ProfilerException;

/**
 * What one training step consists of: the loss appended after the model's output and the optimizer that updates
 * every trainable weight. The learning rate and the optimizers' constants are public scalars; their values do not
 * change any cost, only that they are public does.
 */
public record TrainingOptions(Loss loss, Optimizer optimizer) {

    /** Losses hawkeye appends after the model output. */
    public enum Loss {
        /** Softmax over the classes, log, product with the one-hot target, mean over the batch. */
        CROSS_ENTROPY,
        /** Mean of the squared difference with a target of the output's shape. */
        MSE;

        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }

        public static Loss parse(String s) {
            for (Loss l : values()) {
                if (l.label().equals(s)) {
                    return l;
                }
            }
            throw new ProfilerException("", "--loss must be cross_entropy or mse, not '" + s + "'");
        }
    }

    /** Optimizers hawkeye appends after the backward pass, one update per trainable weight. */
    public enum Optimizer {
        /** w -= lr * g. */
        SGD,
        /** v = mu * v + g; w -= lr * v (PyTorch's and CrypTen's form). */
        MOMENTUM,
        /** Adam: moment estimates, bias correction, w -= lr * m_hat / (sqrt(v_hat) + eps). */
        ADAM;

        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }

        public static Optimizer parse(String s) {
            for (Optimizer o : values()) {
                if (o.label().equals(s)) {
                    return o;
                }
            }
            throw new ProfilerException("", "--optimizer must be sgd, momentum or adam, not '" + s + "'");
        }
    }

    public static final TrainingOptions DEFAULT = new TrainingOptions(Loss.CROSS_ENTROPY, Optimizer.SGD);

    public TrainingOptions withLoss(Loss l) {
        return new TrainingOptions(l, optimizer);
    }

    public TrainingOptions withOptimizer(Optimizer o) {
        return new TrainingOptions(loss, o);
    }
}
