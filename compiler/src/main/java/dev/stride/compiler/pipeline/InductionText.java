package dev.stride.compiler.pipeline;

import dev.stride.compiler.analysis.ControlFlowGraph;
import dev.stride.compiler.analysis.CountedLoop;
import dev.stride.compiler.analysis.CountedLoopAnalysis;
import dev.stride.compiler.analysis.Invariance;
import dev.stride.compiler.analysis.Loop;
import dev.stride.compiler.analysis.Rejection;
import dev.stride.compiler.ir.Expr;
import dev.stride.compiler.ir.Function;
import dev.stride.compiler.ir.Stmt;
import java.util.List;

/**
 * Describes a loop's induction variable and its range for the report, e.g. {@code i from 0 while i < a.length,
 * step +1}, from the counted-loop analysis; empty for a loop that is not counted (the verdict then says why).
 */
final class InductionText {

    private InductionText() {}

    static String of(ControlFlowGraph cfg, Loop loop) {
        CountedLoop counted;
        try {
            counted = CountedLoopAnalysis.analyze(cfg, loop, new Invariance(cfg, loop));
        } catch (Rejection notCounted) {
            return "";
        }
        Function function = cfg.function();
        String name = function.nameOf(counted.inductionVariable());
        String tested = counted.ivOffset() == null ? name : name + " + " + ExprText.of(function, counted.ivOffset());
        String start = start(cfg, loop, counted);
        return name + (start == null ? "" : " from " + start) + " while " + tested
                + (counted.inclusive() ? " <= " : " < ") + ExprText.of(function, counted.bound()) + ", step +1";
    }

    /** The value stored into the induction variable on the single edge entering the loop, when there is one. */
    private static String start(ControlFlowGraph cfg, Loop loop, CountedLoop counted) {
        List<Integer> outside = cfg.predecessors(loop.header()).stream()
                .filter(p -> !loop.contains(p))
                .toList();
        if (outside.size() != 1) {
            return null;
        }
        List<Stmt> statements = cfg.function().blocks().get(outside.getFirst()).statements();
        for (int k = statements.size() - 1; k >= 0; k--) {
            if (statements.get(k) instanceof Stmt.Store store
                    && store.variable().equals(counted.inductionVariable())) {
                Expr value = store.value();
                return ExprText.of(cfg.function(), value);
            }
        }
        return null;
    }
}
