package dev.stride.compiler.ir;

/**
 * A two-way branch condition {@code left op right} on ints or references, as the JVM's {@code if*} instructions
 * test them. Floating-point and long comparisons appear as a {@link Expr.Compare} on the left and zero on the
 * right.
 *
 * @param op the relation
 * @param left the left operand
 * @param right the right operand
 */
public record Condition(Relation op, Expr left, Expr right) {

    /** The relations of the JVM's conditional branches. */
    public enum Relation {
        EQ("=="),
        NE("!="),
        LT("<"),
        GE(">="),
        GT(">"),
        LE("<=");

        private final String symbol;

        Relation(String symbol) {
            this.symbol = symbol;
        }

        /**
         * The Java source symbol.
         *
         * @return {@code ==}, {@code <}, ...
         */
        public String symbol() {
            return symbol;
        }

        /**
         * The relation that holds exactly when this one does not.
         *
         * @return the negation
         */
        public Relation negate() {
            return switch (this) {
                case EQ -> NE;
                case NE -> EQ;
                case LT -> GE;
                case GE -> LT;
                case GT -> LE;
                case LE -> GT;
            };
        }

        /**
         * The relation with operands swapped ({@code a < b} iff {@code b > a}).
         *
         * @return the mirrored relation
         */
        public Relation mirror() {
            return switch (this) {
                case EQ, NE -> this;
                case LT -> GT;
                case GE -> LE;
                case GT -> LT;
                case LE -> GE;
            };
        }
    }

    /**
     * The negated condition.
     *
     * @return a condition true exactly when this is false
     */
    public Condition negate() {
        return new Condition(op.negate(), left, right);
    }
}
