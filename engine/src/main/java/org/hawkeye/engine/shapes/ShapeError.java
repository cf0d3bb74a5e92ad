package org.hawkeye.engine.shapes;

/**
 * A shape rule's complaint about one node, in words a user understands ("cannot broadcast 3x4 with 5");
 * {@link ShapeInference} adds the file and node and turns it into a ModelException.
 */
final class ShapeError extends RuntimeException {

    ShapeError(String reason) {
        super(reason, null, false, false);
    }
}
