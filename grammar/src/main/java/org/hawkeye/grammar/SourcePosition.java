package org.hawkeye.grammar;

import java.io.Serializable;

/**
 * A place inside a formula's text.
 *
 * <p>{@code offset} is the 0-based index into the formula string (a Java {@code String} index);
 * {@code line} and {@code column} are 1-based and count from the start of the formula, not of the
 * file that contains it. Lines are separated by {@code '\n'}; columns count UTF-16 chars, like
 * {@code offset}, so {@code column - 1} is the offset from the start of the line.
 *
 * @param offset 0-based char offset in the formula text
 * @param line 1-based line within the formula text
 * @param column 1-based column within that line
 */
public record SourcePosition(int offset, int line, int column) implements Serializable {

    /** The first character of a formula. */
    public static final SourcePosition START = new SourcePosition(0, 1, 1);

    public SourcePosition {
        if (offset < 0 || line < 1 || column < 1) {
            throw new IllegalArgumentException(
                    "bad position: offset " + offset + ", line " + line + ", column " + column);
        }
    }

    /** Returns {@code line:column}, the form used in error messages. */
    @Override
    public String toString() {
        return line + ":" + column;
    }
}
