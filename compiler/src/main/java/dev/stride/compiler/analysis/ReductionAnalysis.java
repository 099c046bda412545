package dev.stride.compiler.analysis;

import dev.stride.compiler.frontend.ExprWalk;
import dev.stride.compiler.ir.Expr;
import dev.stride.compiler.ir.Function;
import dev.stride.compiler.ir.Kind;
import dev.stride.compiler.ir.Stmt;
import dev.stride.compiler.ir.Variable;
import dev.stride.compiler.report.RejectionReason;
import java.util.List;

/**
 * Recognises reductions: a variable live around the loop whose every assignment in the loop is
 * {@code acc = acc op e} (or {@code e op acc} for commutative operators, {@code acc - e} as addition of
 * {@code -e}, {@code Math.min/max(acc, e)}), always with the same operator, and which is read nowhere else in
 * the loop. Conditional updates are allowed: if-conversion keeps the old value in lanes whose condition is
 * false.
 */
public final class ReductionAnalysis {

    private ReductionAnalysis() {}

    /**
     * Classifies one loop-carried variable.
     *
     * @param function the function
     * @param variable a variable live at the loop header and assigned in the loop
     * @param updates the statements of the loop that assign it
     * @param otherReads the number of reads of it outside its own updates
     * @param fastmath whether reassociation is permitted
     * @return the reduction
     * @throws Rejection when it is not a reduction, or a floating-point one without fastmath
     */
    public static Reduction analyze(
            Function function, Variable variable, List<Stmt.Store> updates, int otherReads, boolean fastmath) {
        String name = function.nameOf(variable);
        Reduction.ReductionOp op = null;
        for (Stmt.Store update : updates) {
            Reduction.ReductionOp found = operatorOf(update.value(), variable);
            if (found == null || (op != null && op != found) || otherReads > 0) {
                throw new Rejection(
                        RejectionReason.LOOP_CARRIED_SCALAR,
                        update.line(),
                        "'" + name + "' carries a value from one iteration to the next and is not a reduction");
            }
            op = found;
        }
        Kind kind = function.variableKinds().get(variable);
        if (op == null || !kind.isVectorizable()) {
            throw new Rejection(
                    RejectionReason.LOOP_CARRIED_SCALAR,
                    updates.getFirst().line(),
                    "'" + name + "' is not a supported reduction");
        }
        boolean bitwise =
                op == Reduction.ReductionOp.AND || op == Reduction.ReductionOp.OR || op == Reduction.ReductionOp.XOR;
        if (bitwise && kind.isFloating()) {
            throw new Rejection(
                    RejectionReason.LOOP_CARRIED_SCALAR,
                    updates.getFirst().line(),
                    "'" + name + "' is not a supported reduction");
        }
        boolean reassociates =
                kind.isFloating() && (op == Reduction.ReductionOp.ADD || op == Reduction.ReductionOp.MUL);
        if (reassociates && !fastmath) {
            throw new Rejection(
                    RejectionReason.NEEDS_FASTMATH_REDUCTION,
                    updates.getFirst().line(),
                    "'" + name + "' " + op.symbol() + "= ... is a " + kind.javaName()
                            + " reduction; add @Jit(fastmath = true) to allow reassociation");
        }
        return new Reduction(variable, op, kind, reassociates);
    }

