package org.hawkeye.grammar;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Evaluates an {@link Expr} exactly under one variable environment.
 *
 * <p>Arithmetic failures arrive as {@link ArithmeticException}s from {@link Rational},
 * {@link RationalMath} and {@link BuiltinFunction}; they are caught around the single operation
 * that failed and rethrown as a {@link FormulaException} at that node's position.
 */
final class Evaluator {

    /** Largest exponent magnitude of {@code ^}. */
    static final int MAX_EXPONENT = 1_000_000;

    /** Largest estimated size of a power's numerator or denominator: 2 MiB per number. */
    static final long MAX_POWER_BITS = 1L << 24;

    private static final Rational TRUE = Rational.ONE;
    private static final Rational FALSE = Rational.ZERO;

    private final Function<String, Rational> environment;

    Evaluator(Function<String, Rational> environment) {
        this.environment = environment;
    }

    Rational evaluate(Expr expr) {
        if (expr instanceof Expr.Num num) {
            return num.value();
        } else if (expr instanceof Expr.Var variable) {
            Rational value = environment.apply(variable.name());
            if (value == null) {
                throw new FormulaException("unknown variable '" + variable.name() + "'", variable.position());
            }
            return value;
        } else if (expr instanceof Expr.Call call) {
            return call(call);
        } else if (expr instanceof Expr.Unary unary) {
            Rational operand = evaluate(unary.operand());
            return switch (unary.operator()) {
                case NEGATE -> operand.negate();
                case NOT -> truth(operand.isZero());
            };
        } else if (expr instanceof Expr.Binary binary) {
            return binary(binary);
        } else if (expr instanceof Expr.Conditional conditional) {
            // only the taken branch is evaluated: `n == 0 ? 0 : 1/n` must work at n = 0
            return isTrue(evaluate(conditional.condition()))
                    ? evaluate(conditional.whenTrue())
                    : evaluate(conditional.whenFalse());
        }
        throw new IllegalStateException("unknown expression node " + expr);
    }

    private Rational call(Expr.Call call) {
        if (call.function() == BuiltinFunction.CEIL || call.function() == BuiltinFunction.FLOOR) {
            Expr argument = call.arguments().get(0);
            if (argument instanceof Expr.Call inner
                    && (inner.function() == BuiltinFunction.LOG2 || inner.function() == BuiltinFunction.SQRT)) {
                return exactRoundedLogOrRoot(call.function() == BuiltinFunction.CEIL, inner);
            }
        }
        List<Rational> arguments = new ArrayList<>(call.arguments().size());
        for (Expr argument : call.arguments()) {
            arguments.add(evaluate(argument));
        }
        return at(call, () -> call.function().apply(arguments));
    }

    /**
     * {@code ceil} or {@code floor} of {@code log2} or {@code sqrt}, computed on integers: a
     * rounded approximation of {@code log2(2^200 + 1)} is 200, but its ceiling is 201.
     */
    private Rational exactRoundedLogOrRoot(boolean ceiling, Expr.Call inner) {
        Rational x = evaluate(inner.arguments().get(0));
        boolean log = inner.function() == BuiltinFunction.LOG2;
        return at(inner, () -> Rational.of(log
                ? (ceiling ? RationalMath.ceilLog2(x) : RationalMath.floorLog2(x))
                : (ceiling ? RationalMath.ceilSqrt(x) : RationalMath.floorSqrt(x))));
    }

    private Rational binary(Expr.Binary binary) {
        Expr.BinaryOp operator = binary.operator();
        // the logical operators short-circuit, so the right operand may stay unevaluated
        if (operator == Expr.BinaryOp.AND) {
            return truth(isTrue(evaluate(binary.left())) && isTrue(evaluate(binary.right())));
        }
        if (operator == Expr.BinaryOp.OR) {
            return truth(isTrue(evaluate(binary.left())) || isTrue(evaluate(binary.right())));
        }
        Rational left = evaluate(binary.left());
        Rational right = evaluate(binary.right());
        return at(binary, () -> switch (operator) {
            case POWER -> power(left, right);
            case MULTIPLY -> left.multiply(right);
            case DIVIDE -> left.divide(right);
            case MODULO -> modulo(left, right);
            case ADD -> left.add(right);
            case SUBTRACT -> left.subtract(right);
            case LESS -> truth(left.compareTo(right) < 0);
            case LESS_OR_EQUAL -> truth(left.compareTo(right) <= 0);
            case GREATER -> truth(left.compareTo(right) > 0);
            case GREATER_OR_EQUAL -> truth(left.compareTo(right) >= 0);
            case EQUAL -> truth(left.equals(right));
            case NOT_EQUAL -> truth(!left.equals(right));
            case AND, OR -> throw new IllegalStateException("short-circuit operator " + operator);
        });
    }

    private static Rational power(Rational base, Rational exponent) {
        if (!exponent.isInteger()) {
            throw new ArithmeticException("non-integer exponent " + exponent);
        }
        BigInteger power = exponent.toBigIntegerExact();
        if (power.abs().compareTo(BigInteger.valueOf(MAX_EXPONENT)) > 0) {
            throw new ArithmeticException("exponent " + power + " is out of range (at most "
                    + MAX_EXPONENT + " in magnitude)");
        }
        int exponentValue = power.intValueExact();
        long estimatedBits = (long) Math.max(base.numerator().bitLength(), base.denominator().bitLength())
                * Math.abs(exponentValue);
        if (estimatedBits > MAX_POWER_BITS) {
            throw new ArithmeticException("power too large: about " + estimatedBits + " bits (at most "
                    + MAX_POWER_BITS + ")");
        }
        return base.pow(exponentValue);
    }

    private static Rational modulo(Rational dividend, Rational divisor) {
        if (divisor.isZero()) {
            throw new ArithmeticException("modulo by zero");
        }
        Rational quotient = Rational.of(dividend.divide(divisor).floor());
        return dividend.subtract(divisor.multiply(quotient));
    }

    /** Runs one operation of {@code node}, reporting its arithmetic failure at the node. */
    private static Rational at(Expr node, Supplier<Rational> operation) {
        try {
            return operation.get();
        } catch (ArithmeticException e) {
            throw new FormulaException(e.getMessage(), node.position());
        }
    }

    private static boolean isTrue(Rational value) {
        return !value.isZero();
    }

    private static Rational truth(boolean value) {
        return value ? TRUE : FALSE;
    }
}
