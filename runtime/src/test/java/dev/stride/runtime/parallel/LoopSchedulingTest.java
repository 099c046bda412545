package dev.stride.runtime.parallel;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.stride.runtime.StrideConfig;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinTask;
import org.junit.jupiter.api.Test;

/** Which path a call takes, on which threads its chunks run, and how the thread count is chosen. */
class LoopSchedulingTest {

    /** One call of a chunk body: its range and the thread it ran on. */
    private record Call(int lo, int hi, Thread thread, ForkJoinPool pool) {
        static Call here(int lo, int hi) {
            return new Call(lo, hi, Thread.currentThread(), ForkJoinTask.getPool());
        }
    }

    @Test
    void forRange_belowThreshold_runsOnceOnTheCallingThread() {
        ConcurrentLinkedQueue<Call> calls = new ConcurrentLinkedQueue<>();
        LoopCounters before = ParallelLoops.counters();

        ParallelLoops.forRange(0, 99, 100, 4, (lo, hi) -> calls.add(Call.here(lo, hi)));

        assertEquals(List.of(new Call(0, 99, Thread.currentThread(), null)), List.copyOf(calls));
        assertEquals(1, ParallelLoops.counters().minus(before).serialBelowThreshold());
    }

    @Test
    void forRange_atThreshold_runsEveryChunkOnAWorker() {
        ConcurrentLinkedQueue<Call> calls = new ConcurrentLinkedQueue<>();
        LoopCounters before = ParallelLoops.counters();

        ParallelLoops.forRange(0, 100, 100, 2, (lo, hi) -> calls.add(Call.here(lo, hi)));

        assertEquals(8, calls.size());
        assertTrue(calls.stream().noneMatch(call -> call.thread() == Thread.currentThread()), calls.toString());
        assertEquals(1, ParallelLoops.counters().minus(before).parallel());
    }

    @Test
    void forRange_zeroThreshold_usesTheConfiguredDefault() {
        int threshold = Math.max(2, StrideConfig.current().parallelThreshold());

        LoopPath below = ParallelLoops.choosePath(0, threshold - 1, 0, 2);
        LoopPath at = ParallelLoops.choosePath(0, threshold, 0, 2);

        assertEquals(LoopPath.SERIAL_BELOW_THRESHOLD, below);
        assertEquals(LoopPath.PARALLEL, at);
    }

    @Test
    void reduceLong_belowThreshold_isOneSerialCallFromTheInitialValue() {
        ConcurrentLinkedQueue<Long> starts = new ConcurrentLinkedQueue<>();

        long result = ParallelLoops.reduceLong(10, 20, 4096, 4, ReductionOperator.SUM, 1000, (lo, hi, acc) -> {
            starts.add(acc);
            for (int i = lo; i < hi; i++) {
                acc += i;
            }
            return acc;
        });

        assertEquals(List.of(1000L), List.copyOf(starts));
        assertEquals(1145, result);
    }

    @Test
    void forRange_reversedRange_isOneSerialCallThatRunsNothing() {
        ConcurrentLinkedQueue<Call> calls = new ConcurrentLinkedQueue<>();

        ParallelLoops.forRange(5, 2, 1, 4, (lo, hi) -> calls.add(Call.here(lo, hi)));

        assertEquals(List.of(new Call(5, 2, Thread.currentThread(), null)), List.copyOf(calls));
    }

    @Test
    void forRange_calledInsideAChunk_runsSeriallyInThatChunk() {
        ConcurrentLinkedQueue<Call> outer = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<Call> inner = new ConcurrentLinkedQueue<>();
        LoopCounters before = ParallelLoops.counters();

        assertTimeoutPreemptively(
                Duration.ofSeconds(20),
                () -> ParallelLoops.forRange(0, 8, 1, 2, (lo, hi) -> {
                    outer.add(Call.here(lo, hi));
                    ParallelLoops.forRange(
                            0, 10_000, 1, 4, (innerLo, innerHi) -> inner.add(Call.here(innerLo, innerHi)));
                }));

        assertEquals(8, outer.size());
        assertEquals(8, inner.size());
        assertEquals(
                outer.stream()
                        .map(Call::thread)
                        .sorted(LoopSchedulingTest::byId)
                        .toList(),
                inner.stream()
                        .map(Call::thread)
                        .sorted(LoopSchedulingTest::byId)
                        .toList());
        assertTrue(inner.stream().allMatch(call -> call.lo() == 0 && call.hi() == 10_000), inner.toString());
        LoopCounters ran = ParallelLoops.counters().minus(before);
        assertEquals(1, ran.parallel());
        assertEquals(8, ran.serialNested());
    }

    @Test
    void reduceLong_kernelInsideKernelOnEveryWorker_finishesWithTheSerialResult() {
        long result = assertTimeoutPreemptively(
                Duration.ofSeconds(20),
                () -> ParallelLoops.reduceLong(0, 64, 1, 4, ReductionOperator.SUM, 0, (lo, hi, acc) -> {
                    for (int i = lo; i < hi; i++) {
                        acc += sumKernel(1000);
                    }
                    return acc;
                }));

        assertEquals(64L * 499_500L, result);
    }

