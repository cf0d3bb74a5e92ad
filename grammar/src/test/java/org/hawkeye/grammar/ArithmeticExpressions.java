package org.hawkeye.grammar;

import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import java.math.BigInteger;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/**
 * Random integer expressions as formula text together with their value computed by
 * {@link BigInteger}. Parentheses are printed only where precedence needs them, so the generated
 * texts also exercise precedence and associativity.
 */
final class ArithmeticExpressions {

    /** Binding strength, mirroring CostExpr.g4: a higher number binds tighter. */
    private static final int ADDITIVE = 1;
    private static final int MULTIPLICATIVE = 2;
    private static final int UNARY = 3;
    private static final int POWER = 4;
    private static final int ATOM = 5;

    /** A generated expression: its text, its value, and how tightly its outermost operator binds. */
    record Expression(String text, BigInteger value, int precedence) {
    }

    private ArithmeticExpressions() {
    }

    /** Expressions whose operator nesting is at most {@code depth}. */
    static Gen<Expression> upToDepth(int depth) {
        Gen<Expression> literals = longs().between(0, 1_000_000_000_000L)
                .map(n -> new Expression(Long.toString(n), BigInteger.valueOf(n), ATOM));
        if (depth == 0) {
            return literals;
        }
        Gen<Expression> smaller = upToDepth(depth - 1);
        Gen<Expression> negations = smaller.map(ArithmeticExpressions::negate);
        Gen<Expression> binaries = smaller.zip(integers().between(0, 3), smaller, ArithmeticExpressions::binary);
        Gen<Expression> powers = smaller.zip(integers().between(0, 3), ArithmeticExpressions::power);
        return Generate.oneOf(literals, negations, binaries, binaries, powers);
    }

    private static Expression negate(Expression operand) {
        return new Expression("-" + operand(operand, UNARY), operand.value().negate(), UNARY);
    }

    private static Expression binary(Expression left, int operatorIndex, Expression right) {
        char operator = "+-*%".charAt(operatorIndex);
        if (operator == '%' && right.value().signum() == 0) {
            operator = '*';
        }
        int precedence = operator == '+' || operator == '-' ? ADDITIVE : MULTIPLICATIVE;
        // left-associative: a right operand of equal precedence needs parentheses
        String text = operand(left, precedence) + " " + operator + " " + operand(right, precedence + 1);
        BigInteger value = switch (operator) {
            case '+' -> left.value().add(right.value());
            case '-' -> left.value().subtract(right.value());
            case '*' -> left.value().multiply(right.value());
            default -> flooredModulo(left.value(), right.value());
        };
        return new Expression(text, value, precedence);
    }

    private static Expression power(Expression base, int exponent) {
        // a base that is itself a power or a negation must be parenthesised: -2^2 is -(2^2)
        return new Expression(operand(base, ATOM) + "^" + exponent, base.value().pow(exponent), POWER);
    }

    private static String operand(Expression expression, int requiredPrecedence) {
        return expression.precedence() >= requiredPrecedence ? expression.text() : "(" + expression.text() + ")";
    }

    /** a - b*floor(a/b), the definition the formula language uses. */
    private static BigInteger flooredModulo(BigInteger a, BigInteger b) {
        BigInteger remainder = a.remainder(b);
        return remainder.signum() != 0 && remainder.signum() != b.signum() ? remainder.add(b) : remainder;
    }
}
