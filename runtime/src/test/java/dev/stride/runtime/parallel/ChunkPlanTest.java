package dev.stride.runtime.parallel;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ChunkPlanTest {

    @Test
    void of_smallRange_followsTheFloorRule() {
        ChunkPlan plan = ParallelLoops.plan(0, 10, 2);

        assertEquals(8, plan.chunks());
        assertArrayEquals(new int[] {0, 1, 2, 3, 5, 6, 7, 8, 10}, plan.boundaries());
    }

    @ParameterizedTest
    @CsvSource({
        "0, 1000, 1",
        "0, 1000, 2",
        "0, 1000, 4",
        "-17, 4093, 3",
        "5, 9, 4",
        "0, 1, 8",
        "-2147483648, 2147483647, 4",
        "2147483600, 2147483647, 2"
    })
    void of_anyRange_coversItWithContiguousNearlyEqualChunks(int lo, int hi, int threads) {
        long tripCount = (long) hi - lo;

        ChunkPlan plan = ParallelLoops.plan(lo, hi, threads);

        assertEquals(Math.min(tripCount, 4L * threads), plan.chunks());
        int[] boundaries = plan.boundaries();
        assertEquals(lo, boundaries[0]);
        assertEquals(hi, boundaries[plan.chunks()]);
        long smallest = Long.MAX_VALUE;
        long largest = 0;
        for (int chunk = 0; chunk < plan.chunks(); chunk++) {
            long size = (long) plan.end(chunk) - plan.start(chunk);
            assertTrue(size >= 1, "chunk " + chunk + " is empty");
            smallest = Math.min(smallest, size);
            largest = Math.max(largest, size);
        }
        assertTrue(largest - smallest <= 1, "sizes from " + smallest + " to " + largest);
    }

    @Test
    void of_sameArguments_givesEqualPlans() {
        ChunkPlan first = ParallelLoops.plan(3, 100_003, 4);

        ChunkPlan second = ParallelLoops.plan(3, 100_003, 4);

        assertEquals(first, second);
        assertArrayEquals(first.boundaries(), second.boundaries());
    }

    @Test
    void of_emptyOrReversedRange_hasNoChunks() {
        assertEquals(0, ParallelLoops.plan(5, 5, 4).chunks());
        assertEquals(0, ParallelLoops.plan(9, 2, 4).chunks());
        assertArrayEquals(new int[] {9}, ParallelLoops.plan(9, 2, 4).boundaries());
    }

    @Test
    void of_zeroThreads_isRejected() {
        IllegalArgumentException thrown =
                assertThrows(IllegalArgumentException.class, () -> ParallelLoops.plan(0, 10, 0));

        assertEquals("threads must be at least 1, was 0", thrown.getMessage());
    }

    @Test
    void constructor_emptyChunk_isRejected() {
        assertThrows(IllegalArgumentException.class, () -> new ChunkPlan(0, 3, 4));
        assertThrows(IllegalArgumentException.class, () -> new ChunkPlan(0, 3, 0));
    }
}