    @Test
    void forRange_threadsArgument_usesThatPlanOnThatPool() {
        ConcurrentLinkedQueue<Call> calls = new ConcurrentLinkedQueue<>();

        ParallelLoops.forRange(0, 1000, 1, 3, (lo, hi) -> calls.add(Call.here(lo, hi)));

        int[] starts = calls.stream().mapToInt(Call::lo).sorted().toArray();
        int[] boundaries = ParallelLoops.plan(0, 1000, 3).boundaries();
        assertArrayEquals(java.util.Arrays.copyOf(boundaries, 12), starts);
        ForkJoinPool pool = WorkerPools.forThreads(3);
        assertEquals(3, pool.getParallelism());
        assertTrue(calls.stream().allMatch(call -> call.pool() == pool), calls.toString());
    }

    @Test
    void withThreads_scopedOverride_appliesToLoopsWithoutAThreadsArgument() {
        ConcurrentLinkedQueue<Call> calls = new ConcurrentLinkedQueue<>();

        ParallelLoops.withThreads(
                2, () -> ParallelLoops.forRange(0, 1000, 1, (lo, hi) -> calls.add(Call.here(lo, hi))));
        int chunks = ParallelLoops.withThreads(
                3, () -> ParallelLoops.reduceInt(0, 1000, 1, ReductionOperator.SUM, 0, (lo, hi, acc) -> acc + 1));
        int inside = ParallelLoops.withThreads(5, ParallelLoops::currentThreads);

        assertEquals(8, calls.size());
        assertEquals(12, chunks);
        assertEquals(5, inside);
        assertEquals(StrideConfig.current().threads(), ParallelLoops.currentThreads());
    }

    @Test
    void workers_areDaemonThreadsNamedStrideWorkerOfAPrivatePool() {
        ConcurrentLinkedQueue<Call> calls = new ConcurrentLinkedQueue<>();

        ParallelLoops.forRange(0, 1000, 1, 2, (lo, hi) -> calls.add(Call.here(lo, hi)));

        for (Call call : calls) {
            assertTrue(
                    call.thread().getName().matches("stride-worker-[0-9]+"),
                    call.thread().getName());
            assertTrue(call.thread().isDaemon(), call.thread().getName());
            assertNotSame(Thread.currentThread(), call.thread());
            assertNotSame(ForkJoinPool.commonPool(), call.pool());
            assertSame(WorkerPools.forThreads(2), call.pool());
        }
    }

    @Test
    void choose_rulesInOrder_killSwitchFirstThenNestedThenOneThreadThenThreshold() {
        StrideConfig disabled = new StrideConfig(true, 8, 0, 4096);
        StrideConfig enabled = new StrideConfig(false, 8, 0, 4096);

        assertEquals(LoopPath.SERIAL_DISABLED, LoopScheduler.choose(disabled, true, 1_000_000, 0, 8));
        assertEquals(LoopPath.SERIAL_DISABLED, LoopScheduler.choose(disabled, false, 1_000_000, 0, 8));
        assertEquals(LoopPath.SERIAL_NESTED, LoopScheduler.choose(enabled, true, 1_000_000, 0, 1));
        assertEquals(LoopPath.SERIAL_ONE_THREAD, LoopScheduler.choose(enabled, false, 1_000_000, 0, 1));
        assertEquals(LoopPath.SERIAL_BELOW_THRESHOLD, LoopScheduler.choose(enabled, false, 4095, 0, 8));
        assertEquals(LoopPath.PARALLEL, LoopScheduler.choose(enabled, false, 4096, 0, 8));
        assertEquals(LoopPath.PARALLEL, LoopScheduler.choose(enabled, false, 10, 10, 8));
        assertEquals(LoopPath.SERIAL_BELOW_THRESHOLD, LoopScheduler.choose(enabled, false, 1, 1, 8));
    }

    @Test
    void choosePath_introspection_countsNothing() {
        LoopCounters before = ParallelLoops.counters();

        ParallelLoops.choosePath(0, 1_000_000, 0, 4);

        assertEquals(0, ParallelLoops.counters().minus(before).parallel());
        assertEquals(0, ParallelLoops.counters().minus(before).serial());
    }

    @Test
    void entryPoints_invalidArguments_areRejectedWithTheRule() {
        IllegalArgumentException threshold = assertThrows(
                IllegalArgumentException.class, () -> ParallelLoops.forRange(0, 10, -1, 2, (lo, hi) -> {}));
        IllegalArgumentException threads =
                assertThrows(IllegalArgumentException.class, () -> ParallelLoops.forRange(0, 10, 0, 0, (lo, hi) -> {}));
        IllegalArgumentException slots = assertThrows(
                IllegalArgumentException.class,
                () -> ParallelLoops.reduceSlots(
                        0,
                        10,
                        0,
                        new ReductionOperator[1],
                        new long[2],
                        new ReductionOperator[0],
                        new double[0],
                        null));

        assertEquals("@Parallel(threshold) must not be negative, was -1", threshold.getMessage());
        assertEquals("threads must be between 1 and 32767, was 0", threads.getMessage());
        assertEquals("1 long reduction operators for 2 long slots", slots.getMessage());
    }

    private static long sumKernel(int n) {
        return ParallelLoops.reduceLong(0, n, 1, ReductionOperator.SUM, 0, (lo, hi, acc) -> {
            for (int i = lo; i < hi; i++) {
                acc += i;
            }
            return acc;
        });
    }

    private static int byId(Thread left, Thread right) {
        return Long.compare(left.threadId(), right.threadId());
    }
}
