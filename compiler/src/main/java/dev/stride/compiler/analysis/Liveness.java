package dev.stride.compiler.analysis;

import dev.stride.compiler.frontend.ExprWalk;
import dev.stride.compiler.ir.Block;
import dev.stride.compiler.ir.Expr;
import dev.stride.compiler.ir.Stmt;
import dev.stride.compiler.ir.Variable;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Live variables at the entry of every block: the classic backward data-flow problem solved by iterating to a
 * fixpoint ({@code in = uses + (out - defs)}, {@code out = union of successors' in}).
 */
public final class Liveness {
    private final List<Set<Variable>> liveIn = new ArrayList<>();

    /**
     * Solves liveness for a function.
     *
     * @param cfg the function's control flow graph
     */
    public Liveness(ControlFlowGraph cfg) {
        List<Block> blocks = cfg.function().blocks();
        List<Set<Variable>> uses = new ArrayList<>();
        List<Set<Variable>> defs = new ArrayList<>();
        for (Block block : blocks) {
            Set<Variable> use = new HashSet<>();
            Set<Variable> def = new HashSet<>();
            for (Stmt stmt : block.statements()) {
                for (Expr operand : StmtOperands.of(stmt)) {
                    ExprWalk.forEach(operand, e -> {
                        if (e instanceof Expr.Read read && !def.contains(read.variable())) {
                            use.add(read.variable());
                        }
                    });
                }
                if (stmt instanceof Stmt.Store store) {
                    def.add(store.variable());
                }
            }
            uses.add(use);
            defs.add(def);
            liveIn.add(new HashSet<>(use));
        }
        boolean changed = true;
        while (changed) {
            changed = false;
            for (int k = blocks.size() - 1; k >= 0; k--) {
                Set<Variable> out = new HashSet<>();
                for (int successor : blocks.get(k).successors()) {
                    out.addAll(liveIn.get(successor));
                }
                out.removeAll(defs.get(k));
                out.addAll(uses.get(k));
                if (!out.equals(liveIn.get(k))) {
                    liveIn.set(k, out);
                    changed = true;
                }
            }
        }
    }

    /**
     * The variables live on entry to a block.
     *
     * @param block a block id
     * @return the live variables
     */
    public Set<Variable> liveIn(int block) {
        return liveIn.get(block);
    }
}
