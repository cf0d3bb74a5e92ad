package org.hawkeye.grammar;

import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.CommonTokenStream;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.TokenStream;

/**
 * Text to AST: runs the ANTLR lexer and parser silently, stops at the first error, limits nesting,
 * and hands the tree to {@link AstBuilder}.
 */
final class FormulaParser {

    /** Deepest expression nesting accepted; see {@link DepthLimitedParser}. */
    static final int MAX_NESTING_DEPTH = 64;

    private FormulaParser() {
    }

    /**
     * @throws FormulaException at the first syntax error, unknown function or wrong arity
     */
    static Expr parse(String text) {
        SourceText source = new SourceText(text);
        if (text.isBlank()) {
            throw new FormulaException("empty formula", SourcePosition.START);
        }
        CostExprLexer lexer = new CostExprLexer(CharStreams.fromString(text));
        // the lexer cannot fail: every stray character becomes an UNEXPECTED_CHAR token,
        // reported by the parser; removing the listener keeps stderr quiet regardless
        lexer.removeErrorListeners();
        CostExprParser parser = new DepthLimitedParser(new CommonTokenStream(lexer), source);
        parser.removeErrorListeners();
        parser.setErrorHandler(new FirstErrorStrategy(source));
        CostExprParser.FormulaContext tree = parser.formula();
        return new AstBuilder(source).visit(tree.expr());
    }

    /**
     * Counts how deep the {@code expr} rule recurses and stops past {@link #MAX_NESTING_DEPTH}.
     *
     * <p>The whole formula is level 1; a parenthesised group, a function argument and every
     * operand that follows an operator are one level deeper than their context, so {@code x}
     * wrapped in 63 parentheses is the deepest formula of that shape. Checking while parsing, rather than on the finished tree, keeps a
     * runaway input such as ten thousand {@code (} from overflowing the parser's stack.
     */
    private static final class DepthLimitedParser extends CostExprParser {

        private final SourceText source;
        private int depth;

        DepthLimitedParser(TokenStream input, SourceText source) {
            super(input);
            this.source = source;
        }

        @Override
        public void enterRecursionRule(ParserRuleContext context, int state, int ruleIndex, int precedence) {
            if (depth == MAX_NESTING_DEPTH) {
                throw new FormulaException("formula nests deeper than " + MAX_NESTING_DEPTH + " levels",
                        source.of(getCurrentToken()));
            }
            depth++;
            super.enterRecursionRule(context, state, ruleIndex, precedence);
        }

        @Override
        public void unrollRecursionContexts(ParserRuleContext parentContext) {
            depth--;
            super.unrollRecursionContexts(parentContext);
        }
    }
}
