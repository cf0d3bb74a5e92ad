package org.hawkeye.grammar;

import java.util.ArrayDeque;
import java.util.Deque;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.CommonTokenStream;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.TokenStream;
import org.antlr.v4.runtime.tree.ParseTree;
import org.antlr.v4.runtime.tree.TerminalNode;

/**
 * Text to AST: runs the ANTLR lexer and parser silently, stops at the first error, limits nesting,
 * and hands the tree to {@link AstBuilder}.
 */
final class FormulaParser {

    /** Deepest expression nesting accepted; see {@link DepthLimitedParser}. */
    static final int MAX_NESTING_DEPTH = 64;

    /** Longest formula text: the built-in specs' longest formulas have a few hundred characters. */
    static final int MAX_LENGTH = 10_000;

    /**
     * Deepest syntax tree: a chain of operators ({@code 1+1+1+...}) nests one level per operator without any
     * parenthesis, and building and evaluating the tree recurse once per level.
     */
    static final int MAX_TREE_DEPTH = 400;

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
        if (text.length() > MAX_LENGTH) {
            throw new FormulaException("formula of " + text.length() + " characters, more than " + MAX_LENGTH,
                    SourcePosition.START);
        }
        CostExprLexer lexer = new CostExprLexer(CharStreams.fromString(text));
        // the lexer cannot fail: every stray character becomes an UNEXPECTED_CHAR token,
        // reported by the parser; removing the listener keeps stderr quiet regardless
        lexer.removeErrorListeners();
        CostExprParser parser = new DepthLimitedParser(new CommonTokenStream(lexer), source);
        parser.removeErrorListeners();
        parser.setErrorHandler(new FirstErrorStrategy(source));
        CostExprParser.FormulaContext tree = parser.formula();
        checkTreeDepth(tree, source);
        return new AstBuilder(source).visit(tree.expr());
    }

    /** Measured without recursion, so that the check itself cannot overflow the stack. */
    private static void checkTreeDepth(ParseTree root, SourceText source) {
        Deque<ParseTree> nodes = new ArrayDeque<>();
        Deque<Integer> depths = new ArrayDeque<>();
        nodes.push(root);
        depths.push(1);
        while (!nodes.isEmpty()) {
            ParseTree node = nodes.pop();
            int depth = depths.pop();
            if (depth > MAX_TREE_DEPTH) {
                Token at = node instanceof ParserRuleContext c ? c.getStart() : ((TerminalNode) node).getSymbol();
                throw new FormulaException("formula too long: its operators nest more than " + MAX_TREE_DEPTH
                        + " levels deep (split it, or use a repeat count)", source.of(at));
            }
            for (int i = 0; i < node.getChildCount(); i++) {
                nodes.push(node.getChild(i));
                depths.push(depth + 1);
            }
        }
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
