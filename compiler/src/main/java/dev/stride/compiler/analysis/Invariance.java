package dev.stride.compiler.analysis;

import dev.stride.compiler.frontend.ExprWalk;
import dev.stride.compiler.ir.Expr;
import dev.stride.compiler.ir.Kind;
import dev.stride.compiler.ir.Stmt;
import dev.stride.compiler.ir.Variable;
import java.util.HashSet;
import java.util.Set;

/**
 * Which expressions have the same value in every iteration of a loop: those built only from constants, reads of
 * variables the loop never assigns, array lengths of such arrays, pure {@code Math} calls and the
 * {@link PrangeMarker} on such values, and rows
 * {@code m[r]} of an array of arrays when the loop writes no reference anywhere. Primitive element reads and field
 * reads are never invariant here (the loop may write them).
 */
public final class Invariance {
    private final Set<Variable> assigned = new HashSet<>();
    private boolean writesReferences;

    /**
     * The variables assigned anywhere in a loop.
     *
     * @param cfg the function's graph
     * @param loop the loop
     */
    public Invariance(ControlFlowGraph cfg, Loop loop) {
        for (int block : loop.blocks()) {
            for (Stmt stmt : cfg.function().blocks().get(block).statements()) {
                if (stmt instanceof Stmt.Store store) {
                    assigned.add(store.variable());
                }
                writesReferences |= stmt instanceof Stmt.ArrayStore store && store.elementKind() == Kind.REF
                        || stmt instanceof Stmt.Eval
                        || stmt instanceof Stmt.FieldStore
                        || stmt instanceof Stmt.Opaque;
            }
        }
    }

    /**
     * Whether the loop assigns a variable.
     *
     * @param variable a variable
     * @return true when some statement of the loop stores to it
     */
    public boolean isAssigned(Variable variable) {
        return assigned.contains(variable);
    }

    /**
     * Whether an expression is loop-invariant.
     *
     * @param e an expression
     * @return true when its value cannot change between iterations
     */
    public boolean isInvariant(Expr e) {
        boolean[] invariant = {true};
        ExprWalk.forEach(e, node -> {
            switch (node) {
                case Expr.Read read -> invariant[0] &= !assigned.contains(read.variable());
                case Expr.ArrayLoad load -> invariant[0] &= load.elementKind() == Kind.REF && !writesReferences;
                case Expr.FieldLoad field -> invariant[0] = false;
                case Expr.Opaque opaque -> invariant[0] = false;
                case Expr.Call call -> invariant[0] &= call.owner().equals("java/lang/Math") || PrangeMarker.is(call);
                default -> {
                    // constants, arithmetic, lengths: invariant when their operands are
                }
            }
        });
        return invariant[0];
    }
}
