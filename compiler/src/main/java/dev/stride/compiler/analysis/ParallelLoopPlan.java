package dev.stride.compiler.analysis;

import dev.stride.compiler.ir.Expr;
import dev.stride.compiler.ir.Variable;
import java.util.List;

/**
 * What code generation needs to run a {@code prange} loop through {@code ParallelLoops}.
 *
 * @param counted the loop, recognised as counted with the marker as its bound
 * @param bound the marker's argument: the exclusive upper bound of the range
 * @param reductions the loop's reductions, in variable order
 * @param aliasChecks pairs of distinct array variables that must not be the same array for the parallel run
 *     (otherwise the original loop runs serially)
 * @param assumptions what is trusted rather than proven, in the user's terms
 * @param serialNested the ids of {@code prange} loops nested inside, which run serially inside each chunk
 * @param threshold {@code @Parallel(threshold)}, 0 for the run-time default
 */
public record ParallelLoopPlan(
        CountedLoop counted,
        Expr bound,
        List<Reduction> reductions,
        List<List<Variable>> aliasChecks,
        List<String> assumptions,
        List<String> serialNested,
        int threshold) {}
