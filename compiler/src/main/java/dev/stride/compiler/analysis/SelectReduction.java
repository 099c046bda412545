package dev.stride.compiler.analysis;

import dev.stride.compiler.frontend.ExprWalk;
import dev.stride.compiler.ir.Block;
import dev.stride.compiler.ir.Condition;
import dev.stride.compiler.ir.Expr;
import dev.stride.compiler.ir.Stmt;
import dev.stride.compiler.ir.Variable;
import java.util.List;
import java.util.Optional;

/**
 * Recognises a minimum or maximum written as a comparison instead of {@code Math.min/max}: the ternary
 * {@code m = e > m ? e : m} (any of {@code > >= < <=}, either operand order, either branch order) and the statement
 * {@code if (e > m) m = e;}.
 *
 * <p>The shapes, as javac leaves them and the lifter rebuilds them: a block ends with a branch on a comparison of
 * {@code e} with {@code m}; for the ternary, its two successors store {@code e} and {@code m} into one stack
 * temporary and the join assigns the temporary to {@code m}; for the {@code if}, one successor holds only
 * {@code m = e} and falls into the other. The comparison's {@code e} and the stored {@code e} must be the same
 * expression, and {@code m} must be read nowhere else in the loop. What the vector code then runs is the
 * statements themselves, lane by lane (the branch becomes a mask and a blend), so every lane follows Java's rule
 * exactly; only the combination of the lanes after the loop uses {@code max}/{@code min}.
 *
 * <p>Whether that combination is exact depends on the type. For {@code int} and {@code long} the select is
 * {@code Math.max/min}. For {@code float} and {@code double} it is not: an element compared unordered (NaN) is
 * skipped or taken depending on how the comparison is written, and of {@code -0.0} and {@code 0.0}, which compare
 * equal, the order of the elements decides which one a tie keeps. A select that skips NaN elements keeps a NaN
 * start ({@code NaN > x} is false for every x), and lanes never hold NaN, so {@code Math.max(start, lanes)} gives
 * the scalar result except for the sign of a zero result: allowed under fastmath. A select that takes NaN elements
 * ({@code m = m > e ? m : e}) makes the result depend on where the last NaN is: never vectorised.
 */
public final class SelectReduction {

    /**
     * A recognised select.
     *
     * @param op {@code MIN} or {@code MAX}
     * @param element the expression compared with the accumulator and stored into it
     * @param takesUnordered whether an element comparing unordered (NaN) with the accumulator is taken
     * @param line the comparison's line
     */
    public record Match(Reduction.ReductionOp op, Expr element, boolean takesUnordered, int line) {}

    private SelectReduction() {}

    /**
     * Matches one loop-carried variable.
     *
     * @param cfg the function's graph
     * @param loop the loop
     * @param variable the accumulator candidate
     * @param updates its assignments in the loop
     * @return the match, or empty when the variable is not updated by a select
     */
    public static Optional<Match> match(ControlFlowGraph cfg, Loop loop, Variable variable, List<Stmt.Store> updates) {
        if (updates.size() != 1) {
            return Optional.empty();
        }
        Stmt.Store update = updates.getFirst();
        Optional<Match> found =
                update.value() instanceof Expr.Read temp && !temp.variable().isLocal()
                        ? ternary(cfg, loop, variable, update, temp.variable())
                        : conditionalStore(cfg, loop, variable, update);
        return found.filter(m -> readsInLoop(cfg, loop, variable) == expectedReads(update));
    }

    /** The condition's read, plus the ternary's {@code t = m}. */
    private static int expectedReads(Stmt.Store update) {
        return update.value() instanceof Expr.Read temp && !temp.variable().isLocal() ? 2 : 1;
    }

    /** {@code m = c ? e : m}: two successors of one branch store e and m into the temporary the join assigns. */
    private static Optional<Match> ternary(
            ControlFlowGraph cfg, Loop loop, Variable variable, Stmt.Store update, Variable temp) {
        int join = blockOf(cfg, loop, update);
        List<Integer> predecessors = cfg.predecessors(join);
        if (predecessors.size() != 2) {
            return Optional.empty();
        }
        Expr first = onlyStoreOf(cfg, predecessors.get(0), temp);
        Expr second = onlyStoreOf(cfg, predecessors.get(1), temp);
        if (first == null || second == null) {
            return Optional.empty();
        }
        int branchBlock = singlePredecessor(cfg, predecessors.get(0));
        if (branchBlock < 0 || branchBlock != singlePredecessor(cfg, predecessors.get(1))) {
            return Optional.empty();
        }
        boolean firstKeeps = isRead(first, variable);
        if (firstKeeps == isRead(second, variable)) {
            return Optional.empty();
        }
        Expr element = firstKeeps ? second : first;
        int takeBlock = firstKeeps ? predecessors.get(1) : predecessors.get(0);
        return fromBranch(cfg, branchBlock, takeBlock, variable, element);
    }

