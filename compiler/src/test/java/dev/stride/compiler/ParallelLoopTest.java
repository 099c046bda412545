package dev.stride.compiler;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.stride.compiler.codegen.ClassVerification;
import dev.stride.compiler.kernels.ParallelKernels;
import dev.stride.compiler.kernels.ParallelRejectedKernels;
import dev.stride.compiler.report.LoopVerdict;
import dev.stride.compiler.report.RejectionReason;
import dev.stride.compiler.testing.RewriteHarness;
import dev.stride.runtime.parallel.LoopCounters;
import dev.stride.runtime.parallel.ParallelLoops;
import java.lang.invoke.MethodHandle;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code @Parallel} loops end to end: what the report says, that the rewritten method really calls
 * {@code ParallelLoops} on the parallel path (and SIMD code inside the chunks), the serial fallback when an alias
 * check fails, exceptions reaching the caller with the serial loop's type and message, and one refused loop per
 * race rule. The differential corpus test covers the results of every kernel at 1, 2 and 4 threads.
 */
class ParallelLoopTest {
    private static final RewriteHarness.Compiled COMPILED = RewriteHarness.compile(ParallelKernels.class);
    private static final RewriteHarness.Compiled REJECTED = RewriteHarness.compile(ParallelRejectedKernels.class);
    private static final int N = 20_000;

    private static LoopVerdict verdict(RewriteHarness.Compiled compiled, String method, String loop) {
        return compiled.rewrite().report().methods().stream()
                .filter(m -> m.name().equals(method))
                .flatMap(m -> m.loops().stream())
                .filter(l -> l.id().equals(loop))
                .findFirst()
                .orElseThrow()
                .verdict();
    }

    /** A handle call with a result that may throw anything. */
    private interface HandleResult<T> {
        T get() throws Throwable;
    }

    private static <T> T withThreads(int threads, HandleResult<T> action) {
        return ParallelLoops.withThreads(threads, () -> {
            try {
                return action.get();
            } catch (RuntimeException | Error e) {
                throw e;
            } catch (Throwable e) {
                throw new IllegalStateException(e);
            }
        });
    }

    @Test
    void scale_largeRange_runsOnTheParallelPath() throws Throwable {
        MethodHandle scale = COMPILED.method("scale", double[].class, double[].class, double.class, int.class);
        double[] in = new Random(1).doubles(N).toArray();
        double[] out = new double[N];
        double[] expected = new double[N];
        LoopCounters before = ParallelLoops.counters();

        ParallelKernels.scale(in, expected, 3.0, N);
        ParallelLoops.withThreads(
                4,
                () -> invoke(() -> {
                    scale.invokeExact(in, out, 3.0, N);
                }));

        assertEquals(1, ParallelLoops.counters().minus(before).parallel());
        assertArrayEquals(expected, out);
    }

    @Test
    void minInt_chunkBodyIsVectorised_andRunsSimdCodeInsideChunks() throws Throwable {
        MethodHandle minInt = COMPILED.method("minInt", int[].class, int.class);
        int[] a = new Random(2).ints(N).toArray();

        int result = withThreads(2, () -> (int) minInt.invokeExact(a, N));

        LoopVerdict.Parallel parallel = assertInstanceOf(LoopVerdict.Parallel.class, verdict(COMPILED, "minInt", "L1"));
        assertTrue(parallel.body().startsWith("vectorised, 8 x int"), parallel.body());
        assertEquals("min", parallel.reductions().getFirst().operator());
        assertEquals(Arrays.stream(a).min().orElseThrow(), result);
        assertTrue(COMPILED.simdCodeLoaded(), "no chunk entered its SIMD code");
    }

    @Test
    void sumLong_everyThreadCount_equalsTheSerialLoop() throws Throwable {
        MethodHandle sumLong = COMPILED.method("sumLong", long[].class);
        long[] a = new Random(3).longs(N).toArray();

        for (int threads = 1; threads <= 4; threads++) {
            long result = withThreads(threads, () -> (long) sumLong.invokeExact(a));

            assertEquals(ParallelKernels.sumLong(a), result, "threads " + threads);
        }
    }

    @Test
    void neighbours_sameArrayTwice_failsTheAliasCheckAndRunsTheOriginalLoop() throws Throwable {
        MethodHandle neighbours = COMPILED.method("neighbours", int[].class, int[].class, int.class);
        int[] a = new Random(4).ints(N, -100, 100).toArray();
        int[] expected = a.clone();
        LoopCounters before = ParallelLoops.counters();

        ParallelKernels.neighbours(expected, expected, N);
        ParallelLoops.withThreads(
                4,
                () -> invoke(() -> {
                    neighbours.invokeExact(a, a, N);
                }));

        LoopCounters delta = ParallelLoops.counters().minus(before);
        assertEquals(0, delta.parallel() + delta.serial(), "ParallelLoops was called although the arrays alias");
        assertArrayEquals(expected, a);
    }

