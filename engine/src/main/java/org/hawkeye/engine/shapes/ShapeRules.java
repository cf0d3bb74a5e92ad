package org.hawkeye.engine.shapes;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/** The shape rule of every op type of the default ONNX domain that hawkeye infers, one family per class. */
final class ShapeRules {

    private static final Map<String, ShapeRule> RULES = build();

    private ShapeRules() {
    }

    private static Map<String, ShapeRule> build() {
        Map<String, ShapeRule> rules = new TreeMap<>();
        /* Activations, math functions, predicates, Cast. */
        UnaryShapes.register(rules);
        /* Broadcasting arithmetic, comparisons, logic, Where, variadic Min/Max/Sum/Mean. */
        BroadcastShapes.register(rules);
        /* Conv, ConvTranspose. */
        ConvShapes.register(rules);
        /* Windowed and global pooling. */
        PoolShapes.register(rules);
        /* MatMul, Gemm. */
        MatMulShapes.register(rules);
        /* BatchNormalization, LayerNormalization, Softmax, Dropout and other shape-keeping ops. */
        NormalizationShapes.register(rules);
        /* Reduce*, ArgMax, ArgMin. */
        ReductionShapes.register(rules);
        /* Reshape, Flatten, Squeeze, Unsqueeze, Transpose, Expand, Tile. */
        ReshapeShapes.register(rules);
        /* Gather*, Slice, Split, Concat, Pad, Trilu, Scatter*. */
        IndexingShapes.register(rules);
        /* Constant, Shape, Size, ConstantOfShape, Range. */
        GeneratorShapes.register(rules);
        return Collections.unmodifiableMap(rules);
    }

    /** The rule for an op type of the default domain, or null when hawkeye has none. */
    static ShapeRule get(String opType) {
        return RULES.get(opType);
    }

    static Map<String, ShapeRule> all() {
        return RULES;
    }
}
