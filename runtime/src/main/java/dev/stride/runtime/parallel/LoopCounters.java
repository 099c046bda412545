package dev.stride.runtime.parallel;

/**
 * A snapshot of how many parallel-loop calls took each {@link LoopPath} since the JVM started, for reports and
 * tests. Tests compare two snapshots ({@link #minus}) because other code in the JVM may run loops too.
 *
 * @param parallel calls that ran on the pool
 * @param serialDisabled calls made serial by the kill switch
 * @param serialNested calls made serial because they ran inside a chunk of another parallel loop
 * @param serialOneThread calls made serial because the thread count was 1
 * @param serialBelowThreshold calls made serial because the range was below the threshold
 */
public record LoopCounters(
        long parallel, long serialDisabled, long serialNested, long serialOneThread, long serialBelowThreshold) {

    /**
     * The calls that ran serially, for whatever reason.
     *
     * @return the sum of the serial counters
     */
    public long serial() {
        return serialDisabled + serialNested + serialOneThread + serialBelowThreshold;
    }

    /**
     * The count of one path.
     *
     * @param path a loop path
     * @return how many calls took it
     */
    public long count(LoopPath path) {
        return switch (path) {
            case PARALLEL -> parallel;
            case SERIAL_DISABLED -> serialDisabled;
            case SERIAL_NESTED -> serialNested;
            case SERIAL_ONE_THREAD -> serialOneThread;
            case SERIAL_BELOW_THRESHOLD -> serialBelowThreshold;
        };
    }

    /**
     * The calls counted since {@code earlier}.
     *
     * @param earlier an older snapshot
     * @return the difference, counter by counter
     */
    public LoopCounters minus(LoopCounters earlier) {
        return new LoopCounters(
                parallel - earlier.parallel,
                serialDisabled - earlier.serialDisabled,
                serialNested - earlier.serialNested,
                serialOneThread - earlier.serialOneThread,
                serialBelowThreshold - earlier.serialBelowThreshold);
    }
}
