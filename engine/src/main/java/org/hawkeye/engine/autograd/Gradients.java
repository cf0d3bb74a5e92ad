package org.hawkeye.engine.autograd;

import java.util.Collections;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/** The training-step behaviour of every op type hawkeye can differentiate, one family per class. */
final class Gradients {

    /** Ops whose outputs carry no gradient: shapes, indices, comparisons, constants. */
    static final Set<String> NON_DIFFERENTIABLE = Set.of("Shape", "Size", "Constant", "ConstantOfShape", "Range",
            "ArgMax", "ArgMin", "Equal", "Less", "Greater", "LessOrEqual", "GreaterOrEqual", "Not", "And", "Or",
            "Xor", "IsNaN", "IsInf", "Sign", "NonZero", "Floor", "Ceil", "Round", "OneHot");

    private static final Map<String, OpGradient> RULES = build();

    private Gradients() {
    }

    private static Map<String, OpGradient> build() {
        Map<String, OpGradient> rules = new TreeMap<>();
        /* Relu (with its saved mask), Sigmoid, Tanh. */
        ActivationGradients.register(rules);
        /* Gemm, MatMul. */
        LinearGradients.register(rules);
        /* Conv. */
        ConvGradients.register(rules);
        /* MaxPool (with its saved argmax), AveragePool, GlobalAveragePool. */
        PoolGradients.register(rules);
        /* BatchNormalization with batch statistics. */
        BatchNormGradients.register(rules);
        /* Add, Sub, Neg, Mul, Div, Where. */
        ElementwiseGradients.register(rules);
        /* Reshape, Flatten, Squeeze, Unsqueeze, Identity, Dropout, Cast, Transpose, Concat, GatherND, ReduceSum/Mean. */
        ShapeGradients.register(rules);
        /* Softmax. */
        SoftmaxGradients.register(rules);
        /* LayerNormalization with its own statistics. */
        LayerNormGradients.register(rules);
        /* Pow, Sqrt, Exp, Log, Reciprocal, Erf. */
        PowerGradients.register(rules);
        /* Clip, HardSigmoid, HardSwish. */
        PiecewiseGradients.register(rules);
        /* Gelu, either approximation. */
        GeluGradients.register(rules);
        /* Slice, Split, Pad, Expand, Gather. */
        IndexingGradients.register(rules);
        return Collections.unmodifiableMap(rules);
    }

    /** The rule for an op type, or null when hawkeye cannot differentiate it. */
    static OpGradient of(String opType) {
        return RULES.get(opType);
    }

    static Set<String> supported() {
        return RULES.keySet();
    }
}
