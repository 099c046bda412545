package dev.stride.runtime.parallel;

/**
 * One chunk of a parallel loop with a single {@code long} reduction: runs iterations {@code [lo, hi)} starting
 * from the accumulator {@code acc} and returns the accumulator after the last of them.
 *
 * <p>The outlined method is the original loop with the reduction variable turned into a parameter and the
 * return value, so the serial path ({@code reduce(lo, hi, initial)}) is exactly the original loop.
 */
@FunctionalInterface
public interface LongChunkReducer {

    /**
     * Runs iterations {@code lo} (inclusive) to {@code hi} (exclusive), in ascending order.
     *
     * @param lo the first iteration
     * @param hi one past the last iteration
     * @param acc the starting accumulator: the loop's initial value for the first chunk, the operator's
     *     identity for every other chunk
     * @return the accumulator after iteration {@code hi - 1}
     */
    long reduce(int lo, int hi, long acc);
}