    /**
     * Classifies a minimum or maximum written as a select ({@link SelectReduction}): exact for integers; for
     * {@code float} and {@code double} only under fastmath (the lanes may keep the other of {@code -0.0} and
     * {@code 0.0} on a tie), and never when the select takes NaN elements.
     *
     * @param function the function
     * @param variable the accumulator
     * @param match the recognised select
     * @param fastmath whether fastmath is on for the method
     * @return the reduction
     * @throws Rejection for a floating-point select without fastmath, or one that takes NaN elements
     */
    public static Reduction select(
            Function function, Variable variable, SelectReduction.Match match, boolean fastmath) {
        String name = function.nameOf(variable);
        Kind kind = function.variableKinds().get(variable);
        if (!kind.isVectorizable()) {
            throw new Rejection(
                    RejectionReason.LOOP_CARRIED_SCALAR, match.line(), "'" + name + "' is not a supported reduction");
        }
        if (!kind.isFloating()) {
            return new Reduction(variable, match.op(), kind, false, true);
        }
        if (match.takesUnordered()) {
            throw new Rejection(
                    RejectionReason.LOOP_CARRIED_SCALAR,
                    match.line(),
                    "'" + name + "' is a " + kind.javaName() + " " + match.op().symbol() + " written so that a NaN"
                            + " element replaces it and the next element replaces the NaN: the result depends on"
                            + " where the last NaN is (write the comparison the other way round, e > " + name
                            + " ? e : " + name + ", which skips NaN, or use Math."
                            + match.op().symbol() + ")");
        }
        if (!fastmath) {
            throw new Rejection(
                    RejectionReason.NEEDS_FASTMATH_REDUCTION,
                    match.line(),
                    "'" + name + "' is a " + kind.javaName() + " " + match.op().symbol() + " written as a comparison;"
                            + " it skips NaN elements exactly, but of -0.0 and 0.0 it keeps the one seen first, and"
                            + " SIMD lanes see them in another order: add @Jit(fastmath = true) to allow that, or use"
                            + " Math." + match.op().symbol() + " (exact)");
        }
        return new Reduction(variable, match.op(), kind, true, true);
    }

    /**
     * The operator of {@code acc = acc op e}, or null.
     *
     * @param value the assigned expression
     * @param variable the accumulator
     * @return the operator, or null when the shape does not match
     */
    static Reduction.ReductionOp operatorOf(Expr value, Variable variable) {
        if (value instanceof Expr.Binary binary) {
            boolean accLeft = isRead(binary.left(), variable) && !ExprWalk.reads(binary.right(), variable);
            boolean accRight = isRead(binary.right(), variable) && !ExprWalk.reads(binary.left(), variable);
            return switch (binary.op()) {
                case ADD -> accLeft || accRight ? Reduction.ReductionOp.ADD : null;
                case SUB -> accLeft ? Reduction.ReductionOp.ADD : null;
                case MUL -> accLeft || accRight ? Reduction.ReductionOp.MUL : null;
                case AND -> accLeft || accRight ? Reduction.ReductionOp.AND : null;
                case OR -> accLeft || accRight ? Reduction.ReductionOp.OR : null;
                case XOR -> accLeft || accRight ? Reduction.ReductionOp.XOR : null;
                default -> null;
            };
        }
        if (value instanceof Expr.Call call
                && MathCalls.isMath(call)
                && call.arguments().size() == 2
                && (call.name().equals("min") || call.name().equals("max"))) {
            Expr a = call.arguments().get(0);
            Expr b = call.arguments().get(1);
            boolean match = (isRead(a, variable) && !ExprWalk.reads(b, variable))
                    || (isRead(b, variable) && !ExprWalk.reads(a, variable));
            if (match) {
                return call.name().equals("min") ? Reduction.ReductionOp.MIN : Reduction.ReductionOp.MAX;
            }
        }
        return null;
    }

    /**
     * The operand combined into the accumulator ({@code e} in {@code acc = acc op e}).
     *
     * @param value the assigned expression
     * @param variable the accumulator
     * @return the other operand
     */
    public static Expr operandOf(Expr value, Variable variable) {
        List<Expr> children = ExprWalk.children(value);
        return isRead(children.get(0), variable) ? children.get(1) : children.get(0);
    }

    /**
     * The operand combined into the accumulator when {@code value} has a reduction shape, else {@code value}.
     *
     * @param value the assigned expression
     * @param variable the accumulator
     * @return the operand to check lanewise
     */
    static Expr operandOfOrSelf(Expr value, Variable variable) {
        return operatorOf(value, variable) == null ? value : operandOf(value, variable);
    }

    private static boolean isRead(Expr e, Variable variable) {
        return e instanceof Expr.Read read && read.variable().equals(variable);
    }
}
