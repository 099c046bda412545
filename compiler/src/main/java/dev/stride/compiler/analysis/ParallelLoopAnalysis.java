package dev.stride.compiler.analysis;

import dev.stride.compiler.frontend.ExprWalk;
import dev.stride.compiler.ir.Block;
import dev.stride.compiler.ir.Expr;
import dev.stride.compiler.ir.Function;
import dev.stride.compiler.ir.Stmt;
import dev.stride.compiler.ir.Variable;
import dev.stride.compiler.report.RejectionReason;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Decides whether a {@code prange} loop of a {@code @Parallel} method can run its iterations in parallel, and if
 * so produces its {@link ParallelLoopPlan}.
 *
 * <p>The checks, in order, each stopping at the first broken rule with a {@link Rejection}:
 *
 * <ol>
 *   <li>no try region around or inside the loop (an exception must leave the method as it would serially);
 *   <li>a counted loop ({@link CountedLoopAnalysis}, which reads {@code prange(n)} as the invariant bound
 *       {@code n}) of the exact shape {@code for (i = start; i < prange(n); i++)}, with a single exit;
 *   <li>effects: calls only to {@code Math}, to the marker, and to static methods of the same class (trusted, see
 *       the package documentation); no field writes, allocations, locks or other unmodelled instructions;
 *   <li>scalars: every local assigned in the loop and live at its header (so carried between iterations or read
 *       after the loop) must be a recognised reduction; floating-point {@code +} and {@code *} only under
 *       fastmath;
 *   <li>arrays: {@link ParallelRaceAnalysis}.
 * </ol>
 */
public final class ParallelLoopAnalysis {

    private ParallelLoopAnalysis() {}

    /**
     * Whether a loop is marked with {@code prange}: its header test calls the marker.
     *
     * @param cfg the function's graph
     * @param loop a loop
     * @return true for {@code i < prange(n)} loops
     */
    public static boolean isPrangeLoop(ControlFlowGraph cfg, Loop loop) {
        Block header = cfg.function().blocks().get(loop.header());
        boolean[] found = {false};
        for (Stmt stmt : header.statements()) {
            for (Expr operand : StmtOperands.of(stmt)) {
                ExprWalk.forEach(operand, e -> found[0] |= PrangeMarker.is(e));
            }
        }
        return found[0];
    }

    /**
     * Analyses one {@code prange} loop.
     *
     * @param cfg the function's graph
     * @param liveness liveness of the function
     * @param loop the loop ({@link #isPrangeLoop} holds)
     * @param fastmath whether floating-point reductions may be reassociated
     * @param threshold {@code @Parallel(threshold)}
     * @return the plan
     * @throws Rejection when the loop must run serially
     */
    public static ParallelLoopPlan analyze(
            ControlFlowGraph cfg, Liveness liveness, Loop loop, boolean fastmath, int threshold) {
        Function function = cfg.function();
        for (int block : loop.blocks()) {
            if (function.protectedBlocks().contains(block)
                    || function.handlerBlocks().contains(block)) {
                throw new Rejection(RejectionReason.TRY_CATCH, loop.line(), "the loop is inside a try block");
            }
        }
        Invariance invariance = new Invariance(cfg, loop);
        CountedLoop counted = CountedLoopAnalysis.analyze(cfg, loop, invariance);
        if (!PrangeMarker.is(counted.bound()) || counted.inclusive() || counted.ivOffset() != null) {
            throw new Rejection(
                    RejectionReason.PARALLEL_SHAPE,
                    loop.line(),
                    "the loop test is not '" + function.nameOf(counted.inductionVariable()) + " < prange(n)'");
        }
        List<Stmt> statements = statements(cfg, loop, counted);
        List<String> assumptions = new ArrayList<>();
        String helpers = ParallelEffects.check(function, statements);
        if (helpers != null) {
            assumptions.add("the static methods " + helpers + " of this class, called in the loop, write only array"
                    + " elements (and no fields) that belong to their own iteration (trusted, not checked)");
        }
        List<Reduction> reductions = reductions(cfg, liveness, counted, statements, fastmath);
        ParallelRaceAnalysis.Result races =
                ParallelRaceAnalysis.analyze(function, counted.inductionVariable(), invariance, statements);
        assumptions.addAll(races.assumptions());
        List<String> nested = new ArrayList<>();
        nestedPrangeLoops(cfg, loop, nested);
        return new ParallelLoopPlan(
                counted,
                PrangeMarker.argument(counted.bound()),
                reductions,
                races.aliasChecks(),
                List.copyOf(assumptions),
                List.copyOf(nested),
                threshold);
    }

