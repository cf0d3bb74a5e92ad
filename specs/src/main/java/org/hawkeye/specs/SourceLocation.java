package org.hawkeye.specs;

/** A place in a spec file, 1-based, as users see it in an editor. */
public record SourceLocation(String file, int line, int column) {

    /** The location {@code offsetInLine} characters to the right, for positions inside a formula string. */
    public SourceLocation shift(int lineDelta, int columnOnThatLine) {
        return lineDelta == 0
                ? new SourceLocation(file, line, column + columnOnThatLine)
                : new SourceLocation(file, line + lineDelta, columnOnThatLine + 1);
    }

    @Override
    public String toString() {
        return file + ":" + line + ":" + column;
    }
}
