package dev.stride.weather.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class StationBoundariesTest {

    private static final long[] IDS = {7, 7, 7, 3, 3, 9, 9, 9, 9, 9, 4};

    @Test
    void nextStationStart_insideAStation_movesToTheNextStart() {
        assertEquals(3, start(1));
        assertEquals(3, start(2));
        assertEquals(5, start(4));
        assertEquals(10, start(6));
    }

    @Test
    void nextStationStart_onAStart_staysThere() {
        assertEquals(0, start(0));
        assertEquals(3, start(3));
        assertEquals(10, start(10));
    }

    @Test
    void nextStationStart_atOrPastTheEnd_isTheEnd() {
        assertEquals(IDS.length, start(IDS.length));
        assertEquals(IDS.length, start(IDS.length + 5));
    }

    @Test
    void nextStationStart_lastStationLongerThanABlock_isTheEnd() {
        long[] ids = new long[StationBoundaries.BLOCK_ROWS * 2 + 17];
        Arrays.fill(ids, 1, ids.length, 5);

        long start = StationBoundaries.nextStationStart(
                (from, count) -> Arrays.copyOfRange(ids, (int) from, (int) from + count), ids.length, 2);

        assertEquals(ids.length, start);
    }

    @Test
    void nextStationStart_stationEndsInASecondBlock_findsIt() {
        int change = StationBoundaries.BLOCK_ROWS + 123;
        long[] ids = new long[change + 10];
        Arrays.fill(ids, change, ids.length, 8);

        long start = StationBoundaries.nextStationStart(
                (from, count) -> Arrays.copyOfRange(ids, (int) from, (int) from + count), ids.length, 5);

        assertEquals(change, start);
    }

    private static long start(long nominal) {
        return StationBoundaries.nextStationStart(
                (from, count) -> Arrays.copyOfRange(IDS, (int) from, (int) from + count), IDS.length, nominal);
    }
}