    @Test
    void divide_zeroDivisorsInTwoChunks_throwsTheSerialLoopsArithmeticException() {
        MethodHandle divide = COMPILED.method("divide", int[].class, int[].class, int[].class, int.class);
        int[] a = new int[N];
        int[] b = new int[N];
        Arrays.fill(b, 1);
        b[19_000] = 0;
        b[700] = 0;

        ArithmeticException plain =
                assertThrows(ArithmeticException.class, () -> ParallelKernels.divide(a, b, new int[N], N));
        ArithmeticException parallel = assertThrows(
                ArithmeticException.class,
                () -> ParallelLoops.withThreads(
                        4,
                        () -> invoke(() -> {
                            divide.invokeExact(a, b, new int[N], N);
                        })));

        assertEquals(plain.getMessage(), parallel.getMessage());
    }

    @Test
    void scale_boundBeyondTheArrays_throwsTheSerialLoopsIndexException() {
        MethodHandle scale = COMPILED.method("scale", double[].class, double[].class, double.class, int.class);
        double[] in = new double[N];

        ArrayIndexOutOfBoundsException plain = assertThrows(
                ArrayIndexOutOfBoundsException.class, () -> ParallelKernels.scale(in, new double[N], 2, N + 100));
        ArrayIndexOutOfBoundsException parallel = assertThrows(
                ArrayIndexOutOfBoundsException.class,
                () -> ParallelLoops.withThreads(
                        4,
                        () -> invoke(() -> {
                            scale.invokeExact(in, new double[N], 2.0, N + 100);
                        })));

        assertEquals(plain.getMessage(), parallel.getMessage());
    }

    @Test
    void nested_innerPrangeLoop_isReportedAsSerialInsideEachChunk() {
        LoopVerdict.Parallel parallel = assertInstanceOf(LoopVerdict.Parallel.class, verdict(COMPILED, "nested", "L1"));

        assertEquals(java.util.List.of("L1.1"), parallel.serialNested());
        assertInstanceOf(LoopVerdict.PartOfOuter.class, verdict(COMPILED, "nested", "L1.1"));
    }

    @Test
    void halveRanges_sameClassHelper_isTrustedAndSaysSo() {
        LoopVerdict.Parallel parallel =
                assertInstanceOf(LoopVerdict.Parallel.class, verdict(COMPILED, "halveRanges", "L1"));

        assertTrue(parallel.assumptions().getFirst().contains("ParallelKernels.halve"));
    }

    @Test
    void chunkMethods_arePrivateStaticSynthetic_andEveryClassVerifies() {
        Method chunk = Arrays.stream(COMPILED.rewrittenClass().getDeclaredMethods())
                .filter(m -> m.getName().equals("scale$prange$L1"))
                .findFirst()
                .orElseThrow();

        assertTrue(Modifier.isPrivate(chunk.getModifiers()) && Modifier.isStatic(chunk.getModifiers()));
        assertTrue(chunk.isSynthetic());
        assertNull(ClassVerification.problem(COMPILED.rewrite().rewrittenClass()));
        COMPILED.rewrite().addedClasses().values().forEach(bytes -> assertNull(ClassVerification.problem(bytes)));
    }

    @ParameterizedTest
    @CsvSource({
        "histogram, PARALLEL_ACCUMULATES_INTO_ARRAY",
        "sameElement, PARALLEL_RACE_ARRAY_WRITE",
        "readsNeighbourWrite, PARALLEL_RACE_ARRAY_WRITE",
        "lastValue, PARALLEL_LIVE_OUT_SCALAR",
        "carried, LOOP_CARRIED_SCALAR",
        "strictSum, NEEDS_FASTMATH_REDUCTION",
        "foreignCall, PARALLEL_UNSUPPORTED_CALL",
        "fieldWrite, PARALLEL_UNSUPPORTED_INSTRUCTION",
        "inclusive, PARALLEL_SHAPE",
        "insideTry, TRY_CATCH",
        "rowWrites, PARALLEL_RACE_ARRAY_WRITE",
        "allocates, PARALLEL_UNSUPPORTED_INSTRUCTION"
    })
    void refusedLoop_isRejectedWithItsReasonAndStaysSerial(String method, RejectionReason reason) {
        LoopVerdict.Rejected rejected = assertInstanceOf(LoopVerdict.Rejected.class, verdict(REJECTED, method, "L1"));

        assertEquals(reason, rejected.reason(), rejected.detail());
        assertTrue(rejected.parallel());
        assertTrue(rejected.line() > 0);
    }

    /** A handle call that may throw anything, for {@code withThreads(int, Runnable)}. */
    private interface HandleCall {
        void run() throws Throwable;
    }

    private static void invoke(HandleCall call) {
        try {
            call.run();
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }
}
