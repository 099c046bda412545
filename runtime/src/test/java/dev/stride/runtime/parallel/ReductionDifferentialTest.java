package dev.stride.runtime.parallel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every reduction operator and type against the plain serial loop, at 1, 2 and 4 threads, over iterations of
 * uneven cost. Exact equality for the associative cases; for floating-point {@code +} and {@code *} at several
 * threads, bit equality with the documented chunk-order fold and a stated bound against the serial loop.
 */
class ReductionDifferentialTest {

    private static final int[] THREAD_COUNTS = {1, 2, 4};
    private static final long SEED = 20261122L;

    static Stream<Arguments> integralCases() {
        return cases(EnumSet.allOf(ReductionOperator.class));
    }

    static Stream<Arguments> floatingCases() {
        return cases(EnumSet.of(
                ReductionOperator.SUM, ReductionOperator.PRODUCT, ReductionOperator.MIN, ReductionOperator.MAX));
    }

    private static Stream<Arguments> cases(EnumSet<ReductionOperator> operators) {
        List<Arguments> cases = new ArrayList<>();
        for (ReductionOperator operator : operators) {
            for (int threads : THREAD_COUNTS) {
                cases.add(Arguments.of(operator, threads));
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0} at {1} threads")
    @MethodSource("integralCases")
    void reduceInt_unevenIterations_equalsSerialLoop(ReductionOperator operator, int threads) {
        int[] values = Inputs.ints(operator, SEED);
        int initial = 0x1234_5679;
        LoopCounters before = ParallelLoops.counters();

        int result = ParallelLoops.reduceInt(Inputs.LO, Inputs.HI, 1, threads, operator, initial, (lo, hi, acc) -> {
            for (int i = lo; i < hi; i++) {
                Inputs.work(i);
                acc = Inputs.apply(operator, acc, values[i]);
            }
            return acc;
        });

        int serial = initial;
        for (int i = Inputs.LO; i < Inputs.HI; i++) {
            serial = Inputs.apply(operator, serial, values[i]);
        }
        assertEquals(serial, result);
        assertTookExpectedPath(threads, ParallelLoops.counters().minus(before));
    }

    @ParameterizedTest(name = "{0} at {1} threads")
    @MethodSource("integralCases")
    void reduceLong_unevenIterations_equalsSerialLoop(ReductionOperator operator, int threads) {
        long[] values = Inputs.longs(operator, SEED);
        long initial = 0x1234_5678_9abc_def1L;
        LoopCounters before = ParallelLoops.counters();

        long result = ParallelLoops.reduceLong(Inputs.LO, Inputs.HI, 1, threads, operator, initial, (lo, hi, acc) -> {
            for (int i = lo; i < hi; i++) {
                Inputs.work(i);
                acc = Inputs.apply(operator, acc, values[i]);
            }
            return acc;
        });

        long serial = initial;
        for (int i = Inputs.LO; i < Inputs.HI; i++) {
            serial = Inputs.apply(operator, serial, values[i]);
        }
        assertEquals(serial, result);
        assertTookExpectedPath(threads, ParallelLoops.counters().minus(before));
    }

    @ParameterizedTest(name = "{0} at {1} threads")
    @MethodSource("floatingCases")
    void reduceDouble_unevenIterations_equalsSerialLoopOrChunkOrderFold(ReductionOperator operator, int threads) {
        double[] values = Inputs.doubles(operator, SEED);
        double initial = operator == ReductionOperator.PRODUCT ? 1.25 : 0.375;
        LoopCounters before = ParallelLoops.counters();

        double result =
                ParallelLoops.reduceDouble(Inputs.LO, Inputs.HI, 1, threads, operator, initial, (lo, hi, acc) -> {
                    for (int i = lo; i < hi; i++) {
                        Inputs.work(i);
                        acc = Inputs.apply(operator, acc, values[i]);
                    }
                    return acc;
                });

        double serial = initial;
        double magnitude = Math.abs(initial);
        for (int i = Inputs.LO; i < Inputs.HI; i++) {
            serial = Inputs.apply(operator, serial, values[i]);
            magnitude += Math.abs(values[i]);
        }
        assertTookExpectedPath(threads, ParallelLoops.counters().minus(before));
        if (threads == 1 || !reassociates(operator)) {
            assertEquals(Double.doubleToRawLongBits(serial), Double.doubleToRawLongBits(result), result + " " + serial);
            return;
        }
        assertEquals(
                Double.doubleToRawLongBits(chunkOrderDouble(operator, initial, values, threads)),
                Double.doubleToRawLongBits(result));
        double bound = operator == ReductionOperator.SUM ? 1e-11 * magnitude : 1e-11 * Math.abs(serial);
        assertTrue(Math.abs(result - serial) <= bound, result + " vs serial " + serial);
    }

    @ParameterizedTest(name = "{0} at {1} threads")
    @MethodSource("floatingCases")
    void reduceFloat_unevenIterations_equalsSerialLoopOrChunkOrderFold(ReductionOperator operator, int threads) {
        float[] values = Inputs.floats(operator, SEED);
        float initial = operator == ReductionOperator.PRODUCT ? 1.25f : 0.375f;
        LoopCounters before = ParallelLoops.counters();

        float result = ParallelLoops.reduceFloat(Inputs.LO, Inputs.HI, 1, threads, operator, initial, (lo, hi, acc) -> {
            for (int i = lo; i < hi; i++) {
                Inputs.work(i);
                acc = Inputs.apply(operator, acc, values[i]);
            }
            return acc;
        });

        float serial = initial;
        double magnitude = Math.abs(initial);
        for (int i = Inputs.LO; i < Inputs.HI; i++) {
            serial = Inputs.apply(operator, serial, values[i]);
            magnitude += Math.abs(values[i]);
        }
        assertTookExpectedPath(threads, ParallelLoops.counters().minus(before));
        if (threads == 1 || !reassociates(operator)) {
            assertEquals(Float.floatToRawIntBits(serial), Float.floatToRawIntBits(result), result + " " + serial);
            return;
        }
        assertEquals(
                Float.floatToRawIntBits(chunkOrderFloat(operator, initial, values, threads)),
                Float.floatToRawIntBits(result));
        double bound = operator == ReductionOperator.SUM ? 2e-3 * magnitude : 2e-3 * Math.abs(serial);
        assertTrue(Math.abs(result - serial) <= bound, result + " vs serial " + serial);
    }

    private static boolean reassociates(ReductionOperator operator) {
        return operator == ReductionOperator.SUM || operator == ReductionOperator.PRODUCT;
    }

    /** The documented result: chunk 0 from the initial value, the others from the identity, folded left to right. */
    static double chunkOrderDouble(ReductionOperator operator, double initial, double[] values, int threads) {
        ChunkPlan plan = ParallelLoops.plan(Inputs.LO, Inputs.HI, threads);
        double result = 0;
        for (int chunk = 0; chunk < plan.chunks(); chunk++) {
            double partial = chunk == 0 ? initial : Inputs.floatingStart(operator);
            for (int i = plan.start(chunk); i < plan.end(chunk); i++) {
                partial = Inputs.apply(operator, partial, values[i]);
            }
            result = chunk == 0 ? partial : Inputs.apply(operator, result, partial);
        }
        return result;
    }

    private static float chunkOrderFloat(ReductionOperator operator, float initial, float[] values, int threads) {
        ChunkPlan plan = ParallelLoops.plan(Inputs.LO, Inputs.HI, threads);
        float result = 0;
        for (int chunk = 0; chunk < plan.chunks(); chunk++) {
            float partial = chunk == 0 ? initial : (float) Inputs.floatingStart(operator);
            for (int i = plan.start(chunk); i < plan.end(chunk); i++) {
                partial = Inputs.apply(operator, partial, values[i]);
            }
            result = chunk == 0 ? partial : Inputs.apply(operator, result, partial);
        }
        return result;
    }

    static void assertTookExpectedPath(int threads, LoopCounters ran) {
        LoopPath expected = threads == 1 ? LoopPath.SERIAL_ONE_THREAD : LoopPath.PARALLEL;
        assertEquals(1, ran.count(expected), "expected one " + expected + " call: " + ran);
        assertEquals(1, ran.parallel() + ran.serial(), "expected exactly one call: " + ran);
    }
}
