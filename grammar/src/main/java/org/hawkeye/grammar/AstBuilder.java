package org.hawkeye.grammar;

import java.util.List;
import org.antlr.v4.runtime.Token;

/**
 * Turns the parse tree into the {@link Expr} AST, one {@code visitX} per labelled alternative of
 * {@code CostExpr.g4}. Function names and arities are checked here, so that they are parse errors.
 */
final class AstBuilder extends CostExprBaseVisitor<Expr> {

    private final SourceText source;

    AstBuilder(SourceText source) {
        this.source = source;
    }

    @Override
    public Expr visitParens(CostExprParser.ParensContext ctx) {
        return visit(ctx.expr());
    }

    @Override
    public Expr visitNumber(CostExprParser.NumberContext ctx) {
        Token literal = ctx.NUMBER().getSymbol();
        try {
            return new Expr.Num(Rational.parse(literal.getText()), source.of(literal));
        } catch (NumberFormatException e) {
            throw new FormulaException(e.getMessage(), source.of(literal));
        }
    }

    @Override
    public Expr visitCall(CostExprParser.CallContext ctx) {
        Token name = ctx.ID().getSymbol();
        SourcePosition position = source.of(name);
        BuiltinFunction function = BuiltinFunction.named(name.getText())
                .orElseThrow(() -> new FormulaException("unknown function '" + name.getText()
                        + "' (known: " + String.join(", ", BuiltinFunction.names()) + ")", position));
        // checked before visiting the arguments so that errors come out in text order
        int count = ctx.expr().size();
        if (!function.accepts(count)) {
            throw new FormulaException(function.arityError(count), position);
        }
        List<Expr> arguments = ctx.expr().stream().map(this::visit).toList();
        return new Expr.Call(function, arguments, position);
    }

    @Override
    public Expr visitVariable(CostExprParser.VariableContext ctx) {
        Token name = ctx.ID().getSymbol();
        return new Expr.Var(name.getText(), source.of(name));
    }

    @Override
    public Expr visitUnary(CostExprParser.UnaryContext ctx) {
        Expr.UnaryOp operator = Expr.UnaryOp.bySymbol(ctx.op.getText())
                .orElseThrow(() -> new IllegalStateException("unknown unary operator " + ctx.op.getText()));
        return new Expr.Unary(operator, visit(ctx.expr()), source.of(ctx.op));
    }

    @Override
    public Expr visitPow(CostExprParser.PowContext ctx) {
        return binary(ctx.op, ctx.expr(0), ctx.expr(1));
    }

    @Override
    public Expr visitMuldiv(CostExprParser.MuldivContext ctx) {
        return binary(ctx.op, ctx.expr(0), ctx.expr(1));
    }

    @Override
    public Expr visitAddsub(CostExprParser.AddsubContext ctx) {
        return binary(ctx.op, ctx.expr(0), ctx.expr(1));
    }

    @Override
    public Expr visitCompare(CostExprParser.CompareContext ctx) {
        return binary(ctx.op, ctx.expr(0), ctx.expr(1));
    }

    @Override
    public Expr visitAnd(CostExprParser.AndContext ctx) {
        return binary(ctx.op, ctx.expr(0), ctx.expr(1));
    }

    @Override
    public Expr visitOr(CostExprParser.OrContext ctx) {
        return binary(ctx.op, ctx.expr(0), ctx.expr(1));
    }

    @Override
    public Expr visitConditional(CostExprParser.ConditionalContext ctx) {
        return new Expr.Conditional(visit(ctx.expr(0)), visit(ctx.expr(1)), visit(ctx.expr(2)),
                source.of(ctx.op));
    }

    private Expr binary(Token op, CostExprParser.ExprContext left, CostExprParser.ExprContext right) {
        Expr.BinaryOp operator = Expr.BinaryOp.bySymbol(op.getText())
                .orElseThrow(() -> new IllegalStateException("unknown binary operator " + op.getText()));
        return new Expr.Binary(operator, visit(left), visit(right), source.of(op));
    }
}
