package dev.stride.runtime.parallel;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.RecursiveAction;

/**
 * One parallel execution of a {@link ChunkPlan}: the fork/join task tree over the chunk indices, the failure
 * record, and the caller's wait.
 *
 * <p>The algorithm. The caller submits one root task to the pool and waits on a latch; it never runs chunks
 * itself, so every chunk runs on a Stride worker (which is what makes nested calls detectable) and no task is
 * ever forked from a foreign thread into the common pool. A task over chunk indices {@code [first, end)} forks
 * its upper half, computes its lower half, then joins the upper half; a single index runs that chunk. Idle
 * workers steal the forked halves, largest first, which balances uneven chunks.
 *
 * <p>Failure. A chunk body's {@link Throwable} never leaves the task: it is recorded with its chunk index, and
 * the record keeps the lowest index. A chunk (or a whole subtree) whose first index is above the lowest failed
 * index is skipped without starting; chunks below it still run, because one of them might fail too and then its
 * failure is the one to report. So the reported failure is always from the lowest chunk that fails, whatever the
 * timing. Since no task completes abnormally, every forked task is joined normally, and when the root finishes
 * no worker is still running a chunk of this loop.
 */
final class ChunkedRun {

    /** The work of one chunk: its index and its iteration range. */
    @FunctionalInterface
    interface ChunkAction {
        void run(int chunk, int lo, int hi);
    }

    private final ChunkPlan plan;
    private final ChunkAction action;
    private final CountDownLatch done = new CountDownLatch(1);

    /** The lowest chunk index that failed, or {@code MAX_VALUE}; written under the lock, read without it. */
    private volatile int failedChunk = Integer.MAX_VALUE;

    private Throwable failure;

    ChunkedRun(ChunkPlan plan, ChunkAction action) {
        this.plan = plan;
        this.action = action;
    }

    /**
     * Runs every chunk of the plan on {@code threads} workers and returns when all have finished or been
     * skipped; rethrows the recorded failure unwrapped.
     */
    void execute(int threads) {
        WorkerPools.forThreads(threads).execute(new Root(this));
        awaitUninterruptibly();
        Throwable thrown = failureAfterDone();
        if (thrown != null) {
            throw Throwables.sneakyThrow(thrown);
        }
    }

    private void awaitUninterruptibly() {
        boolean interrupted = false;
        while (true) {
            try {
                done.await();
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private synchronized Throwable failureAfterDone() {
        return failure;
    }

    private synchronized void fail(int chunk, Throwable thrown) {
        if (chunk < failedChunk) {
            failedChunk = chunk;
            failure = thrown;
        }
    }

    private boolean skips(int chunk) {
        return chunk > failedChunk;
    }

    private void computeChunks(int first, int end) {
        if (skips(first)) {
            return;
        }
        if (end - first == 1) {
            runChunk(first);
            return;
        }
        int middle = (first + end) >>> 1;
        Subtree upper = new Subtree(this, middle, end);
        upper.fork();
        try {
            computeChunks(first, middle);
        } finally {
            upper.join();
        }
    }

    private void runChunk(int chunk) {
        try {
            action.run(chunk, plan.start(chunk), plan.end(chunk));
        } catch (Throwable thrown) {
            fail(chunk, thrown);
        }
    }

    /** The task for chunk indices {@code [first, end)}. */
    private static final class Subtree extends RecursiveAction {
        private static final long serialVersionUID = 1L;

        private final transient ChunkedRun run;
        private final int first;
        private final int end;

        Subtree(ChunkedRun run, int first, int end) {
            this.run = run;
            this.first = first;
            this.end = end;
        }

        @Override
        protected void compute() {
            run.computeChunks(first, end);
        }
    }

    /** The task over all chunks; releases the caller however it ends. */
    private static final class Root extends RecursiveAction {
        private static final long serialVersionUID = 1L;

        private final transient ChunkedRun run;

        Root(ChunkedRun run) {
            this.run = run;
        }

        @Override
        protected void compute() {
            try {
                run.computeChunks(0, run.plan.chunks());
            } catch (Throwable thrown) {
                // Not from a chunk body (those are recorded in runChunk): an error of the scheduling itself, such as
                // OutOfMemoryError while forking. Index -1 ranks it before every chunk failure.
                run.fail(-1, thrown);
            } finally {
                run.done.countDown();
            }
        }
    }
}