    private static List<Stmt> statements(ControlFlowGraph cfg, Loop loop, CountedLoop counted) {
        List<Stmt> statements = new ArrayList<>();
        for (int block : loop.blocks()) {
            if (block == loop.header()) {
                continue;
            }
            for (Stmt stmt : cfg.function().blocks().get(block).statements()) {
                if (stmt != counted.increment()) {
                    statements.add(stmt);
                }
            }
        }
        return statements;
    }

    private static List<Reduction> reductions(
            ControlFlowGraph cfg, Liveness liveness, CountedLoop counted, List<Stmt> statements, boolean fastmath) {
        Function function = cfg.function();
        Set<Variable> liveAtHeader = liveness.liveIn(counted.loop().header());
        Map<Variable, List<Stmt.Store>> updates = new TreeMap<>();
        for (Stmt stmt : statements) {
            if (stmt instanceof Stmt.Store store
                    && liveAtHeader.contains(store.variable())
                    && !store.variable().equals(counted.inductionVariable())) {
                updates.computeIfAbsent(store.variable(), v -> new ArrayList<>())
                        .add(store);
            }
        }
        List<Reduction> reductions = new ArrayList<>();
        for (Map.Entry<Variable, List<Stmt.Store>> entry : updates.entrySet()) {
            reductions.add(reductionOf(function, liveness, counted, statements, entry, fastmath));
        }
        return List.copyOf(reductions);
    }

    private static Reduction reductionOf(
            Function function,
            Liveness liveness,
            CountedLoop counted,
            List<Stmt> statements,
            Map.Entry<Variable, List<Stmt.Store>> entry,
            boolean fastmath) {
        Variable variable = entry.getKey();
        String name = function.nameOf(variable);
        int line = entry.getValue().getFirst().line();
        boolean liveOut = liveness.liveIn(counted.exit()).contains(variable);
        if (!variable.isLocal()) {
            throw new Rejection(RejectionReason.PARALLEL_SHAPE, line, "a value stays on the operand stack");
        }
        int reads = 0;
        for (Stmt stmt : statements) {
            for (Expr operand : StmtOperands.of(stmt)) {
                reads += ExprWalk.reads(operand, variable) ? count(operand, variable) : 0;
            }
        }
        try {
            return ReductionAnalysis.analyze(
                    function,
                    variable,
                    entry.getValue(),
                    reads - entry.getValue().size(),
                    fastmath);
        } catch (Rejection rejection) {
            if (rejection.reason() == RejectionReason.NEEDS_FASTMATH_REDUCTION) {
                throw new Rejection(
                        rejection.reason(),
                        rejection.line(),
                        "'" + name + "' is a floating-point + or * reduction; chunks would reassociate it; add"
                                + " @Parallel(fastmath = true) to allow that");
            }
            if (liveOut) {
                throw new Rejection(
                        RejectionReason.PARALLEL_LIVE_OUT_SCALAR,
                        line,
                        "'" + name + "' is assigned in the loop and read after it, and is not a reduction (which"
                                + " iteration's value would it see?)");
            }
            throw rejection;
        }
    }

    private static int count(Expr e, Variable variable) {
        int[] n = {0};
        ExprWalk.forEach(
                e, node -> n[0] += node instanceof Expr.Read r && r.variable().equals(variable) ? 1 : 0);
        return n[0];
    }

    private static void nestedPrangeLoops(ControlFlowGraph cfg, Loop loop, List<String> out) {
        for (Loop child : loop.children()) {
            if (isPrangeLoop(cfg, child)) {
                out.add(child.id());
            }
            nestedPrangeLoops(cfg, child, out);
        }
    }
}
