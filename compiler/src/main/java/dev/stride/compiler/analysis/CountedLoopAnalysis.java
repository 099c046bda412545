package dev.stride.compiler.analysis;

import dev.stride.compiler.frontend.ExprWalk;
import dev.stride.compiler.ir.BinaryOp;
import dev.stride.compiler.ir.Block;
import dev.stride.compiler.ir.Condition;
import dev.stride.compiler.ir.Condition.Relation;
import dev.stride.compiler.ir.Expr;
import dev.stride.compiler.ir.Kind;
import dev.stride.compiler.ir.Stmt;
import dev.stride.compiler.ir.Variable;
import dev.stride.compiler.report.RejectionReason;
import java.util.List;

/**
 * Recognises counted loops: a single back edge, a single exit taken from the header's test
 * {@code iv < bound} (or {@code <=}, or mirrored), an {@code int} induction variable whose only assignment in
 * the loop is {@code iv = iv + 1} as the last assignment of the latch, and a loop-invariant bound.
 */
public final class CountedLoopAnalysis {

    private CountedLoopAnalysis() {}

    /**
     * Analyses one loop.
     *
     * @param cfg the function's graph
     * @param loop the loop
     * @param invariance what the loop assigns
     * @return the counted loop
     * @throws Rejection when the loop is not counted
     */
    public static CountedLoop analyze(ControlFlowGraph cfg, Loop loop, Invariance invariance) {
        List<Block> blocks = cfg.function().blocks();
        Block header = blocks.get(loop.header());
        if (loop.latches().size() != 1) {
            throw new Rejection(RejectionReason.NOT_COUNTED, loop.line(), "the loop has several back edges");
        }
        checkSingleExit(cfg, loop);
        if (!(header.terminator() instanceof Stmt.Branch branch)
                || header.statements().size() != 1) {
            throw new Rejection(
                    RejectionReason.UNSUPPORTED_CONDITION,
                    loop.line(),
                    "the loop is not tested at the top by a plain comparison (do-while or a test with side effects)");
        }
        boolean trueStays = loop.contains(branch.whenTrue());
        Condition stay = trueStays ? branch.condition() : branch.condition().negate();
        int bodyEntry = trueStays ? branch.whenTrue() : branch.whenFalse();
        int exit = trueStays ? branch.whenFalse() : branch.whenTrue();
        Variable iv;
        Expr bound;
        Relation relation;
        Expr ivOffset = null;
        Expr.Binary leftSum = offsetForm(stay.left(), invariance);
        if (leftSum != null) {
            ivOffset = leftSum.right();
            stay = new Condition(stay.op(), leftSum.left(), stay.right());
        }
        if (stay.left() instanceof Expr.Read read
                && read.kind() == Kind.INT
                && invariance.isAssigned(read.variable())) {
            iv = read.variable();
            bound = stay.right();
            relation = stay.op();
        } else if (stay.right() instanceof Expr.Read read
                && read.kind() == Kind.INT
                && invariance.isAssigned(read.variable())) {
            iv = read.variable();
            bound = stay.left();
            relation = stay.op().mirror();
        } else {
            throw new Rejection(
                    RejectionReason.UNSUPPORTED_CONDITION,
                    branch.line(),
                    "the loop test does not compare an int induction variable with a bound");
        }
        if (relation != Relation.LT && relation != Relation.LE) {
            throw new Rejection(
                    RejectionReason.UNSUPPORTED_CONDITION,
                    branch.line(),
                    "the loop test is '" + relation.symbol() + "' (only counting up with < or <= is vectorised)");
        }
        if (!invariance.isInvariant(bound)) {
            throw new Rejection(
                    RejectionReason.BOUND_NOT_INVARIANT,
                    branch.line(),
                    "the bound of '" + cfg.function().nameOf(iv) + "' is assigned or read from memory in the loop");
        }
        int latch = loop.latches().getFirst();
        Stmt.Store increment = findIncrement(cfg, loop, iv, latch);
        return new CountedLoop(loop, iv, bound, relation == Relation.LE, bodyEntry, exit, latch, increment, ivOffset);
    }

    /** {@code iv + c} with an invariant c (as in {@code k + n <= x.length}), or null. */
    private static Expr.Binary offsetForm(Expr e, Invariance invariance) {
        if (e instanceof Expr.Binary b && b.op() == BinaryOp.ADD && b.kind() == Kind.INT) {
            if (b.left() instanceof Expr.Read
                    && !invariance.isInvariant(b.left())
                    && invariance.isInvariant(b.right())) {
                return b;
            }
            if (b.right() instanceof Expr.Read
                    && !invariance.isInvariant(b.right())
                    && invariance.isInvariant(b.left())) {
                return new Expr.Binary(BinaryOp.ADD, b.right(), b.left(), Kind.INT, b.line());
            }
        }
        return null;
    }

    private static void checkSingleExit(ControlFlowGraph cfg, Loop loop) {
        for (int block : loop.blocks()) {
            Block b = cfg.function().blocks().get(block);
            if (b.terminator() instanceof Stmt.Return || b.terminator() instanceof Stmt.Throw) {
                throw new Rejection(
                        RejectionReason.MULTIPLE_EXITS,
                        b.terminator().line(),
                        b.terminator() instanceof Stmt.Return ? "return inside the loop" : "throw inside the loop");
            }
            if (block == loop.header()) {
                continue;
            }
            for (int successor : cfg.successors(block)) {
                if (!loop.contains(successor)) {
                    throw new Rejection(RejectionReason.MULTIPLE_EXITS, lastLine(b), "break out of the loop");
                }
            }
        }
    }

    private static int lastLine(Block block) {
        return block.statements().isEmpty()
                ? block.line()
                : block.statements().getLast().line();
    }

    private static Stmt.Store findIncrement(ControlFlowGraph cfg, Loop loop, Variable iv, int latch) {
        Stmt.Store increment = null;
        for (int block : loop.blocks()) {
            for (Stmt stmt : cfg.function().blocks().get(block).statements()) {
                if (stmt instanceof Stmt.Store store && store.variable().equals(iv)) {
                    if (increment != null || block != latch) {
                        throw new Rejection(
                                RejectionReason.NOT_COUNTED,
                                store.line(),
                                "'" + cfg.function().nameOf(iv) + "' is assigned more than once per iteration");
                    }
                    increment = store;
                }
            }
        }
        if (increment == null || !isUnitStep(increment, iv)) {
            int line = increment == null ? loop.line() : increment.line();
            throw new Rejection(
                    increment == null ? RejectionReason.NOT_COUNTED : RejectionReason.NON_UNIT_STRIDE,
                    line,
                    "'" + cfg.function().nameOf(iv) + "' is not incremented by 1 once per iteration");
        }
        List<Stmt> latchStatements = cfg.function().blocks().get(latch).statements();
        int at = latchStatements.indexOf(increment);
        for (Stmt after : latchStatements.subList(at + 1, latchStatements.size())) {
            for (Expr operand : StmtOperands.of(after)) {
                if (ExprWalk.reads(operand, iv)) {
                    throw new Rejection(
                            RejectionReason.NOT_COUNTED,
                            after.line(),
                            "'" + cfg.function().nameOf(iv) + "' is read after its increment");
                }
            }
        }
        return increment;
    }

    private static boolean isUnitStep(Stmt.Store store, Variable iv) {
        return store.value() instanceof Expr.Binary binary
                && binary.op() == BinaryOp.ADD
                && binary.left() instanceof Expr.Read read
                && read.variable().equals(iv)
                && binary.right() instanceof Expr.Const constant
                && Integer.valueOf(1).equals(constant.value());
    }
}
