package dev.stride.runtime.parallel;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The same call at the same thread count gives the same bits on every run, however the chunks happen to be
 * scheduled; the per-iteration cost is uneven and random so that the schedule differs between runs.
 */
class DeterminismTest {

    private static final int LENGTH = 200_000;
    private static final int RUNS = 20;

    @ParameterizedTest(name = "{0} threads")
    @ValueSource(ints = {2, 3, 4})
    void reduceDouble_sumRepeated_givesIdenticalBits(int threads) {
        double[] values = mixedMagnitudes();
        Random jitter = new Random(threads);

        long first = Double.doubleToRawLongBits(sum(values, threads, jitter.nextInt(LENGTH)));
        for (int run = 1; run < RUNS; run++) {
            long again = Double.doubleToRawLongBits(sum(values, threads, jitter.nextInt(LENGTH)));

            assertEquals(first, again, "run " + run);
        }
        assertEquals(
                first, Double.doubleToRawLongBits(ChunkOrderOracle.chunkOrderSum(values, 0, LENGTH, threads, 0.0)));
    }

    @ParameterizedTest(name = "{0} threads")
    @ValueSource(ints = {2, 4})
    void reduceSlots_sumsRepeated_giveIdenticalBits(int threads) {
        double[] values = mixedMagnitudes();
        ReductionOperator[] longOperators = {ReductionOperator.XOR};
        ReductionOperator[] doubleOperators = {ReductionOperator.SUM, ReductionOperator.PRODUCT};

        double[] first = slotRun(values, threads, longOperators, doubleOperators);
        for (int run = 1; run < RUNS; run++) {
            double[] again = slotRun(values, threads, longOperators, doubleOperators);

            assertEquals(Double.doubleToRawLongBits(first[0]), Double.doubleToRawLongBits(again[0]), "run " + run);
            assertEquals(Double.doubleToRawLongBits(first[1]), Double.doubleToRawLongBits(again[1]), "run " + run);
        }
    }

    private static double[] slotRun(
            double[] values, int threads, ReductionOperator[] longOperators, ReductionOperator[] doubleOperators) {
        long[] longSlots = {0};
        double[] doubleSlots = {0.0, 1.0};
        ParallelLoops.reduceSlots(
                0, LENGTH, 1, threads, longOperators, longSlots, doubleOperators, doubleSlots, (lo, hi, ls, ds) -> {
                    long bits = ls[0];
                    double sum = ds[0];
                    double product = ds[1];
                    for (int i = lo; i < hi; i++) {
                        bits ^= Double.doubleToRawLongBits(values[i]);
                        sum += values[i];
                        product *= 1 + values[i] * 1e-9;
                    }
                    ls[0] = bits;
                    ds[0] = sum;
                    ds[1] = product;
                });
        return doubleSlots;
    }

    private static double sum(double[] values, int threads, int slowFrom) {
        return ParallelLoops.reduceDouble(0, LENGTH, 1, threads, ReductionOperator.SUM, 0.0, (lo, hi, acc) -> {
            for (int i = lo; i < hi; i++) {
                if (i >= slowFrom && i < slowFrom + 2000) {
                    Inputs.work(i % Inputs.HEAVY_END);
                }
                acc += values[i];
            }
            return acc;
        });
    }

    private static double[] mixedMagnitudes() {
        Random random = new Random(42);
        double[] values = new double[LENGTH];
        for (int i = 0; i < LENGTH; i++) {
            values[i] = (random.nextDouble() - 0.5) * Math.pow(10, random.nextInt(17) - 8);
        }
        return values;
    }
}
