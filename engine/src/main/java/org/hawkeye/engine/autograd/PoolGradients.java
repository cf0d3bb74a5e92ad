package org.hawkeye.engine.autograd;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.hawkeye.engine.graph.Shape;

/**
 * Pooling. Max pooling routes each output gradient to the position its window's maximum came from, by the argmax
 * the forward pass computed (CrypTen keeps it as a one-hot: gradients.py AutogradMaxPool2D saves the indices of
 * max_pool2d(return_indices=True)); the IR states this as ONNX's MaxPool Indices output and a MaxUnpool.
 * Average pooling spreads each gradient evenly over its window: a ConvTranspose with a public 1/k kernel
 * (AutogradAvgPool2D.backward); global average pooling expands and divides.
 */
final class PoolGradients {

    private PoolGradients() {
    }

    static void register(Map<String, OpGradient> rules) {
        rules.put("MaxPool", new MaxPool());
        rules.put("AveragePool", PoolGradients::averagePool);
        rules.put("GlobalAveragePool", PoolGradients::globalAveragePool);
    }

    /** The forward MaxPool also emits its optional Indices output (the argmax it computes anyway). */
    private static final class MaxPool implements OpGradient {
        @Override
        public void forward(ForwardContext f) {
            if (!f.outputNeedsGrad()) {
                f.copy();
                return;
            }
            String y = f.node().output(0);
            String indices = f.node().outputs().size() > 1 && !f.node().output(1).isEmpty() ? f.node().output(1)
                    : f.emit().graph().newValue(y + "_indices", f.shape(y));
            f.copy(List.of(y, indices));
            f.save("indices", indices);
        }

        @Override
        public void backward(BackwardContext b) {
            b.gradient(0).ifPresent(e -> {
                Shape x = b.inShape(0);
                ConvGradients.Window win = ConvGradients.Window.of(b.attrs(), x, kernel(b), b.outShape(0));
                b.give(0, e.op("input_grad", "MaxUnpool", List.of(b.outGrad(0), b.saved("indices"),
                        b.graph().ints(x.toArray())), x, "kernel_shape", win.kernel(), "strides", win.strides(),
                        "pads", win.pads()));
            });
        }
    }

    private static long[] kernel(BackwardContext b) {
        return b.attrs().getInts("kernel_shape").orElseThrow().stream().mapToLong(Long::longValue).toArray();
    }

    /** dX = ConvTranspose(dY, public kernel of 1/k per channel, group = C), sized back to the input. */
    private static void averagePool(BackwardContext b) {
        b.gradient(0).ifPresent(e -> {
            Shape x = b.inShape(0);
            long[] kernel = kernel(b);
            ConvGradients.Window win = ConvGradients.Window.of(b.attrs(), x, kernel, b.outShape(0));
            List<Long> kdims = new ArrayList<>(List.of(x.dim(1), 1L));
            for (long k : kernel) {
                kdims.add(k);
            }
            String averaging = b.graph().publicTensor(e.scope() + "/averaging_kernel", new Shape(kdims));
            long[] spatial = Arrays.copyOfRange(x.toArray(), 2, x.rank());
            b.give(0, e.op("input_grad", "ConvTranspose", List.of(b.outGrad(0), averaging), x,
                    "strides", win.strides(), "pads", win.pads(), "group", x.dim(1), "output_shape", spatial));
        });
    }

    /** dX = expand(dY) / (spatial elements): sums and a public division, local in every framework. */
    private static void globalAveragePool(BackwardContext b) {
        b.gradient(0).ifPresent(e -> {
            Shape x = b.inShape(0);
            String spread = e.op("grad_expanded", "Expand", List.of(b.outGrad(0), b.graph().ints(x.toArray())), x);
            long window = x.numel() / (x.dim(0) * x.dim(1));
            b.give(0, e.op("input_grad", "Div", List.of(spread, b.graph().scalar(window)), x));
        });
    }
}
