package dev.stride.compiler.analysis;

import dev.stride.compiler.frontend.ExprWalk;
import dev.stride.compiler.ir.Expr;
import dev.stride.compiler.ir.Function;
import dev.stride.compiler.ir.Stmt;

/**
 * Decides whether rewriting a vectorisable loop pays. HotSpot's C2 SuperWord already vectorises straight-line
 * maps over arrays ({@code out[i] = a[i] * b[i] + c[i]}, {@code Math.sqrt}, {@code Math.abs}) and integer
 * reductions; measured here, a hand-written Vector API version of such a loop is no faster and at 512 bits
 * slower (VECTOR-API-NOTES, {@code docs/vectorizer.md}). Stride rewrites only what C2 leaves scalar:
 * floating-point and min/max reductions, conditionals (masks), transcendental {@code Math} calls, and rows of
 * arrays of arrays.
 */
public final class ProfitabilityAnalysis {

    private ProfitabilityAnalysis() {}

    /**
     * Why C2 should keep the loop, or null when Stride's SIMD code should run.
     *
     * @param function the function
     * @param plan a vectorisable loop
     * @return the shape C2 vectorises already, or null
     */
    public static String leftToC2(Function function, VectorLoopPlan plan) {
        if (plan.conditional() || plan.isOuter()) {
            return null;
        }
        for (Reduction reduction : plan.reductions()) {
            if (reduction.kind().isFloating()
                    || reduction.op() == Reduction.ReductionOp.MIN
                    || reduction.op() == Reduction.ReductionOp.MAX
                    || reduction.op() == Reduction.ReductionOp.MUL) {
                return null;
            }
        }
        for (ArrayAccess access : plan.accesses()) {
            if (access.base().isRow()) {
                return null;
            }
        }
        if (hasApproximateMath(function, plan)) {
            return null;
        }
        return plan.reductions().isEmpty()
                ? "a straight-line map over arrays: C2's SuperWord vectorises it already"
                : "an integer " + plan.reductions().getFirst().op().symbol()
                        + " reduction: C2's SuperWord vectorises it already";
    }

    private static boolean hasApproximateMath(Function function, VectorLoopPlan plan) {
        boolean[] found = {false};
        for (int id : plan.bodyOrder()) {
            for (Stmt stmt : function.blocks().get(id).statements()) {
                for (Expr operand : StmtOperands.of(stmt)) {
                    ExprWalk.forEach(
                            operand,
                            e -> found[0] |= e instanceof Expr.Call call
                                    && MathCalls.isMath(call)
                                    && MathCalls.isApproximate(call));
                }
            }
        }
        return found[0];
    }
}
