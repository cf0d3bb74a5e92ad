package org.hawkeye.engine.autograd;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.hawkeye.engine.graph.Attributes;
import org.hawkeye.engine.graph.Shape;

/**
 * Conv (1-D and 2-D, any stride, padding, dilation and groups). The input gradient is a ConvTranspose of dY with
 * the same kernel; the weight gradient is a Conv with the roles swapped: the input's channels become the batch,
 * dY's batch becomes the kernel's input channels, and stride and dilation trade places, as PyTorch's
 * conv2d_weight and CrypTen's AutogradConv2D.backward compute it. The bias gradient sums dY per channel.
 */
final class ConvGradients {

    private ConvGradients() {
    }

    static void register(Map<String, OpGradient> rules) {
        rules.put("Conv", ConvGradients::conv);
    }

    /** Stride, dilation and explicit begin/end pads of a convolution, per spatial axis. */
    record Window(long[] kernel, long[] strides, long[] dilations, long[] padBegin, long[] padEnd) {

        /** The window of a Conv or pool node, with auto_pad turned into the pads it implies for these shapes. */
        static Window of(Attributes a, Shape x, long[] kernel, Shape y) {
            int sp = x.rank() - 2;
            long[] strides = ints(a, "strides", sp, 1);
            long[] dilations = ints(a, "dilations", sp, 1);
            long[] begin = new long[sp];
            long[] end = new long[sp];
            String autoPad = a.getString("auto_pad", "NOTSET");
            long[] pads = a.getInts("pads").map(l -> l.stream().mapToLong(Long::longValue).toArray())
                    .orElse(new long[2 * sp]);
            for (int i = 0; i < sp; i++) {
                if (autoPad.startsWith("SAME")) {
                    long effective = (kernel[i] - 1) * dilations[i] + 1;
                    long total = Math.max(0, (y.dim(2 + i) - 1) * strides[i] + effective - x.dim(2 + i));
                    long small = total / 2;
                    begin[i] = autoPad.equals("SAME_UPPER") ? small : total - small;
                    end[i] = total - begin[i];
                } else if (!autoPad.equals("VALID")) {
                    begin[i] = pads[i];
                    end[i] = pads[i + sp];
                }
            }
            return new Window(kernel, strides, dilations, begin, end);
        }

        long[] pads() {
            long[] p = Arrays.copyOf(padBegin, 2 * padBegin.length);
            System.arraycopy(padEnd, 0, p, padBegin.length, padEnd.length);
            return p;
        }

        private static long[] ints(Attributes a, String name, int n, long dflt) {
            long[] v = a.getInts(name).map(l -> l.stream().mapToLong(Long::longValue).toArray()).orElse(null);
            if (v == null) {
                v = new long[n];
                Arrays.fill(v, dflt);
            }
            return v;
        }
    }

    private static void conv(BackwardContext b) {
        Shape x = b.inShape(0);
        Shape w = b.inShape(1);
        Shape y = b.outShape(0);
        int sp = x.rank() - 2;
        long group = b.attrs().getInt("group", 1);
        Window win = Window.of(b.attrs(), x, Arrays.copyOfRange(w.toArray(), 2, w.rank()), y);
        String dy = b.outGrad(0);

        b.gradient(0).ifPresent(e -> {
            // ConvTranspose grows each axis to s*(out-1) + (k-1)*d + 1 - pads; output_padding adds back the rows
            // the forward window count rounded away, so that the gradient has exactly the input's shape
            long[] outputPadding = new long[sp];
            for (int i = 0; i < sp; i++) {
                long grown = win.strides[i] * (y.dim(2 + i) - 1) + (win.kernel[i] - 1) * win.dilations[i] + 1
                        - win.padBegin[i] - win.padEnd[i];
                outputPadding[i] = x.dim(2 + i) - grown;
            }
            b.give(0, e.op("input_grad", "ConvTranspose", List.of(dy, b.input(1)), x, "strides", win.strides,
                    "dilations", win.dilations, "pads", win.pads(), "group", group, "output_padding", outputPadding));
        });

        b.gradient(1).ifPresent(e -> b.give(1, weightGradient(b, e, win, group)));

        if (b.node().hasInput(2)) {
            b.gradient(2).ifPresent(e -> b.give(2, e.sumAllBut("bias_grad", dy, 1, false)));
        }
    }

