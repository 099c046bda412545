package dev.stride.runtime.parallel;

import dev.stride.runtime.StrideConfig;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * The static entry points that {@code @Parallel}-rewritten methods call to run a {@code prange} loop.
 *
 * <p>Each entry point takes the iteration range {@code [lo, hi)}, the loop's {@code @Parallel(threshold)} (0 for
 * the configured default), optionally a thread count, and the outlined chunk body; reductions also take the
 * operator and the initial value. Every call first chooses a {@link LoopPath}. On a serial path the body is
 * called once, {@code body(lo, hi, initial)}, on the caller thread, which is exactly the original loop. On the
 * parallel path the range is cut by {@link ChunkPlan} for the thread count and the chunks run on a private
 * fork/join pool of that many daemon workers named {@code stride-worker-N}; reductions fold the chunk partials
 * left to right in chunk order, so the result depends only on {@code (lo, hi, threads)}.
 *
 * <p>Exceptions. If chunks throw, the call throws, unwrapped and unchanged, the very {@link Throwable} object
 * thrown by the lowest-indexed chunk that threw (checked exceptions included). Chunks above a chunk known to
 * have failed are not started; chunks below it still run. When the call returns or throws, no worker is running
 * any chunk of it. Iterations after the failing one may have run (the serial loop would not have reached them),
 * and on failure the reduction result and slot contents are unspecified.
 *
 * <p>The thread count is the scoped override of {@link #withThreads(int, Runnable)} when one is active on the
 * calling thread, otherwise {@code StrideConfig.current().threads()}; the overloads with a {@code threads}
 * parameter override it per call.
 */
public final class ParallelLoops {

    private static final ScopedValue<Integer> SCOPED_THREADS = ScopedValue.newInstance();

    private ParallelLoops() {}

    /**
     * Runs a loop without reductions at the current thread count.
     *
     * @param lo the first iteration
     * @param hi one past the last iteration
     * @param threshold the trip count below which the loop runs serially, 0 for the configured default
     * @param body the outlined loop body
     */
    public static void forRange(int lo, int hi, int threshold, ChunkBody body) {
        forRange(lo, hi, threshold, currentThreads(), body);
    }

    /**
     * Runs a loop without reductions on {@code threads} workers.
     *
     * @param lo the first iteration
     * @param hi one past the last iteration
     * @param threshold the trip count below which the loop runs serially, 0 for the configured default
     * @param threads the worker count, 1 to 32767; also fixes the chunk plan
     * @param body the outlined loop body
     */
    public static void forRange(int lo, int hi, int threshold, int threads, ChunkBody body) {
        Objects.requireNonNull(body, "body");
        if (runsSerially(lo, hi, threshold, threads)) {
            body.run(lo, hi);
            return;
        }
        ChunkReductions.forEach(ChunkPlan.of(lo, hi, threads), threads, body);
    }

    /**
     * Runs a loop with one {@code int} reduction at the current thread count.
     *
     * @param lo the first iteration
     * @param hi one past the last iteration
     * @param threshold the trip count below which the loop runs serially, 0 for the configured default
     * @param operator how chunk partials combine
     * @param initial the accumulator's value before the loop
     * @param body the outlined loop body
     * @return the accumulator's value after the loop
     */
    public static int reduceInt(
            int lo, int hi, int threshold, ReductionOperator operator, int initial, IntChunkReducer body) {
        return reduceInt(lo, hi, threshold, currentThreads(), operator, initial, body);
    }

    /**
     * Runs a loop with one {@code int} reduction on {@code threads} workers.
     *
     * @param lo the first iteration
     * @param hi one past the last iteration
     * @param threshold the trip count below which the loop runs serially, 0 for the configured default
     * @param threads the worker count, 1 to 32767; also fixes the chunk plan
     * @param operator how chunk partials combine
     * @param initial the accumulator's value before the loop
     * @param body the outlined loop body
     * @return the accumulator's value after the loop
     */
    public static int reduceInt(
            int lo, int hi, int threshold, int threads, ReductionOperator operator, int initial, IntChunkReducer body) {
        Objects.requireNonNull(operator, "operator");
        Objects.requireNonNull(body, "body");
        if (runsSerially(lo, hi, threshold, threads)) {
            return body.reduce(lo, hi, initial);
        }
        return ChunkReductions.reduceInt(ChunkPlan.of(lo, hi, threads), threads, operator, initial, body);
    }

    /**
     * Runs a loop with one {@code long} reduction at the current thread count.
     *
     * @param lo the first iteration
     * @param hi one past the last iteration
     * @param threshold the trip count below which the loop runs serially, 0 for the configured default
     * @param operator how chunk partials combine
     * @param initial the accumulator's value before the loop
     * @param body the outlined loop body
     * @return the accumulator's value after the loop
     */
    public static long reduceLong(
            int lo, int hi, int threshold, ReductionOperator operator, long initial, LongChunkReducer body) {
        return reduceLong(lo, hi, threshold, currentThreads(), operator, initial, body);
    }

    /**
     * Runs a loop with one {@code long} reduction on {@code threads} workers.
     *
     * @param lo the first iteration
     * @param hi one past the last iteration
     * @param threshold the trip count below which the loop runs serially, 0 for the configured default
     * @param threads the worker count, 1 to 32767; also fixes the chunk plan
     * @param operator how chunk partials combine
     * @param initial the accumulator's value before the loop
     * @param body the outlined loop body
     * @return the accumulator's value after the loop
     */
    public static long reduceLong(
            int lo,
            int hi,
            int threshold,
            int threads,
            ReductionOperator operator,
            long initial,
            LongChunkReducer body) {
        Objects.requireNonNull(operator, "operator");
        Objects.requireNonNull(body, "body");
        if (runsSerially(lo, hi, threshold, threads)) {
            return body.reduce(lo, hi, initial);
        }
        return ChunkReductions.reduceLong(ChunkPlan.of(lo, hi, threads), threads, operator, initial, body);
    }

    /**
     * Runs a loop with one {@code float} reduction at the current thread count.
     *
     * @param lo the first iteration
     * @param hi one past the last iteration
     * @param threshold the trip count below which the loop runs serially, 0 for the configured default
     * @param operator how chunk partials combine; not bitwise
     * @param initial the accumulator's value before the loop
     * @param body the outlined loop body
     * @return the accumulator's value after the loop
     */
    public static float reduceFloat(
            int lo, int hi, int threshold, ReductionOperator operator, float initial, FloatChunkReducer body) {
        return reduceFloat(lo, hi, threshold, currentThreads(), operator, initial, body);
    }

    /**
     * Runs a loop with one {@code float} reduction on {@code threads} workers.
     *
     * @param lo the first iteration
     * @param hi one past the last iteration
     * @param threshold the trip count below which the loop runs serially, 0 for the configured default
     * @param threads the worker count, 1 to 32767; also fixes the chunk plan
     * @param operator how chunk partials combine; not bitwise
     * @param initial the accumulator's value before the loop
     * @param body the outlined loop body
     * @return the accumulator's value after the loop
     */
    public static float reduceFloat(
            int lo,
            int hi,
            int threshold,
            int threads,
            ReductionOperator operator,
            float initial,
            FloatChunkReducer body) {
        operator.requireFloatingPoint("float");
        Objects.requireNonNull(body, "body");
        if (runsSerially(lo, hi, threshold, threads)) {
            return body.reduce(lo, hi, initial);
        }
        return ChunkReductions.reduceFloat(ChunkPlan.of(lo, hi, threads), threads, operator, initial, body);
    }

    /**
     * Runs a loop with one {@code double} reduction at the current thread count.
     *
     * @param lo the first iteration
     * @param hi one past the last iteration
     * @param threshold the trip count below which the loop runs serially, 0 for the configured default
     * @param operator how chunk partials combine; not bitwise
     * @param initial the accumulator's value before the loop
     * @param body the outlined loop body
     * @return the accumulator's value after the loop
     */
    public static double reduceDouble(
            int lo, int hi, int threshold, ReductionOperator operator, double initial, DoubleChunkReducer body) {
        return reduceDouble(lo, hi, threshold, currentThreads(), operator, initial, body);
    }

    /**
     * Runs a loop with one {@code double} reduction on {@code threads} workers.
     *
     * @param lo the first iteration
     * @param hi one past the last iteration
     * @param threshold the trip count below which the loop runs serially, 0 for the configured default
     * @param threads the worker count, 1 to 32767; also fixes the chunk plan
     * @param operator how chunk partials combine; not bitwise
     * @param initial the accumulator's value before the loop
     * @param body the outlined loop body
     * @return the accumulator's value after the loop
     */
    public static double reduceDouble(
            int lo,
            int hi,
            int threshold,
            int threads,
            ReductionOperator operator,
            double initial,
            DoubleChunkReducer body) {
        operator.requireFloatingPoint("double");
        Objects.requireNonNull(body, "body");
        if (runsSerially(lo, hi, threshold, threads)) {
            return body.reduce(lo, hi, initial);
        }
        return ChunkReductions.reduceDouble(ChunkPlan.of(lo, hi, threads), threads, operator, initial, body);
    }

    /**
     * Runs a loop with several reductions at the current thread count; see {@link #reduceSlots(int, int, int,
     * int, ReductionOperator[], long[], ReductionOperator[], double[], SlotChunkReducer)}.
     *
     * @param lo the first iteration
     * @param hi one past the last iteration
     * @param threshold the trip count below which the loop runs serially, 0 for the configured default
     * @param longOperators the operator of each {@code long} slot
     * @param longSlots the initial values on entry, the results on return
     * @param doubleOperators the operator of each {@code double} slot; not bitwise
     * @param doubleSlots the initial values on entry, the results on return
     * @param body the outlined loop body
     */
    public static void reduceSlots(
            int lo,
            int hi,
            int threshold,
            ReductionOperator[] longOperators,
            long[] longSlots,
            ReductionOperator[] doubleOperators,
            double[] doubleSlots,
            SlotChunkReducer body) {
        reduceSlots(lo, hi, threshold, currentThreads(), longOperators, longSlots, doubleOperators, doubleSlots, body);
    }

    /**
     * Runs a loop with several reductions on {@code threads} workers. Slot {@code s} of {@code longSlots} is
     * combined with {@code longOperators[s]}, and likewise for {@code double}. {@code int} accumulators travel in
     * {@code long} slots, accumulated in {@code long} arithmetic and narrowed by the caller afterwards (exact for
     * every operator); {@code float} accumulators travel in {@code double} slots, and their partials combine in
     * {@code double} arithmetic. On the serial paths the body receives the caller's arrays themselves.
     *
     * @param lo the first iteration
     * @param hi one past the last iteration
     * @param threshold the trip count below which the loop runs serially, 0 for the configured default
     * @param threads the worker count, 1 to 32767; also fixes the chunk plan
     * @param longOperators the operator of each {@code long} slot
     * @param longSlots the initial values on entry, the results on return
     * @param doubleOperators the operator of each {@code double} slot; not bitwise
     * @param doubleSlots the initial values on entry, the results on return
     * @param body the outlined loop body
     */
    public static void reduceSlots(
            int lo,
            int hi,
            int threshold,
            int threads,
            ReductionOperator[] longOperators,
            long[] longSlots,
            ReductionOperator[] doubleOperators,
            double[] doubleSlots,
            SlotChunkReducer body) {
        requireSlots(longOperators, longSlots.length, "long");
        requireSlots(doubleOperators, doubleSlots.length, "double");
        for (ReductionOperator operator : doubleOperators) {
            operator.requireFloatingPoint("double");
        }
        Objects.requireNonNull(body, "body");
        if (runsSerially(lo, hi, threshold, threads)) {
            body.reduce(lo, hi, longSlots, doubleSlots);
            return;
        }
        ChunkReductions.reduceSlots(
                ChunkPlan.of(lo, hi, threads), threads, longOperators, longSlots, doubleOperators, doubleSlots, body);
    }

    /**
     * Runs {@code action} with {@code threads} as the thread count of every loop it calls on this thread that
     * does not pass its own.
     *
     * @param threads the worker count, 1 to 32767
     * @param action the code to run
     */
    public static void withThreads(int threads, Runnable action) {
        ScopedValue.where(SCOPED_THREADS, requireThreads(threads)).run(action);
    }

    /**
     * Computes {@code action} with {@code threads} as the thread count of every loop it calls on this thread
     * that does not pass its own.
     *
     * @param <T> the result type
     * @param threads the worker count, 1 to 32767
     * @param action the code to run
     * @return what {@code action} returned
     */
    public static <T> T withThreads(int threads, Supplier<T> action) {
        return ScopedValue.where(SCOPED_THREADS, requireThreads(threads)).call(action::get);
    }

    /**
     * The thread count a loop called here without a {@code threads} argument would use.
     *
     * @return the {@link #withThreads} override in scope, else {@code StrideConfig.current().threads()}
     */
    public static int currentThreads() {
        return SCOPED_THREADS.isBound()
                ? SCOPED_THREADS.get()
                : StrideConfig.current().threads();
    }

    /**
     * The chunks a parallel run of {@code [lo, hi)} at {@code threads} threads uses (introspection only).
     *
     * @param lo the first iteration
     * @param hi one past the last iteration
     * @param threads the worker count, at least 1
     * @return the chunk boundaries
     */
    public static ChunkPlan plan(int lo, int hi, int threads) {
        return ChunkPlan.of(lo, hi, threads);
    }

    /**
     * The path a call made here would take, without running or counting anything (introspection only).
     *
     * @param lo the first iteration
     * @param hi one past the last iteration
     * @param threshold the trip count below which the loop runs serially, 0 for the configured default
     * @param threads the worker count, 1 to 32767
     * @return the path
     */
    public static LoopPath choosePath(int lo, int hi, int threshold, int threads) {
        requireThreshold(threshold);
        requireThreads(threads);
        return LoopScheduler.choose(
                StrideConfig.current(), WorkerPools.onWorkerThread(), Math.max(0L, (long) hi - lo), threshold, threads);
    }

    /**
     * How many calls took each path since the JVM started.
     *
     * @return a snapshot of the counters
     */
    public static LoopCounters counters() {
        return LoopScheduler.counters();
    }

    private static boolean runsSerially(int lo, int hi, int threshold, int threads) {
        requireThreshold(threshold);
        requireThreads(threads);
        return LoopScheduler.chooseAndCount(lo, hi, threshold, threads).isSerial();
    }

    private static void requireThreshold(int threshold) {
        if (threshold < 0) {
            throw new IllegalArgumentException("@Parallel(threshold) must not be negative, was " + threshold);
        }
    }

    private static int requireThreads(int threads) {
        if (threads < 1 || threads > WorkerPools.MAX_THREADS) {
            throw new IllegalArgumentException(
                    "threads must be between 1 and " + WorkerPools.MAX_THREADS + ", was " + threads);
        }
        return threads;
    }

    private static void requireSlots(ReductionOperator[] operators, int slots, String typeName) {
        if (operators.length != slots) {
            throw new IllegalArgumentException(operators.length + " " + typeName + " reduction operators for " + slots
                    + " " + typeName + " slots");
        }
        for (ReductionOperator operator : operators) {
            Objects.requireNonNull(operator, typeName + " reduction operator");
        }
    }
}
