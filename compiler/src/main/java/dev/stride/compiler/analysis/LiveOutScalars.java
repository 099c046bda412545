package dev.stride.compiler.analysis;

import dev.stride.compiler.frontend.ExprWalk;
import dev.stride.compiler.ir.Expr;
import dev.stride.compiler.ir.Stmt;
import dev.stride.compiler.ir.Variable;
import dev.stride.compiler.report.RejectionReason;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Tells a scalar that is only read after the loop ({@code last = a[i]; ... return last}) from one that carries a
 * value into the next iteration ({@code previous = a[i]} read at the top of the body).
 *
 * <p>Both are live at the loop header and assigned in the body; liveness alone cannot tell them apart, because
 * the path around the back edge and out of the loop makes every such variable live everywhere in the body. The
 * question asked here is narrower: within one iteration, is any read of the variable reachable from the header
 * without an assignment to it on the way? A forward "assigned in this iteration" analysis over the body in
 * reverse post-order answers it: a block is assigned on entry when all its predecessors are assigned on exit,
 * with the header counting as unassigned (its value comes from the previous iteration). A predecessor not yet
 * visited (the back edge of a loop nested in the body) counts as unassigned too, which only ever reports a
 * variable as carried, the older and safe answer.
 */
public final class LiveOutScalars {

    private LiveOutScalars() {}

    /**
     * Rejects the loop when one of its header-live assigned variables is never read before its assignment within
     * an iteration: its value escapes only after the loop, so it is a live-out scalar (the last iteration's value),
     * not a reduction and not a loop-carried value.
     *
     * @param cfg the function's graph
     * @param loop the loop
     * @param bodyOrder the loop's blocks without the header, in reverse post-order
     * @param updates the header-live variables assigned in the body, with their assignments
     * @throws Rejection with {@link RejectionReason#LIVE_OUT_SCALAR} for the first such variable
     */
    public static void check(
            ControlFlowGraph cfg, Loop loop, List<Integer> bodyOrder, Map<Variable, List<Stmt.Store>> updates) {
        for (Map.Entry<Variable, List<Stmt.Store>> entry : updates.entrySet()) {
            if (!readBeforeAssigned(cfg, loop, bodyOrder, entry.getKey())) {
                String name = cfg.function().nameOf(entry.getKey());
                throw new Rejection(
                        RejectionReason.LIVE_OUT_SCALAR,
                        entry.getValue().getFirst().line(),
                        "'" + name + "' is assigned in the loop and read after it, so it must hold the last"
                                + " iteration's value (keep the values in an array and read the last one after the"
                                + " loop)");
            }
        }
    }

    /**
     * Whether some read of {@code variable} in the loop can see the value of a previous iteration (or of before the
     * loop).
     *
     * @param cfg the function's graph
     * @param loop the loop
     * @param bodyOrder the loop's blocks without the header, in reverse post-order
     * @param variable the variable
     * @return true when a read in the loop is reached from the header without an assignment on the way
     */
    static boolean readBeforeAssigned(ControlFlowGraph cfg, Loop loop, List<Integer> bodyOrder, Variable variable) {
        if (readsBeforeAssigning(cfg.function().blocks().get(loop.header()).statements(), variable, false) == null) {
            return true;
        }
        Map<Integer, Boolean> assignedOut = new HashMap<>();
        assignedOut.put(loop.header(), false);
        for (int block : bodyOrder) {
            boolean assignedIn = true;
            for (int predecessor : cfg.predecessors(block)) {
                assignedIn &= assignedOut.getOrDefault(predecessor, false);
            }
            Boolean out =
                    readsBeforeAssigning(cfg.function().blocks().get(block).statements(), variable, assignedIn);
            if (out == null) {
                return true;
            }
            assignedOut.put(block, out);
        }
        return false;
    }

    /** Walks statements in order: null when one reads the variable while unassigned, else assigned on exit. */
    private static Boolean readsBeforeAssigning(List<Stmt> statements, Variable variable, boolean assigned) {
        boolean current = assigned;
        for (Stmt statement : statements) {
            if (!current) {
                for (Expr operand : StmtOperands.of(statement)) {
                    if (ExprWalk.reads(operand, variable)) {
                        return null;
                    }
                }
            }
            if (statement instanceof Stmt.Store store && store.variable().equals(variable)) {
                current = true;
            }
        }
        return current;
    }
}
