package dev.stride.runtime.parallel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Several reductions of all four types in one loop, carried in slots as the protocol says ({@code int} in
 * {@code long} arithmetic, {@code float} in a {@code double} slot), against the plain serial loop.
 */
class SlotReductionTest {

    private static final ReductionOperator[] LONG_OPERATORS = {
        ReductionOperator.SUM, ReductionOperator.PRODUCT, ReductionOperator.MIN, ReductionOperator.XOR
    };
    private static final ReductionOperator[] DOUBLE_OPERATORS = {
        ReductionOperator.SUM, ReductionOperator.MAX, ReductionOperator.MIN
    };

    @ParameterizedTest(name = "{0} threads")
    @ValueSource(ints = {1, 2, 4})
    void reduceSlots_mixedTypesAndOperators_equalSerialLoop(int threads) {
        int[] ints = Inputs.ints(ReductionOperator.PRODUCT, 11);
        long[] longs = Inputs.longs(ReductionOperator.XOR, 12);
        double[] doubles = Inputs.doubles(ReductionOperator.SUM, 13);
        float[] floats = Inputs.floats(ReductionOperator.SUM, 14);
        long[] longSlots = {5, 3, 77, 0x0f0f};
        double[] doubleSlots = {0.5, Double.NEGATIVE_INFINITY, 1e9f};
        LoopCounters before = ParallelLoops.counters();

        ParallelLoops.reduceSlots(
                Inputs.LO,
                Inputs.HI,
                1,
                threads,
                LONG_OPERATORS,
                longSlots,
                DOUBLE_OPERATORS,
                doubleSlots,
                (lo, hi, ls, ds) -> {
                    long intSum = ls[0];
                    long intProduct = ls[1];
                    long intMin = ls[2];
                    long longXor = ls[3];
                    double doubleSum = ds[0];
                    double doubleMax = ds[1];
                    float floatMin = (float) ds[2];
                    for (int i = lo; i < hi; i++) {
                        Inputs.work(i);
                        intSum += ints[i];
                        intProduct *= ints[i];
                        intMin = Math.min(intMin, ints[i]);
                        longXor ^= longs[i];
                        doubleSum += doubles[i];
                        doubleMax = Math.max(doubleMax, doubles[i]);
                        floatMin = Math.min(floatMin, floats[i]);
                    }
                    ls[0] = intSum;
                    ls[1] = intProduct;
                    ls[2] = intMin;
                    ls[3] = longXor;
                    ds[0] = doubleSum;
                    ds[1] = doubleMax;
                    ds[2] = floatMin;
                });

        int intSum = 5;
        int intProduct = 3;
        int intMin = 77;
        long longXor = 0x0f0f;
        double doubleSum = 0.5;
        double doubleMax = Double.NEGATIVE_INFINITY;
        float floatMin = 1e9f;
        for (int i = Inputs.LO; i < Inputs.HI; i++) {
            intSum += ints[i];
            intProduct *= ints[i];
            intMin = Math.min(intMin, ints[i]);
            longXor ^= longs[i];
            doubleSum += doubles[i];
            doubleMax = Math.max(doubleMax, doubles[i]);
            floatMin = Math.min(floatMin, floats[i]);
        }
        assertEquals(intSum, (int) longSlots[0]);
        assertEquals(intProduct, (int) longSlots[1]);
        assertEquals(intMin, (int) longSlots[2]);
        assertEquals(longXor, longSlots[3]);
        assertEquals(doubleMax, doubleSlots[1]);
        assertEquals(floatMin, (float) doubleSlots[2]);
        double chunkOrder =
                threads == 1 ? doubleSum : ChunkOrderOracle.chunkOrderSum(doubles, Inputs.LO, Inputs.HI, threads, 0.5);
        assertEquals(Double.doubleToRawLongBits(chunkOrder), Double.doubleToRawLongBits(doubleSlots[0]));
        assertTrue(Math.abs(doubleSum - doubleSlots[0]) < 1e-9, doubleSlots[0] + " vs " + doubleSum);
        ReductionDifferentialTest.assertTookExpectedPath(
                threads, ParallelLoops.counters().minus(before));
    }
}
