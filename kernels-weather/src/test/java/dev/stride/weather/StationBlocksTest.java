package dev.stride.weather;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class StationBlocksTest {

    @Test
    void blockCount_belowMinimumRows_oneBlock() {
        assertEquals(1, StationBlocks.blockCount(65_535, 300, 2, StationBlocks.MIN_BLOCK_ROWS));
        assertEquals(1, StationBlocks.blockCount(3, 1, 2, StationBlocks.MIN_BLOCK_ROWS));
    }

    @Test
    void blockCount_limitedByWorkThreadsAndStations() {
        assertEquals(3, StationBlocks.blockCount(3 * 65_536 + 5, 300, 2, 65_536), "by work");
        assertEquals(8, StationBlocks.blockCount(10_000_000, 300, 2, 65_536), "4 per thread");
        assertEquals(2, StationBlocks.blockCount(10_000_000, 2, 2, 65_536), "one per station");
        assertEquals(0, StationBlocks.blockCount(0, 0, 2, 65_536), "no station, no block");
    }

    @Test
    void plan_cutsAtStationsByRows_scratchIsLongestStationPerBlock() {
        // stations of 10, 10, 60, 5, 5, 10 rows (100 rows); cuts at rows 25, 50, 75
        int[] starts = {0, 10, 20, 80, 85, 90, 100};

        StationBlocks blocks = StationBlocks.plan(starts, 6, 4);

        assertArrayEquals(new int[] {0, 3, 3, 3, 6}, blocks.blockStations(), "station 2 spans three cuts");
        assertArrayEquals(new int[] {0, 60, 60, 60, 70}, blocks.scratchOffsets());
        assertEquals(4, blocks.blockCount());
        assertEquals(70, blocks.scratchLength());
    }

    @Test
    void plan_evenStations_evenBlocks() {
        int[] starts = new int[101];
        for (int s = 0; s <= 100; s++) {
            starts[s] = 7 * s;
        }

        StationBlocks blocks = StationBlocks.plan(starts, 100, 4);

        assertArrayEquals(new int[] {0, 25, 50, 75, 100}, blocks.blockStations());
        assertArrayEquals(new int[] {0, 7, 14, 21, 28}, blocks.scratchOffsets());
    }

    @Test
    void plan_noStations_noBlocks() {
        StationBlocks blocks = StationBlocks.plan(new int[] {0}, 0, 0);

        assertEquals(0, blocks.blockCount());
        assertEquals(0, blocks.scratchLength());
    }
}
