package dev.stride.runtime.parallel;

/**
 * One chunk of a parallel loop without reductions: runs iterations {@code [lo, hi)} of the original loop body.
 *
 * <p>The rewriter outlines the {@code prange} loop body into {@code static void chunk(<captured...>, int lo,
 * int hi)} and binds the captured values with {@code invokedynamic} through {@code LambdaMetafactory}, which
 * puts captured arguments first; see {@code docs/parallel-runtime.md}.
 */
@FunctionalInterface
public interface ChunkBody {

    /**
     * Runs iterations {@code lo} (inclusive) to {@code hi} (exclusive), in ascending order.
     *
     * @param lo the first iteration
     * @param hi one past the last iteration
     */
    void run(int lo, int hi);
}
