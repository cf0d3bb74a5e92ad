package org.hawkeye.grammar;

import org.antlr.v4.runtime.DefaultErrorStrategy;
import org.antlr.v4.runtime.Parser;
import org.antlr.v4.runtime.RecognitionException;
import org.antlr.v4.runtime.Token;

/**
 * Stops the parse at the first syntax error with a {@link FormulaException} at the offending
 * token. A formula is one line of a spec: guessing a repair would only hide the first error
 * behind follow-up ones.
 */
final class FirstErrorStrategy extends DefaultErrorStrategy {

    private final SourceText source;

    FirstErrorStrategy(SourceText source) {
        this.source = source;
    }

    @Override
    public void recover(Parser recognizer, RecognitionException e) {
        Token offending = e.getOffendingToken() != null ? e.getOffendingToken() : recognizer.getCurrentToken();
        throw unexpected(offending);
    }

    @Override
    public Token recoverInline(Parser recognizer) {
        throw unexpected(recognizer.getCurrentToken());
    }

    @Override
    public void sync(Parser recognizer) {
        // errors surface at the next match or prediction, which recover() turns into an exception
    }

    private FormulaException unexpected(Token token) {
        return new FormulaException(describe(token), source.of(token));
    }

    private static String describe(Token token) {
        return switch (token.getType()) {
            case Token.EOF -> "unexpected end of formula";
            case CostExprLexer.UNEXPECTED_CHAR -> "unexpected character '" + printable(token.getText()) + "'";
            default -> "unexpected token '" + token.getText() + "'";
        };
    }

    /** Control characters would garble a one-line message, so they are shown as escapes. */
    private static String printable(String character) {
        int codePoint = character.codePointAt(0);
        return Character.isISOControl(codePoint) ? String.format("\\u%04x", codePoint) : character;
    }
}
