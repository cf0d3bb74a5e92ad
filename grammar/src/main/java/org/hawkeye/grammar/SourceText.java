package org.hawkeye.grammar;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.antlr.v4.runtime.Token;

/**
 * Turns ANTLR token indexes into {@link SourcePosition}s of one formula text.
 *
 * <p>ANTLR counts code points while callers index Java strings, which differ once the text has
 * characters outside the BMP; positions are therefore computed here from char offsets rather than
 * taken from {@link Token#getCharPositionInLine()}.
 */
final class SourceText {

    private final String text;
    private final boolean indexesAreOffsets;
    private final int[] lineStarts;

    SourceText(String text) {
        this.text = text;
        this.indexesAreOffsets = text.length() == text.codePointCount(0, text.length());
        List<Integer> starts = new ArrayList<>();
        starts.add(0);
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                starts.add(i + 1);
            }
        }
        this.lineStarts = starts.stream().mapToInt(Integer::intValue).toArray();
    }

    /** The position of the first character of {@code token}; for EOF, just past the text. */
    SourcePosition of(Token token) {
        int codePointIndex = token.getType() == Token.EOF
                ? text.codePointCount(0, text.length())
                : token.getStartIndex();
        int offset = indexesAreOffsets ? codePointIndex : text.offsetByCodePoints(0, codePointIndex);
        return atOffset(offset);
    }

    /** The position of char {@code offset} (0 to the text length inclusive). */
    SourcePosition atOffset(int offset) {
        int found = Arrays.binarySearch(lineStarts, offset);
        // binarySearch returns -(insertion point) - 1 when offset is not itself a line start
        int lineIndex = found >= 0 ? found : -found - 2;
        return new SourcePosition(offset, lineIndex + 1, offset - lineStarts[lineIndex] + 1);
    }
}
