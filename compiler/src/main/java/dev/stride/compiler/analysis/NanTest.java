package dev.stride.compiler.analysis;

import dev.stride.compiler.ir.Condition;
import dev.stride.compiler.ir.Expr;

/**
 * Recognises {@code Double.isNaN(x)} and {@code Float.isNaN(x)} used as a branch condition, which vectorises to
 * the lane test {@code IS_NAN}.
 */
public final class NanTest {

    private NanTest() {}

    /**
     * The tested operand, or null when the condition is not a NaN test.
     *
     * @param condition a branch condition
     * @return the x of {@code isNaN(x)}
     */
    public static Expr operand(Condition condition) {
        if (condition.left() instanceof Expr.Call call
                && call.name().equals("isNaN")
                && (call.owner().equals("java/lang/Double") || call.owner().equals("java/lang/Float"))
                && call.arguments().size() == 1
                && condition.right() instanceof Expr.Const c
                && Integer.valueOf(0).equals(c.value())
                && (condition.op() == Condition.Relation.EQ || condition.op() == Condition.Relation.NE)) {
            return call.arguments().getFirst();
        }
        return null;
    }

    /**
     * Whether the branch is taken when the operand is NaN ({@code isNaN(x) != 0}).
     *
     * @param condition a NaN-test condition
     * @return true when NaN lanes take the branch
     */
    public static boolean takenOnNan(Condition condition) {
        return condition.op() == Condition.Relation.NE;
    }
}
