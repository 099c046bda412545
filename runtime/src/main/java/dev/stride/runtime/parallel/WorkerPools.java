package dev.stride.runtime.parallel;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinWorkerThread;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Stride's private fork/join pools, one per thread count in use, created on first use and kept for the life of
 * the JVM (idle workers retire after the pool's keep-alive time, so an unused pool costs no threads).
 *
 * <p>Private rather than {@link ForkJoinPool#commonPool()} so that user code using the common pool (parallel
 * streams) neither starves nor is starved by kernels, and so that a worker can be recognised by its class: a
 * loop called on a {@link WorkerThread} is nested in another loop's chunk and runs serially.
 */
final class WorkerPools {

    /** The largest parallelism {@link ForkJoinPool} accepts. */
    static final int MAX_THREADS = 0x7fff;

    private static final AtomicInteger WORKER_NUMBERS = new AtomicInteger();
    private static final ConcurrentMap<Integer, ForkJoinPool> POOLS = new ConcurrentHashMap<>();

    private WorkerPools() {}

    /** The pool with {@code threads} workers. */
    static ForkJoinPool forThreads(int threads) {
        return POOLS.computeIfAbsent(threads, WorkerPools::create);
    }

    /** Whether the current thread is a Stride worker, i.e. the caller is inside a chunk. */
    static boolean onWorkerThread() {
        return Thread.currentThread() instanceof WorkerThread;
    }

    private static ForkJoinPool create(int threads) {
        return new ForkJoinPool(threads, WorkerThread::new, null, false);
    }

    /** A daemon worker named {@code stride-worker-N}, N counting from 1 across all pools. */
    static final class WorkerThread extends ForkJoinWorkerThread {
        WorkerThread(ForkJoinPool pool) {
            super(pool);
            setName("stride-worker-" + WORKER_NUMBERS.incrementAndGet());
            setDaemon(true);
        }
    }
}