    /**
     * dW[m, c] = sum over the batch of X[n, c] correlated with dY[n, m]: a Conv of X^T [C/g, g*N, D...] (channels
     * per group as the batch, the group's samples as channels) with dY^T [M, N, out...] as kernel, group g,
     * strides = the forward dilations and dilations = the forward strides. Its output [C/g, M, k'...] has k' >= k
     * per axis (k' > k when the forward window count dropped rows); transposed and narrowed to [M, C/g, k...].
     */
    private static String weightGradient(BackwardContext b, Emitter e, Window win, long group) {
        Shape x = b.inShape(0);
        Shape w = b.inShape(1);
        Shape y = b.outShape(0);
        int sp = x.rank() - 2;
        long n = x.dim(0);
        long perGroup = x.dim(1) / group;
        String xt;
        if (group == 1) {
            xt = e.op("input_transposed", "Transpose", List.of(b.input(0)), withFirst(x, x.dim(1), n),
                    "perm", swapFirst(x.rank()));
        } else {
            List<Long> split = new ArrayList<>(List.of(n, group, perGroup));
            split.addAll(x.dims().subList(2, x.rank()));
            String grouped = e.reshape("input_grouped", b.input(0), new Shape(split));
            List<Long> swapped = new ArrayList<>(List.of(perGroup, group, n));
            swapped.addAll(x.dims().subList(2, x.rank()));
            long[] perm = new long[split.size()];
            perm[0] = 2;
            perm[1] = 1;
            perm[2] = 0;
            for (int i = 3; i < perm.length; i++) {
                perm[i] = i;
            }
            String moved = e.op("input_transposed", "Transpose", List.of(grouped), new Shape(swapped), "perm", perm);
            xt = e.reshape("input_regrouped", moved, withFirst(x, perGroup, group * n));
        }
        String dyt = e.op("output_grad_transposed", "Transpose", List.of(b.outGrad(0)), withFirst(y, y.dim(1), n),
                "perm", swapFirst(y.rank()));
        List<Long> full = new ArrayList<>(List.of(perGroup, w.dim(0)));
        boolean narrow = false;
        for (int i = 0; i < sp; i++) {
            long padded = x.dim(2 + i) + win.padBegin[i] + win.padEnd[i];
            long span = (y.dim(2 + i) - 1) * win.strides[i] + 1;
            long k = (padded - span) / win.dilations[i] + 1;
            full.add(k);
            narrow |= k != win.kernel[i];
        }
        String grad = e.op("weight_grad", "Conv", List.of(xt, dyt), new Shape(full), "group", group,
                "strides", win.dilations, "dilations", win.strides, "pads", win.pads());
        String back = e.op("weight_grad_transposed", "Transpose", List.of(grad), withFirst(new Shape(full), w.dim(0),
                perGroup), "perm", swapFirst(full.size()));
        if (!narrow) {
            return back;
        }
        long[] starts = new long[sp];
        long[] axes = new long[sp];
        for (int i = 0; i < sp; i++) {
            axes[i] = 2 + i;
        }
        GraphEditor g = e.graph();
        return e.op("weight_grad_narrow", "Slice", List.of(back, g.ints(starts), g.ints(win.kernel), g.ints(axes)), w);
    }

    /** The permutation exchanging the first two axes. */
    static long[] swapFirst(int rank) {
        long[] perm = new long[rank];
        for (int i = 0; i < rank; i++) {
            perm[i] = i;
        }
        perm[0] = 1;
        perm[1] = 0;
        return perm;
    }

    /** s with its first two dims replaced. */
    static Shape withFirst(Shape s, long d0, long d1) {
        List<Long> dims = new ArrayList<>(s.dims());
        dims.set(0, d0);
        dims.set(1, d1);
        return new Shape(dims);
    }
}
