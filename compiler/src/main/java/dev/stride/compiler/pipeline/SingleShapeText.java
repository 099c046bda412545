package dev.stride.compiler.pipeline;

import dev.stride.compiler.analysis.VectorLoopPlan;
import dev.stride.compiler.codegen.SimdMethodBudget;

/** The report's shape sentence for a loop emitted in the single shape because the interleaved one was too large. */
final class SingleShapeText {

    private SingleShapeText() {}

    /**
     * The sentence.
     *
     * @param plan the loop's plan
     * @param size the budget's choice
     * @return how the iteration space is covered, and why not interleaved
     */
    static String of(VectorLoopPlan plan, SimdMethodBudget.Choice size) {
        String steps = plan.isOuter()
                ? "main loop of " + plan.lanes() + " consecutive outer iterations at a time, each lane running the"
                        + " inner loops in the original order (bit-exact)"
                : "unmasked main loop of " + plan.lanes() + " lanes with one vector accumulator per reduction,"
                        + " reduced once after the loop";
        return steps + ", + the original loop as scalar tail; not interleaved 4 deep: that method would have "
                + size.interleavedBytes() + " bytes of bytecode, above the limit of " + SimdMethodBudget.LIMIT
                + " (this one has " + size.bytes() + ")";
    }
}
