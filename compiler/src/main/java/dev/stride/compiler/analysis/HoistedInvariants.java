package dev.stride.compiler.analysis;

import dev.stride.compiler.frontend.ExprWalk;
import dev.stride.compiler.ir.Block;
import dev.stride.compiler.ir.Expr;
import dev.stride.compiler.ir.Function;
import dev.stride.compiler.ir.Stmt;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Decides which loop-invariant values a vectorised loop computes once, before its main loop: every maximal
 * invariant operand of a lane-wise operation (a variable the loop never assigns, {@code Math.sqrt(scale)}, a
 * constant), each broadcast into a vector once. The code generator emits exactly this list and the report prints
 * it, so the two cannot disagree.
 *
 * <p>Values inside an array index are not listed: indices are affine and computed per step from the induction
 * variable and hoisted offsets.
 */
public final class HoistedInvariants {

    private HoistedInvariants() {}

    /**
     * The invariant values of a loop's vector operations, in the order the body first uses them.
     *
     * @param function the lifted method
     * @param plan the loop's plan
     * @param invariance what the loop leaves unchanged
     * @return distinct expressions (by IR equality, so with their lines; see {@link #key} for structural equality)
     */
    public static List<Expr> of(Function function, VectorLoopPlan plan, Invariance invariance) {
        Set<Expr> found = new LinkedHashSet<>();
        for (int id : plan.bodyOrder()) {
            Block block = function.blocks().get(id);
            for (Stmt stmt : block.statements()) {
                for (Expr operand : vectorOperands(stmt, plan, invariance)) {
                    collect(operand, invariance, found);
                }
            }
        }
        return List.copyOf(new ArrayList<>(found));
    }

    /**
     * A key equal for structurally equal values (source lines ignored): two reads of {@code low} on different
     * lines are one hoisted value.
     *
     * @param e a hoisted expression
     * @return its structural key
     */
    public static String key(Expr e) {
        return ExprKey.of(e);
    }

    /** The operands of a statement that are computed lane-wise. */
    private static List<Expr> vectorOperands(Stmt stmt, VectorLoopPlan plan, Invariance invariance) {
        return switch (stmt) {
            case Stmt.Store store ->
                store == plan.counted().increment() || isScalarInNest(store, plan) ? List.of() : List.of(store.value());
            case Stmt.ArrayStore store -> List.of(store.value());
            case Stmt.Branch branch -> {
                Expr left = branch.condition().left();
                if (invariance.isInvariant(left)
                        && invariance.isInvariant(branch.condition().right())) {
                    yield List.of(); // a uniform branch: tested once as a scalar, nothing to broadcast
                }
                yield left instanceof Expr.Compare compare
                        ? List.of(compare.left(), compare.right())
                        : List.of(left, branch.condition().right());
            }
            default -> List.of();
        };
    }

    private static void collect(Expr e, Invariance invariance, Set<Expr> found) {
        if (invariance.isInvariant(e)) {
            found.add(e);
            return;
        }
        if (e instanceof Expr.ArrayLoad) {
            return;
        }
        for (Expr child : ExprWalk.children(e)) {
            collect(child, invariance, found);
        }
    }

    /**
     * In an outer-loop nest, the stores that stay scalar: inner counters (the same in every lane) and int locals of
     * the form {@code k + rest}, which are used only inside array indices.
     */
    private static boolean isScalarInNest(Stmt.Store store, VectorLoopPlan plan) {
        if (!plan.isOuter()) {
            return false;
        }
        if (plan.affinePrivates().containsKey(store.variable())) {
            return true;
        }
        for (VectorLoopPlan.InnerLoop inner : plan.innerLoops()) {
            if (inner.counted().inductionVariable().equals(store.variable())) {
                return true;
            }
        }
        return false;
    }
}
