package org.hawkeye.grammar;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The syntax tree of a formula; built by {@link Formula#parse} and the only thing evaluated.
 *
 * <p>Parentheses leave no node. Every node carries the position of the token that an error in
 * that node should point at: the literal, the variable, the function name, or the operator
 * ({@code ?} for a conditional).
 */
public sealed interface Expr {

    /** Where in the formula text an error in this node is reported. */
    SourcePosition position();

    /** A number literal, held exactly. */
    record Num(Rational value, SourcePosition position) implements Expr {
        public Num {
            Objects.requireNonNull(value, "value");
            Objects.requireNonNull(position, "position");
        }
    }

    /** A free variable, bound by the environment at evaluation. */
    record Var(String name, SourcePosition position) implements Expr {
        public Var {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(position, "position");
        }
    }

    /** A call of a built-in function; its arity was checked when the formula was parsed. */
    record Call(BuiltinFunction function, List<Expr> arguments, SourcePosition position) implements Expr {
        public Call {
            Objects.requireNonNull(function, "function");
            arguments = List.copyOf(arguments);
            Objects.requireNonNull(position, "position");
        }
    }

    /** {@code -operand} or {@code !operand}. */
    record Unary(UnaryOp operator, Expr operand, SourcePosition position) implements Expr {
        public Unary {
            Objects.requireNonNull(operator, "operator");
            Objects.requireNonNull(operand, "operand");
            Objects.requireNonNull(position, "position");
        }
    }

    /** {@code left operator right}; positioned at the operator. */
    record Binary(BinaryOp operator, Expr left, Expr right, SourcePosition position) implements Expr {
        public Binary {
            Objects.requireNonNull(operator, "operator");
            Objects.requireNonNull(left, "left");
            Objects.requireNonNull(right, "right");
            Objects.requireNonNull(position, "position");
        }
    }

    /** {@code condition ? whenTrue : whenFalse}; positioned at the {@code ?}. */
    record Conditional(Expr condition, Expr whenTrue, Expr whenFalse, SourcePosition position)
            implements Expr {
        public Conditional {
            Objects.requireNonNull(condition, "condition");
            Objects.requireNonNull(whenTrue, "whenTrue");
            Objects.requireNonNull(whenFalse, "whenFalse");
            Objects.requireNonNull(position, "position");
        }
    }

    /** Prefix operators. */
    enum UnaryOp {
        /** Arithmetic negation. */
        NEGATE("-"),
        /** Logical not: 1 for zero, 0 otherwise. */
        NOT("!");

        private final String symbol;

        UnaryOp(String symbol) {
            this.symbol = symbol;
        }

        /** The operator as written in formulas. */
        public String symbol() {
            return symbol;
        }

        /** The operator written {@code symbol}, if any. */
        public static Optional<UnaryOp> bySymbol(String symbol) {
            return Arrays.stream(values()).filter(op -> op.symbol.equals(symbol)).findFirst();
        }
    }

    /** Infix operators; comparisons and logical operators yield 1 for true and 0 for false. */
    enum BinaryOp {
        /** Power with an integer exponent; right-associative. */
        POWER("^"),
        /** Product. */
        MULTIPLY("*"),
        /** Exact rational quotient. */
        DIVIDE("/"),
        /** Floored modulo {@code a - b*floor(a/b)}: takes the sign of {@code b}. */
        MODULO("%"),
        /** Sum. */
        ADD("+"),
        /** Difference. */
        SUBTRACT("-"),
        /** {@code <}. */
        LESS("<"),
        /** {@code <=}. */
        LESS_OR_EQUAL("<="),
        /** {@code >}. */
        GREATER(">"),
        /** {@code >=}. */
        GREATER_OR_EQUAL(">="),
        /** {@code ==}, exact. */
        EQUAL("=="),
        /** {@code !=}, exact. */
        NOT_EQUAL("!="),
        /** Short-circuit and; non-zero is true. */
        AND("&&"),
        /** Short-circuit or; non-zero is true. */
        OR("||");

        private static final Map<String, BinaryOp> BY_SYMBOL = Arrays.stream(values())
                .collect(Collectors.toUnmodifiableMap(BinaryOp::symbol, Function.identity()));

        private final String symbol;

        BinaryOp(String symbol) {
            this.symbol = symbol;
        }

        /** The operator as written in formulas. */
        public String symbol() {
            return symbol;
        }

        /** The operator written {@code symbol}, if any. */
        public static Optional<BinaryOp> bySymbol(String symbol) {
            return Optional.ofNullable(BY_SYMBOL.get(symbol));
        }
    }
}