    /** {@code if (c) m = e;}: a block holding only the store, between a branch and the branch's other target. */
    private static Optional<Match> conditionalStore(
            ControlFlowGraph cfg, Loop loop, Variable variable, Stmt.Store update) {
        int store = blockOf(cfg, loop, update);
        Block block = cfg.function().blocks().get(store);
        boolean alone = block.statements().stream().allMatch(s -> s == update || s instanceof Stmt.Jump);
        int branchBlock = singlePredecessor(cfg, store);
        if (!alone || branchBlock < 0 || cfg.successors(store).size() != 1) {
            return Optional.empty();
        }
        if (!cfg.successors(branchBlock).contains(cfg.successors(store).getFirst())) {
            return Optional.empty();
        }
        return fromBranch(cfg, branchBlock, store, variable, update.value());
    }

    /**
     * Reads the branch as "the element is taken when {@code element R m}", with R one of {@code > >= < <=} and
     * whether an unordered comparison takes it.
     */
    private static Optional<Match> fromBranch(
            ControlFlowGraph cfg, int branchBlock, int takeBlock, Variable variable, Expr element) {
        if (ExprWalk.reads(element, variable)
                || !(cfg.function().blocks().get(branchBlock).terminator() instanceof Stmt.Branch branch)) {
            return Optional.empty();
        }
        Condition condition = branch.condition();
        Expr left = condition.left();
        Expr right = condition.right();
        Condition.Relation relation = condition.op();
        boolean unorderedHolds = false;
        if (left instanceof Expr.Compare compare && right instanceof Expr.Const zero && isZero(zero)) {
            unorderedHolds = holds(compare.nanIsGreater() ? 1 : -1, relation);
            left = compare.left();
            right = compare.right();
        }
        if (branch.whenTrue() == branch.whenFalse()) {
            return Optional.empty();
        }
        if (branch.whenFalse() == takeBlock) {
            relation = relation.negate();
            unorderedHolds = !unorderedHolds;
        } else if (branch.whenTrue() != takeBlock) {
            return Optional.empty();
        }
        if (isRead(left, variable)) {
            Expr swap = left;
            left = right;
            right = swap;
            relation = relation.mirror();
        }
        if (!isRead(right, variable) || !ExprKey.of(left).equals(ExprKey.of(element))) {
            return Optional.empty();
        }
        Reduction.ReductionOp op = switch (relation) {
            case GT, GE -> Reduction.ReductionOp.MAX;
            case LT, LE -> Reduction.ReductionOp.MIN;
            case EQ, NE -> null;
        };
        return op == null ? Optional.empty() : Optional.of(new Match(op, element, unorderedHolds, branch.line()));
    }

    private static boolean holds(int comparison, Condition.Relation relation) {
        return switch (relation) {
            case EQ -> comparison == 0;
            case NE -> comparison != 0;
            case LT -> comparison < 0;
            case GE -> comparison >= 0;
            case GT -> comparison > 0;
            case LE -> comparison <= 0;
        };
    }

    private static boolean isZero(Expr.Const constant) {
        return constant.value() instanceof Integer value && value == 0;
    }

    private static int blockOf(ControlFlowGraph cfg, Loop loop, Stmt statement) {
        for (int id : loop.blocks()) {
            if (cfg.function().blocks().get(id).statements().contains(statement)) {
                return id;
            }
        }
        return -1;
    }

    private static int singlePredecessor(ControlFlowGraph cfg, int block) {
        List<Integer> predecessors = cfg.predecessors(block);
        return predecessors.size() == 1 ? predecessors.getFirst() : -1;
    }

    /** The value of the block's one store to {@code temp} when that store and a jump are all it holds, else null. */
    private static Expr onlyStoreOf(ControlFlowGraph cfg, int block, Variable temp) {
        Expr value = null;
        for (Stmt statement : cfg.function().blocks().get(block).statements()) {
            if (statement instanceof Stmt.Store store && store.variable().equals(temp) && value == null) {
                value = store.value();
            } else if (!(statement instanceof Stmt.Jump)) {
                return null;
            }
        }
        return value;
    }

    private static int readsInLoop(ControlFlowGraph cfg, Loop loop, Variable variable) {
        int[] reads = {0};
        for (int id : loop.blocks()) {
            for (Stmt statement : cfg.function().blocks().get(id).statements()) {
                for (Expr operand : StmtOperands.of(statement)) {
                    ExprWalk.forEach(operand, e -> {
                        if (e instanceof Expr.Read read && read.variable().equals(variable)) {
                            reads[0]++;
                        }
                    });
                }
            }
        }
        return reads[0];
    }

    private static boolean isRead(Expr e, Variable variable) {
        return e instanceof Expr.Read read && read.variable().equals(variable);
    }
}
