package dev.stride.compiler.codegen;

/**
 * How many copies of the loop body a SIMD loop method holds. The interleaved shape is the fast one; the single
 * shape is the fallback when the interleaved method would be too large for HotSpot to compile ({@link
 * SimdMethodBudget}).
 */
public enum LoopShape {
    /**
     * Reductions: {@value SimdLoopEmitter#REDUCTION_INTERLEAVE} vector steps per iteration, each with its own
     * accumulators; loop nests: {@value SimdLoopEmitter#OUTER_INTERLEAVE} groups of lanes per step, then one
     * group at a time. Maps have one body copy either way.
     */
    INTERLEAVED,
    /** One vector step (one group of lanes) per iteration, one set of accumulators: one copy of the body. */
    SINGLE
}
