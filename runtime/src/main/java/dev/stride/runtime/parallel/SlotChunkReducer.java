package dev.stride.runtime.parallel;

/**
 * One chunk of a parallel loop with several reductions, carried in slot arrays: {@code long} slots for
 * {@code int} and {@code long} accumulators, {@code double} slots for {@code float} and {@code double} ones.
 *
 * <p>On entry each slot holds the chunk's starting accumulator (the loop's initial value for the first chunk,
 * the slot operator's identity for the others); the body loads the slots into locals, runs its iterations and
 * stores each local back into its slot before returning. The arrays belong to this chunk only and must not be
 * kept after the call.
 */
@FunctionalInterface
public interface SlotChunkReducer {

    /**
     * Runs iterations {@code lo} (inclusive) to {@code hi} (exclusive), in ascending order.
     *
     * @param lo the first iteration
     * @param hi one past the last iteration
     * @param longSlots integral accumulators, read on entry and written on exit
     * @param doubleSlots floating-point accumulators, read on entry and written on exit
     */
    void reduce(int lo, int hi, long[] longSlots, double[] doubleSlots);
}
