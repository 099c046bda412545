package dev.stride.compiler.analysis;

import dev.stride.compiler.frontend.ExprWalk;
import dev.stride.compiler.ir.Condition;
import dev.stride.compiler.ir.Expr;
import dev.stride.compiler.ir.Stmt;
import dev.stride.compiler.ir.Variable;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Recognises a minimum or maximum written as a comparison instead of {@code Math.min/max}: the ternary
 * {@code m = e > m ? e : m} (any of {@code > >= < <=}, either operand order, either branch order) and the statement
 * {@code if (e > m) m = e;}.
 *
 * <p>The shapes, as javac leaves them and the lifter rebuilds them: a block ends with a branch on a comparison of
 * {@code e} with {@code m}; for the ternary, its two successors store {@code e} and {@code m} into one stack
 * temporary and the join assigns the temporary to {@code m}; for the {@code if}, one successor holds only
 * {@code m = e} and falls into the other. A helper such as {@code max(a, b) { return a > b ? a : b; }} inlined into
 * the loop adds copies: its parameters and its result become temporaries assigned once per iteration, which are
 * followed back to what they copy ({@link #chase}). The comparison's {@code e} and the stored {@code e} must be
 * the same expression, and {@code m} must be read nowhere else in the loop (directly or through a copy), since a
 * lane's accumulator is not the scalar loop's running value. What the vector code then runs is the
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

    private final ControlFlowGraph cfg;
    private final Loop loop;
    private final Variable variable;
    private final Map<Variable, List<Stmt.Store>> storesInLoop = new HashMap<>();
    /** The statements allowed to read the accumulator: the branch, the store that keeps it, and copies of it. */
    private final Set<Stmt> patternReads = Collections.newSetFromMap(new IdentityHashMap<>());
    /** The update and the copies that lead to it from the ternary's temporary. */
    private final Set<Stmt> joinChain = Collections.newSetFromMap(new IdentityHashMap<>());

    private SelectReduction(ControlFlowGraph cfg, Loop loop, Variable variable) {
        this.cfg = cfg;
        this.loop = loop;
        this.variable = variable;
        for (int id : loop.blocks()) {
            for (Stmt statement : cfg.function().blocks().get(id).statements()) {
                if (statement instanceof Stmt.Store store) {
                    storesInLoop
                            .computeIfAbsent(store.variable(), v -> new ArrayList<>())
                            .add(store);
                }
            }
        }
    }

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
        return new SelectReduction(cfg, loop, variable).match(updates.getFirst());
    }

    private Optional<Match> match(Stmt.Store update) {
        Expr value = update.value();
        joinChain.add(update);
        for (int depth = 0; depth < 16 && singleStoreTemp(value) != null; depth++) {
            Stmt.Store copy = singleStoreTemp(value);
            joinChain.add(copy);
            value = copy.value();
        }
        if (value instanceof Expr.Read read
                && !read.variable().isLocal()
                && stores(read.variable()).size() == 2) {
            return ternary(read.variable()).filter(m -> readOnlyByThePattern(read.variable()));
        }
        joinChain.retainAll(List.of(update));
        return conditionalStore(update).filter(m -> readOnlyByThePattern(null));
    }

    /** The one store of a temporary the expression reads, when it is such a read. */
    private Stmt.Store singleStoreTemp(Expr e) {
        if (e instanceof Expr.Read read
                && !read.variable().isLocal()
                && stores(read.variable()).size() == 1) {
            return stores(read.variable()).getFirst();
        }
        return null;
    }

    /** {@code m = c ? e : m}: two successors of one branch store e and m into one temporary. */
    private Optional<Match> ternary(Variable temp) {
        Stmt.Store first = stores(temp).get(0);
        Stmt.Store second = stores(temp).get(1);
        int firstBlock = blockOf(first);
        int secondBlock = blockOf(second);
        if (!holdsOnly(firstBlock, first) || !holdsOnly(secondBlock, second)) {
            return Optional.empty();
        }
        int branchBlock = singlePredecessor(firstBlock);
        if (branchBlock < 0 || branchBlock != singlePredecessor(secondBlock)) {
            return Optional.empty();
        }
        boolean firstKeeps = isAccumulator(chase(first.value()));
        if (firstKeeps == isAccumulator(chase(second.value()))) {
            return Optional.empty();
        }
        patternReads.add(firstKeeps ? first : second);
        Expr element = chase(firstKeeps ? second.value() : first.value());
        return fromBranch(branchBlock, firstKeeps ? secondBlock : firstBlock, element);
    }

    /** {@code if (c) m = e;}: a block holding only the store, between a branch and the branch's other target. */
    private Optional<Match> conditionalStore(Stmt.Store update) {
        int store = blockOf(update);
        int branchBlock = singlePredecessor(store);
        if (!holdsOnly(store, update)
                || branchBlock < 0
                || cfg.successors(store).size() != 1) {
            return Optional.empty();
        }
        if (!cfg.successors(branchBlock).contains(cfg.successors(store).getFirst())) {
            return Optional.empty();
        }
        return fromBranch(branchBlock, store, chase(update.value()));
    }

    /**
     * Reads the branch as "the element is taken when {@code element R m}", with R one of {@code > >= < <=} and
     * whether an unordered comparison takes it.
     */
    private Optional<Match> fromBranch(int branchBlock, int takeBlock, Expr element) {
        if (ExprWalk.reads(element, variable)
                || !(cfg.function().blocks().get(branchBlock).terminator() instanceof Stmt.Branch branch)
                || branch.whenTrue() == branch.whenFalse()) {
            return Optional.empty();
        }
        patternReads.add(branch);
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
        if (branch.whenFalse() == takeBlock) {
            relation = relation.negate();
            unorderedHolds = !unorderedHolds;
        } else if (branch.whenTrue() != takeBlock) {
            return Optional.empty();
        }
        left = chase(left);
        right = chase(right);
        if (isAccumulator(left)) {
            Expr swap = left;
            left = right;
            right = swap;
            relation = relation.mirror();
        }
        if (!isAccumulator(right) || !ExprKey.of(left).equals(ExprKey.of(element))) {
            return Optional.empty();
        }
        Reduction.ReductionOp op = switch (relation) {
            case GT, GE -> Reduction.ReductionOp.MAX;
            case LT, LE -> Reduction.ReductionOp.MIN;
            case EQ, NE -> null;
        };
        return op == null ? Optional.empty() : Optional.of(new Match(op, element, unorderedHolds, branch.line()));
    }

    /**
     * Follows copies: a read of a temporary (a stack value or an inlined helper's parameter or result, never a
     * local of the user's) that the loop assigns exactly once stands for the assigned value. A copy of the
     * accumulator is one of the pattern's reads.
     */
    private Expr chase(Expr e) {
        Expr current = e;
        for (int depth = 0;
                depth < 16
                        && current instanceof Expr.Read read
                        && !read.variable().isLocal();
                depth++) {
            List<Stmt.Store> stores = stores(read.variable());
            if (stores.size() != 1) {
                break;
            }
            current = stores.getFirst().value();
            if (isAccumulator(current)) {
                patternReads.add(stores.getFirst());
            }
        }
        return current;
    }

    /**
     * Every statement of the loop that reads the accumulator is one the pattern accounts for, and so is every
     * statement that reads a temporary holding the accumulator (a copy of it, the ternary's temporary, the copies
     * between the ternary and the update): a lane's accumulator is not the scalar loop's running value, so no other
     * statement may see it.
     */
    private boolean readOnlyByThePattern(Variable ternaryTemp) {
        Set<Variable> holders = new HashSet<>();
        if (ternaryTemp != null) {
            holders.add(ternaryTemp);
        }
        for (Stmt statement : joinChain) {
            if (statement instanceof Stmt.Store store && !store.variable().equals(variable)) {
                holders.add(store.variable());
            }
        }
        for (Stmt statement : patternReads) {
            if (statement instanceof Stmt.Store store && isAccumulator(store.value())) {
                holders.add(store.variable());
            }
        }
        for (int id : loop.blocks()) {
            for (Stmt statement : cfg.function().blocks().get(id).statements()) {
                if (patternReads.contains(statement) || joinChain.contains(statement)) {
                    continue;
                }
                if (readsAccumulator(statement) || holders.stream().anyMatch(h -> reads(statement, h))) {
                    return false;
                }
            }
        }
        return true;
    }

    private static boolean reads(Stmt statement, Variable of) {
        return StmtOperands.of(statement).stream().anyMatch(e -> ExprWalk.reads(e, of));
    }

    private boolean readsAccumulator(Stmt statement) {
        return reads(statement, variable);
    }

    private List<Stmt.Store> stores(Variable of) {
        return storesInLoop.getOrDefault(of, List.of());
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

    private int blockOf(Stmt statement) {
        for (int id : loop.blocks()) {
            if (cfg.function().blocks().get(id).statements().contains(statement)) {
                return id;
            }
        }
        return -1;
    }

    private int singlePredecessor(int block) {
        List<Integer> predecessors = cfg.predecessors(block);
        return predecessors.size() == 1 ? predecessors.getFirst() : -1;
    }

    /** Whether the block holds the store and nothing else but an unconditional jump. */
    private boolean holdsOnly(int block, Stmt.Store store) {
        return block >= 0
                && cfg.function().blocks().get(block).statements().stream()
                        .allMatch(s -> s == store || s instanceof Stmt.Jump);
    }

    private boolean isAccumulator(Expr e) {
        return e instanceof Expr.Read read && read.variable().equals(variable);
    }
}
