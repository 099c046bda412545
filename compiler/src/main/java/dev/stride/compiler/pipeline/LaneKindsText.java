package dev.stride.compiler.pipeline;

import dev.stride.compiler.analysis.Invariance;
import dev.stride.compiler.analysis.StmtOperands;
import dev.stride.compiler.analysis.VectorLoopPlan;
import dev.stride.compiler.frontend.ExprWalk;
import dev.stride.compiler.ir.Expr;
import dev.stride.compiler.ir.Function;
import dev.stride.compiler.ir.Kind;
import dev.stride.compiler.ir.Stmt;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * The report's note on a vectorised loop that converts between element sizes: which other kinds run beside the
 * lead kind, and in how wide vectors ({@code int lanes in 128-bit vectors}), so the reader sees why an int loop
 * that converts to double moves half as many ints per step as an all-int loop.
 */
final class LaneKindsText {
    private LaneKindsText() {}

    /**
     * The note, or an empty string when the loop computes with one kind.
     *
     * @param function the lifted method
     * @param plan the loop's plan
     * @param invariance what the loop leaves unchanged (a conversion of an invariant happens once, not per lane)
     * @return for example {@code " (int lanes in 128-bit vectors, converted per lane)"}
     */
    static String of(Function function, VectorLoopPlan plan, Invariance invariance) {
        Set<Kind> kinds = EnumSet.noneOf(Kind.class);
        for (int id : plan.bodyOrder()) {
            for (Stmt stmt : function.blocks().get(id).statements()) {
                if (stmt instanceof Stmt.ArrayStore store) {
                    kinds.add(store.elementKind());
                }
                for (Expr operand : StmtOperands.of(stmt)) {
                    collect(operand, invariance, kinds);
                }
            }
        }
        kinds.remove(plan.laneKind());
        kinds.removeIf(kind -> !kind.isVectorizable());
        if (kinds.isEmpty()) {
            return "";
        }
        List<String> parts = new ArrayList<>();
        for (Kind kind : kinds) {
            parts.add(kind.javaName() + " lanes in " + plan.lanes() * kind.bits() + "-bit vectors");
        }
        return " (" + String.join(", ", parts) + ", converted per lane)";
    }

    private static void collect(Expr e, Invariance invariance, Set<Kind> kinds) {
        if (invariance.isInvariant(e)) {
            return;
        }
        if (e instanceof Expr.ArrayLoad load) {
            kinds.add(load.elementKind());
        } else if (e instanceof Expr.Convert convert) {
            kinds.add(convert.kind());
            kinds.add(convert.operand().kind());
        }
        for (Expr child : ExprWalk.children(e)) {
            collect(child, invariance, kinds);
        }
    }
}
