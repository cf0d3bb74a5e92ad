package org.hawkeye.grammar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The Formula object and the AST it exposes. */
class FormulaApiTest {

    @Test
    void keepsItsTextAndListsVariablesInOrderOfAppearance() {
        Formula formula = Formula.parse("b * a + ceil(b / c) + a");

        assertThat(formula.text()).isEqualTo("b * a + ceil(b / c) + a");
        assertThat(formula).hasToString("b * a + ceil(b / c) + a");
        assertThat(formula.variables()).containsExactly("b", "a", "c");
        assertThatThrownBy(() -> formula.variables().add("d")).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void functionNamesAreNotVariables() {
        assertThat(Formula.parse("max(x, 2) + ceil").variables()).containsExactly("x", "ceil");
    }

    @Test
    void formulasWithTheSameTextAreEqual() {
        assertThat(Formula.parse("1 + x")).isEqualTo(Formula.parse("1 + x"))
                .hasSameHashCodeAs(Formula.parse("1 + x"))
                .isNotEqualTo(Formula.parse("1+x"));
    }

    @Test
    void astNodesCarryThePositionOfTheirOperatorNameOrLiteral() {
        Expr tree = Formula.parse("a +\n  max(b, 2) * -1.5").expression();

        Expr.Binary sum = (Expr.Binary) tree;
        assertThat(sum.operator()).isEqualTo(Expr.BinaryOp.ADD);
        assertThat(sum.position()).isEqualTo(new SourcePosition(2, 1, 3));
        assertThat(sum.left()).isEqualTo(new Expr.Var("a", new SourcePosition(0, 1, 1)));

        Expr.Binary product = (Expr.Binary) sum.right();
        assertThat(product.operator()).isEqualTo(Expr.BinaryOp.MULTIPLY);
        assertThat(product.position()).isEqualTo(new SourcePosition(16, 2, 13));

        Expr.Call call = (Expr.Call) product.left();
        assertThat(call.function()).isEqualTo(BuiltinFunction.MAX);
        assertThat(call.position()).isEqualTo(new SourcePosition(6, 2, 3));
        assertThat(call.arguments()).containsExactly(
                new Expr.Var("b", new SourcePosition(10, 2, 7)),
                new Expr.Num(Rational.of(2), new SourcePosition(13, 2, 10)));

        Expr.Unary negation = (Expr.Unary) product.right();
        assertThat(negation.operator()).isEqualTo(Expr.UnaryOp.NEGATE);
        assertThat(negation.position()).isEqualTo(new SourcePosition(18, 2, 15));
        assertThat(negation.operand()).isEqualTo(new Expr.Num(Rational.of(3, 2), new SourcePosition(19, 2, 16)));
    }

    @Test
    void parenthesesLeaveNoNodeAndConditionalsSitAtTheQuestionMark() {
        Expr tree = Formula.parse("((x)) ? 1 : 2").expression();

        Expr.Conditional conditional = (Expr.Conditional) tree;
        assertThat(conditional.position()).isEqualTo(new SourcePosition(6, 1, 7));
        assertThat(conditional.condition()).isEqualTo(new Expr.Var("x", new SourcePosition(2, 1, 3)));
    }

    @Test
    void functionTableKnowsNamesAndArities() {
        assertThat(BuiltinFunction.names())
                .containsExactly("abs", "ceil", "floor", "ln", "log2", "max", "min", "sqrt");
        assertThat(BuiltinFunction.named("log2")).contains(BuiltinFunction.LOG2);
        assertThat(BuiltinFunction.named("lg")).isEmpty();
        assertThat(BuiltinFunction.CEIL.accepts(1)).isTrue();
        assertThat(BuiltinFunction.CEIL.accepts(2)).isFalse();
        assertThat(BuiltinFunction.MIN.accepts(0)).isFalse();
        assertThat(BuiltinFunction.MIN.accepts(5)).isTrue();
    }
}
