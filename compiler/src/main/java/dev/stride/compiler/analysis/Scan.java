package dev.stride.compiler.analysis;

import dev.stride.compiler.ir.Expr;
import dev.stride.compiler.ir.Kind;
import dev.stride.compiler.ir.Stmt;
import dev.stride.compiler.ir.Variable;

/**
 * A scan (an inclusive prefix operation): a carried scalar updated once per iteration by an associative operator,
 * {@code s = s op e}, whose value after the update is used in the same iteration ({@code out[i] = s}).
 *
 * <p>Unlike a {@link Reduction}, every intermediate value is observed, so the SIMD code computes all prefixes of a
 * vector in registers and carries the last lane into the next vector.
 *
 * @param variable the carried scalar
 * @param operator the combining operator
 * @param operand the per-iteration value combined into the scalar ({@code e})
 * @param negated whether the source subtracts the operand ({@code s -= e}, combined as {@code s + (-e)}, which is
 *     the same value in two's complement and in IEEE arithmetic)
 * @param kind the scalar's kind
 * @param reassociates whether computing it in vector order changes floating-point results (needs fastmath)
 * @param update the statement of the loop that assigns the scalar
 */
public record Scan(
        Variable variable,
        Operator operator,
        Expr operand,
        boolean negated,
        Kind kind,
        boolean reassociates,
        Stmt.Store update) {

    /** Associative scan operators, each with an identity so that shifted-in lanes change nothing. */
    public enum Operator {
        ADD(Reduction.ReductionOp.ADD),
        MUL(Reduction.ReductionOp.MUL),
        MIN(Reduction.ReductionOp.MIN),
        MAX(Reduction.ReductionOp.MAX),
        AND(Reduction.ReductionOp.AND),
        OR(Reduction.ReductionOp.OR),
        XOR(Reduction.ReductionOp.XOR),
        /**
         * Fill-forward of NaN: {@code combine(previous, x) = isNaN(x) ? previous : x}, the last value that is not
         * NaN. Associative, with NaN as its identity; exact, since no arithmetic is done.
         */
        FILL_NAN(null);

        private final Reduction.ReductionOp lanewise;

        Operator(Reduction.ReductionOp lanewise) {
            this.lanewise = lanewise;
        }

        /**
         * The scan operator of a reduction operator.
         *
         * @param op the reduction operator
         * @return the scan operator with the same lanewise operation
         */
        static Operator of(Reduction.ReductionOp op) {
            return valueOf(op.name());
        }

        /** @return the {@code VectorOperators} name of the lanewise operation; null for {@link #FILL_NAN} */
        public String vectorOperator() {
            return lanewise == null ? null : lanewise.name();
        }

        /** @return the operator as the report prints it */
        public String symbol() {
            return lanewise == null ? "fill-forward of NaN" : lanewise.symbol();
        }

        /**
         * The identity of the operator for a kind.
         *
         * @param kind the scalar's kind
         * @return the boxed identity
         */
        public Object identity(Kind kind) {
            if (lanewise != null) {
                return lanewise.identity(kind);
            }
            return kind == Kind.FLOAT ? (Object) Float.NaN : (Object) Double.NaN;
        }
    }
}
