package dev.stride.compiler.analysis;

import dev.stride.compiler.ir.Kind;
import dev.stride.compiler.ir.Variable;

/**
 * A scalar accumulated across iterations with one associative operator: {@code acc = acc op e}, or a minimum or
 * maximum written as a comparison ({@code acc = e > acc ? e : acc}, see {@link SelectReduction}).
 *
 * @param variable the accumulator
 * @param op the operator
 * @param kind the accumulator's kind
 * @param reassociates whether vectorising it changes floating-point results (needs fastmath)
 * @param select whether the loop writes it as a comparison and a select rather than an operator or a call
 */
public record Reduction(Variable variable, ReductionOp op, Kind kind, boolean reassociates, boolean select) {

    /**
     * A reduction written with an operator or {@code Math.min/max}.
     *
     * @param variable the accumulator
     * @param op the operator
     * @param kind the accumulator's kind
     * @param reassociates whether vectorising it changes floating-point results (needs fastmath)
     */
    public Reduction(Variable variable, ReductionOp op, Kind kind, boolean reassociates) {
        this(variable, op, kind, reassociates, false);
    }

    /** Reduction operators, with the identity each vector accumulator starts from. */
    public enum ReductionOp {
        ADD("+"),
        MUL("*"),
        MIN("min"),
        MAX("max"),
        AND("&"),
        OR("|"),
        XOR("^");

        private final String symbol;

        ReductionOp(String symbol) {
            this.symbol = symbol;
        }

        /** @return the operator as the report prints it */
        public String symbol() {
            return symbol;
        }

        /**
         * The identity element for a kind.
         *
         * @param kind the accumulator kind
         * @return the boxed identity
         */
        public Object identity(Kind kind) {
            return switch (this) {
                // -0.0 is the true identity of IEEE addition: -0.0 + x == x for every x, +0.0 + -0.0 is not -0.0
                case ADD ->
                    kind.isFloating() ? (kind == Kind.FLOAT ? (Object) (-0.0f) : (Object) (-0.0d)) : box(kind, 0);
                case OR, XOR -> box(kind, 0);
                case MUL -> box(kind, 1);
                case AND -> box(kind, -1);
                case MIN ->
                    switch (kind) {
                        case INT -> Integer.MAX_VALUE;
                        case LONG -> Long.MAX_VALUE;
                        case FLOAT -> Float.POSITIVE_INFINITY;
                        default -> Double.POSITIVE_INFINITY;
                    };
                case MAX ->
                    switch (kind) {
                        case INT -> Integer.MIN_VALUE;
                        case LONG -> Long.MIN_VALUE;
                        case FLOAT -> Float.NEGATIVE_INFINITY;
                        default -> Double.NEGATIVE_INFINITY;
                    };
            };
        }

        private static Object box(Kind kind, int value) {
            return switch (kind) {
                case INT -> value;
                case LONG -> (long) value;
                case FLOAT -> (float) value;
                default -> (double) value;
            };
        }
    }
}
