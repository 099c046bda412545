package dev.stride.runtime.parallel;

import dev.stride.runtime.StrideConfig;
import java.util.concurrent.atomic.LongAdder;

/**
 * Chooses the {@link LoopPath} of each call and counts the choices.
 *
 * <p>The choice reads only the configuration, whether the caller is a Stride worker, the trip count, the
 * threshold and the thread count; it is exposed as a pure function ({@link #choose(StrideConfig, boolean, long,
 * int, int)}) so tests can cover the kill switch without changing the process configuration.
 */
final class LoopScheduler {

    private static final LongAdder[] COUNTS = newCounters();

    private LoopScheduler() {}

    /** Chooses the path of a call on the current thread under the process configuration, and counts it. */
    static LoopPath chooseAndCount(int lo, int hi, int threshold, int threads) {
        LoopPath path = choose(
                StrideConfig.current(), WorkerPools.onWorkerThread(), Math.max(0L, (long) hi - lo), threshold, threads);
        COUNTS[path.ordinal()].increment();
        return path;
    }

    /**
     * The path of a call, first rule that applies: kill switch, nested, one thread, below threshold, parallel.
     *
     * @param config the settings (kill switch, default threshold)
     * @param nested whether the caller runs inside a chunk of another loop
     * @param tripCount the number of iterations
     * @param threshold the loop's threshold, 0 for the configured default
     * @param threads the thread count, at least 1
     */
    static LoopPath choose(StrideConfig config, boolean nested, long tripCount, int threshold, int threads) {
        if (config.disabled()) {
            return LoopPath.SERIAL_DISABLED;
        }
        if (nested) {
            return LoopPath.SERIAL_NESTED;
        }
        if (threads == 1) {
            return LoopPath.SERIAL_ONE_THREAD;
        }
        int effectiveThreshold = threshold == 0 ? config.parallelThreshold() : threshold;
        if (tripCount < Math.max(2, effectiveThreshold)) {
            return LoopPath.SERIAL_BELOW_THRESHOLD;
        }
        return LoopPath.PARALLEL;
    }

    /** The counters now. */
    static LoopCounters counters() {
        return new LoopCounters(
                count(LoopPath.PARALLEL),
                count(LoopPath.SERIAL_DISABLED),
                count(LoopPath.SERIAL_NESTED),
                count(LoopPath.SERIAL_ONE_THREAD),
                count(LoopPath.SERIAL_BELOW_THRESHOLD));
    }

    private static long count(LoopPath path) {
        return COUNTS[path.ordinal()].sum();
    }

    private static LongAdder[] newCounters() {
        LongAdder[] counters = new LongAdder[LoopPath.values().length];
        for (int i = 0; i < counters.length; i++) {
            counters[i] = new LongAdder();
        }
        return counters;
    }
}
