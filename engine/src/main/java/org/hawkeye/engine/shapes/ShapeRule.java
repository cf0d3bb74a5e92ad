package org.hawkeye.engine.shapes;

/**
 * Infers the types of one node's outputs from its inputs' types and known values, and folds the outputs' values
 * when the inputs' values are known and small. Throws {@link ShapeError} for inputs that do not fit the op.
 */
@FunctionalInterface
interface ShapeRule {

    void infer(OpContext op);
}
