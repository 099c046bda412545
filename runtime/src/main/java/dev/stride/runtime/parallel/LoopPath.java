package dev.stride.runtime.parallel;

/**
 * Which way one call of a parallel loop ran, and why; the decision is taken in this order, the first that
 * applies wins. Counted per call in {@link LoopCounters}.
 */
public enum LoopPath {
    /** The kill switch ({@code stride.disable}) is on: one serial call on the caller thread. */
    SERIAL_DISABLED,
    /** Called from a Stride worker, i.e. from inside a chunk of another parallel loop: serial, in that chunk. */
    SERIAL_NESTED,
    /** The thread count (configured or overridden) is 1: serial, no pool involved. */
    SERIAL_ONE_THREAD,
    /** Fewer iterations than the threshold (or fewer than 2): serial on the caller thread. */
    SERIAL_BELOW_THRESHOLD,
    /** Cut into chunks by {@link ChunkPlan} and run on the private worker pool. */
    PARALLEL;

    /**
     * Whether this path runs the loop as one serial call on the caller thread.
     *
     * @return true for every path but {@link #PARALLEL}
     */
    public boolean isSerial() {
        return this != PARALLEL;
    }
}
