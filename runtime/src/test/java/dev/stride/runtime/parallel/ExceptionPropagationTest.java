package dev.stride.runtime.parallel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.Arrays;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

/** What the caller of a parallel loop sees when chunks throw, and what is still running when it sees it. */
class ExceptionPropagationTest {

    private static final int THREADS = 4;
    private static final int HI = 1600;
    private static final ChunkPlan PLAN = ParallelLoops.plan(0, HI, THREADS);

    @Test
    void forRange_runtimeExceptionInOneChunk_rethrowsTheSameObject() {
        IllegalStateException failure = new IllegalStateException("iteration 750 is bad");
        LoopCounters before = ParallelLoops.counters();

        IllegalStateException thrown = assertThrows(
                IllegalStateException.class,
                () -> ParallelLoops.forRange(0, HI, 1, THREADS, (lo, hi) -> {
                    for (int i = lo; i < hi; i++) {
                        if (i == 750) {
                            throw failure;
                        }
                    }
                }));

        assertSame(failure, thrown);
        assertEquals("iteration 750 is bad", thrown.getMessage());
        assertEquals(1, ParallelLoops.counters().minus(before).parallel());
    }

    @Test
    void forRange_errorInOneChunk_rethrowsTheSameError() {
        OutOfMemoryError failure = new OutOfMemoryError("simulated");

        OutOfMemoryError thrown = assertThrows(
                OutOfMemoryError.class,
                () -> ParallelLoops.forRange(0, HI, 1, THREADS, (lo, hi) -> {
                    if (lo <= 1000 && 1000 < hi) {
                        throw failure;
                    }
                }));

        assertSame(failure, thrown);
    }

    @Test
    void forRange_checkedExceptionInOneChunk_rethrowsItUnwrapped() {
        IOException failure = new IOException("disk gone");

        IOException thrown = assertThrows(
                IOException.class,
                () -> ParallelLoops.forRange(0, HI, 1, THREADS, (lo, hi) -> {
                    if (lo <= 1200 && 1200 < hi) {
                        throw ExceptionPropagationTest.<RuntimeException>sneaky(failure);
                    }
                }));

        assertSame(failure, thrown);
    }

    @Test
    void reduceDouble_exceptionInOneChunk_rethrowsTheSameObject() {
        ArithmeticException failure = new ArithmeticException("negative input at 321");

        ArithmeticException thrown = assertThrows(
                ArithmeticException.class,
                () -> ParallelLoops.reduceDouble(0, HI, 1, THREADS, ReductionOperator.SUM, 0, (lo, hi, acc) -> {
                    for (int i = lo; i < hi; i++) {
                        if (i == 321) {
                            throw failure;
                        }
                        acc += i;
                    }
                    return acc;
                }));

        assertSame(failure, thrown);
    }

    @RepeatedTest(5)
    void forRange_everyChunkThrows_throwsTheFirstChunksException() {
        IllegalStateException thrown = assertThrows(
                IllegalStateException.class,
                () -> ParallelLoops.forRange(0, HI, 1, THREADS, (lo, hi) -> {
                    throw new IllegalStateException("chunk " + chunkOf(lo));
                }));

        assertEquals("chunk 0", thrown.getMessage());
    }

    @RepeatedTest(3)
    void forRange_higherChunkFailsFirst_throwsTheLowerChunksException() {
        CountDownLatch chunkNineFailing = new CountDownLatch(1);
        AtomicBoolean lowerFailedSecond = new AtomicBoolean();

        IllegalStateException thrown = assertThrows(
                IllegalStateException.class,
                () -> ParallelLoops.forRange(0, HI, 1, THREADS, (lo, hi) -> {
                    int chunk = chunkOf(lo);
                    if (chunk == 9) {
                        chunkNineFailing.countDown();
                        throw new IllegalStateException("chunk 9");
                    }
                    if (chunk == 3) {
                        lowerFailedSecond.set(await(chunkNineFailing));
                        sleep(20); // let chunk 9's failure be recorded first
                        throw new IllegalStateException("chunk 3");
                    }
                }));

        assertTrue(lowerFailedSecond.get(), "the scenario did not happen: chunk 9 never failed before chunk 3");
        assertEquals("chunk 3", thrown.getMessage());
    }

    @Test
    void forRange_failureInChunkFive_stillRunsEveryLowerChunk() {
        ConcurrentSkipListSet<Integer> started = new ConcurrentSkipListSet<>();

        assertThrows(
                IllegalStateException.class,
                () -> ParallelLoops.forRange(0, HI, 1, THREADS, (lo, hi) -> {
                    int chunk = chunkOf(lo);
                    started.add(chunk);
                    if (chunk == 5) {
                        throw new IllegalStateException("chunk 5");
                    }
                    sleep(5);
                }));

        assertTrue(started.containsAll(Arrays.asList(0, 1, 2, 3, 4, 5)), "started: " + started);
    }

    @Test
    void forRange_firstChunkFails_skipsUnstartedChunksAndWaitsForRunningOnes() {
        ChunkPlan plan = ParallelLoops.plan(0, 800, 2);
        CountDownLatch otherChunkRunning = new CountDownLatch(1);
        AtomicInteger started = new AtomicInteger();
        AtomicInteger running = new AtomicInteger();
        AtomicInteger finishedOthers = new AtomicInteger();

        assertThrows(
                IllegalStateException.class,
                () -> ParallelLoops.forRange(0, 800, 1, 2, (lo, hi) -> {
                    started.incrementAndGet();
                    running.incrementAndGet();
                    try {
                        if (lo == 0) {
                            await(otherChunkRunning);
                            throw new IllegalStateException("chunk 0");
                        }
                        otherChunkRunning.countDown();
                        sleep(100);
                        finishedOthers.incrementAndGet();
                    } finally {
                        running.decrementAndGet();
                    }
                }));

        assertEquals(0, running.get(), "a chunk was still running when the call threw");
        assertTrue(finishedOthers.get() >= 1, "the chunk running at the failure was not waited for");
        assertTrue(started.get() < plan.chunks(), started.get() + " of " + plan.chunks() + " chunks started");
    }

    private static int chunkOf(int lo) {
        return Arrays.binarySearch(PLAN.boundaries(), lo);
    }

    private static boolean await(CountDownLatch latch) {
        try {
            return latch.await(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @SuppressWarnings("unchecked")
    private static <T extends Throwable> T sneaky(Throwable thrown) throws T {
        throw (T) thrown;
    }
}
