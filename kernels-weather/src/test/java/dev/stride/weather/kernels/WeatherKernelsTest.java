package dev.stride.weather.kernels;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.stride.weather.ReferenceOutliers;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class WeatherKernelsTest {

    private static final double NAN = Double.NaN;

    @Test
    void fillForward_leadingMissingStayMissing_gapsTakePreviousValue() {
        double[] value = {NAN, NAN, 3, NAN, NAN, 5, NAN, 0};
        double[] filled = new double[value.length];

        WeatherKernels.fillForward(value, 0, value.length, filled, 0);

        assertArrayEquals(new double[] {NAN, NAN, 3, 3, 3, 5, 5, 0}, filled);
    }

    @Test
    void fillForward_doesNotCarryAcrossStations() {
        double[] value = {1, 2, NAN, 4};
        double[] filled = new double[value.length];

        WeatherKernels.fillForward(value, 0, 2, filled, 0);
        WeatherKernels.fillForward(value, 2, 4, filled, 2);

        assertArrayEquals(new double[] {1, 2, NAN, 4}, filled);
    }

    @Test
    void rollingMeanAndStd_matchExactValues_storedAtWindowEnd() {
        double[] x = randomSeries(500, 11, 0);
        double[] mean = new double[x.length];
        double[] std = new double[x.length];
        int n = 17;

        WeatherKernels.rollingMean(x, 0, x.length, n, mean);
        WeatherKernels.rollingStd(x, 0, x.length, n, mean, std);

        for (int i = 0; i < n - 1; i++) {
            assertTrue(Double.isNaN(mean[i]) && Double.isNaN(std[i]), "head row " + i);
        }
        for (int end = n - 1; end < x.length; end++) {
            double exactMean = ReferenceOutliers.exactMean(x, end - n + 1, n).doubleValue();
            double exactStd = ReferenceOutliers.exactStd(x, end - n + 1, n).doubleValue();
            assertEquals(exactMean, mean[end], 1e-12 * Math.abs(exactMean), "mean at " + end);
            assertEquals(exactStd, std[end], 1e-10 * exactStd, "std at " + end);
        }
    }

    @Test
    void rollingStats_tooShortStation_allNaN() {
        double[] x = {1, 2, 3};
        double[] mean = new double[3];
        double[] std = new double[3];

        WeatherKernels.rollingMean(x, 0, 3, 5, mean);
        WeatherKernels.rollingStd(x, 0, 3, 5, mean, std);
        WeatherKernels.rollingMeanStdSliding(x, 0, 3, 5, mean, std);

        assertTrue(Arrays.stream(mean).allMatch(Double::isNaN));
        assertTrue(Arrays.stream(std).allMatch(Double::isNaN));
    }

    @Test
    void slidingSum_agreesWithTwoPass_onBenignData() {
        double[] x = randomSeries(20_000, 5, 40);
        x[0] = NAN;
        x[1] = NAN;
        WeatherKernels.fillForward(x.clone(), 0, x.length, x, 0);
        double[] mean = new double[x.length];
        double[] std = new double[x.length];
        double[] slidingMean = new double[x.length];
        double[] slidingStd = new double[x.length];

        WeatherKernels.rollingMean(x, 0, x.length, 84, mean);
        WeatherKernels.rollingStd(x, 0, x.length, 84, mean, std);
        WeatherKernels.rollingMeanStdSliding(x, 0, x.length, 84, slidingMean, slidingStd);

        for (int i = 0; i < x.length; i++) {
            assertEquals(Double.isNaN(mean[i]), Double.isNaN(slidingMean[i]), "NaN pattern at " + i);
            if (!Double.isNaN(mean[i])) {
                assertEquals(mean[i], slidingMean[i], 1e-9 * Math.abs(mean[i]), "mean at " + i);
                assertEquals(std[i], slidingStd[i], 1e-7 * std[i], "std at " + i);
            }
        }
    }

    @Test
    void findOutliers_matchesReference_onSeriesWithMissingRuns() {
        for (int seed = 0; seed < 20; seed++) {
            double[] value = seriesWithGapsAndSpikes(400, seed);
            long[] station = new long[value.length];
            for (boolean excludePoint : new boolean[] {false, true}) {

                List<Integer> found = detect(station, value, 8, 2.0, excludePoint);

                assertEquals(
                        ReferenceOutliers.find(station, value, 8, 2.0, excludePoint),
                        found,
                        "seed " + seed + " exclude " + excludePoint);
            }
        }
    }

    @Test
    void pointInsideWindow_ratioNeverExceedsSqrtOfNMinus1() {
        int n = 30;
        double[] value = new double[200];
        value[150] = 1000;
        long[] station = new long[value.length];

        List<Integer> inside = detect(station, value, n, 6.0, false);
        List<Integer> insideLowThreshold = detect(station, value, n, Math.sqrt(n - 1) - 1e-9, false);
        List<Integer> excluded = detect(station, value, n, 6.0, true);

        assertEquals(List.of(), inside, "sqrt(29) < 6: nothing can be found");
        assertEquals(List.of(150), insideLowThreshold, "the bound is reached by a single spike");
        assertEquals(List.of(150), excluded);
    }

    @Test
    void pointInsideWindow_boundHoldsOnRandomData() {
        int n = 12;
        double[] x = randomSeries(5_000, 3, 0);
        for (int i = 0; i < x.length; i += 97) {
            x[i] *= 50;
        }
        double[] mean = new double[x.length];
        double[] std = new double[x.length];

        WeatherKernels.rollingMean(x, 0, x.length, n, mean);
        WeatherKernels.rollingStd(x, 0, x.length, n, mean, std);

        for (int i = n - 1; i < x.length; i++) {
            assertTrue(Math.abs(x[i] - mean[i]) <= Math.sqrt(n - 1) * std[i] * (1 + 1e-12), "row " + i);
        }
    }

    @Test
    void findOutliers_filledValueNeverReported() {
        int n = 10;
        double[] value = new double[30];
        value[20] = 100;
        value[21] = NAN;
        long[] station = new long[value.length];

        List<Integer> found = detect(station, value, n, 1.0, true);

        assertEquals(List.of(20), found, "row 21 is filled with 100 and would pass the test");
    }

    @Test
    void scanStations_startsOfRuns_timeOrdered() {
        long[] station = {7, 7, 3, 3, 3, 9};
        double[] timestamp = {5, 6, 1, 1, 2, 0};
        int[] starts = new int[4];
        int[] firstUnordered = {99};

        int runs = WeatherKernels.scanStations(station, timestamp, starts, firstUnordered);

        assertEquals(3, runs);
        assertArrayEquals(new int[] {0, 2, 5, 6}, starts);
        assertEquals(-1, firstUnordered[0]);
        assertEquals(-1, WeatherKernels.firstRegroupedRow(station, starts, runs));
    }

    @Test
    void scanStations_timeGoesBackwards_firstOffendingRowOnly() {
        long[] station = {1, 1, 1, 2, 2, 2};
        double[] timestamp = {0, 10, 20, 5, 4, 3};
        int[] firstUnordered = new int[1];

        int runs = WeatherKernels.scanStations(station, timestamp, new int[3], firstUnordered);

        assertEquals(2, runs);
        assertEquals(4, firstUnordered[0], "a new station may start earlier; row 4 goes back within station 2");
    }

    @Test
    void scanStations_startsTooShort_minusOne_thenFitsWithCountedRuns() {
        long[] station = {1, 2, 3, 4, 5};
        double[] timestamp = new double[5];

        int tooShort = WeatherKernels.scanStations(station, timestamp, new int[5], new int[1]);
        int[] starts = new int[WeatherKernels.countStationRuns(station) + 1];
        int runs = WeatherKernels.scanStations(station, timestamp, starts, new int[1]);

        assertEquals(-1, tooShort);
        assertEquals(5, runs);
        assertArrayEquals(new int[] {0, 1, 2, 3, 4, 5}, starts);
    }

    @Test
    void scanStations_noRows_zeroRuns() {
        int[] starts = {9};
        int[] firstUnordered = {9};

        int runs = WeatherKernels.scanStations(new long[0], new double[0], starts, firstUnordered);

        assertEquals(0, runs);
        assertArrayEquals(new int[] {0}, starts);
        assertEquals(-1, firstUnordered[0]);
    }

    @Test
    void firstRegroupedRow_stationReappearing_firstOffendingRow() {
        long[] station = {1, 1, 2, 3, 3, 2, 2, 1};
        int[] starts = starts(station);

        int row = WeatherKernels.firstRegroupedRow(station, starts, starts.length - 1);

        assertEquals(5, row);
    }

    @Test
    void firstRegroupedRow_manyStations_grouped() {
        long[] station = new long[100_000];
        for (int i = 0; i < station.length; i++) {
            station[i] = (i / 3) * 7919L;
        }
        int[] starts = starts(station);

        assertEquals(-1, WeatherKernels.firstRegroupedRow(station, starts, starts.length - 1));
    }

    @Test
    void detectBlocks_anyBlockCut_sameFlagsAsOneBlock() {
        long[] station = new long[1_000];
        double[] value = seriesWithGapsAndSpikes(station.length, 11);
        int[] lengths = {3, 0, 250, 7, 1, 400, 8, 331};
        int row = 0;
        for (int s = 0; s < lengths.length; s++) {
            for (int k = 0; k < lengths[s]; k++) {
                station[row++] = s;
            }
        }
        List<Integer> oneBlock = detect(station, value, 8, 2.0, true, 1);

        for (int blocks = 2; blocks <= 8; blocks++) {
            assertEquals(oneBlock, detect(station, value, 8, 2.0, true, blocks), blocks + " blocks");
        }
        assertEquals(ReferenceOutliers.find(station, value, 8, 2.0, true), oneBlock);
    }

    /** Runs the driver in one block and collects flagged rows. */
    static List<Integer> detect(long[] station, double[] value, int n, double t, boolean excludePoint) {
        return detect(station, value, n, t, excludePoint, 1);
    }

    /**
     * Runs the driver with the stations cut into {@code blockCount} blocks of equal station counts (the last block
     * takes the rest), each block's scratch slice as long as its rows, and collects flagged rows.
     */
    static List<Integer> detect(long[] station, double[] value, int n, double t, boolean excludePoint, int blockCount) {
        int[] starts = starts(station);
        int runs = starts.length - 1;
        int rows = value.length;
        int[] blockStations = new int[blockCount + 1];
        int[] blockOffsets = new int[blockCount + 1];
        for (int b = 0; b <= blockCount; b++) {
            blockStations[b] = Math.min(runs, b * (runs / blockCount));
            blockOffsets[b] = starts[blockStations[b]];
        }
        blockStations[blockCount] = runs;
        byte[] flags = new byte[rows];
        int[] counts = new int[runs];
        WeatherKernels.detectBlocks(
                value,
                starts,
                blockStations,
                blockOffsets,
                blockCount,
                n,
                t,
                excludePoint,
                false,
                new double[rows],
                new double[rows],
                new double[rows],
                flags,
                counts);
        List<Integer> found = new ArrayList<>();
        for (int i = 0; i < rows; i++) {
            if (flags[i] == WeatherKernels.OUTLIER) {
                found.add(i);
            }
        }
        assertEquals(found.size(), Arrays.stream(counts).sum());
        return found;
    }

    private static int[] starts(long[] station) {
        int[] starts = new int[WeatherKernels.countStationRuns(station) + 1];
        WeatherKernels.scanStations(station, new double[station.length], starts, new int[1]);
        return starts;
    }

    private static double[] randomSeries(int length, long seed, double level) {
        SplittableRandom random = new SplittableRandom(seed);
        double[] x = new double[length];
        for (int i = 0; i < length; i++) {
            x[i] = level + random.nextGaussian() * 3;
        }
        return x;
    }

    private static double[] seriesWithGapsAndSpikes(int length, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double[] x = new double[length];
        int leading = random.nextInt(15);
        int i = 0;
        while (i < length) {
            x[i] = i < leading ? NAN : Math.rint(20 + random.nextGaussian() * 4);
            if (random.nextDouble() < 0.03) {
                x[i] += 40;
            }
            if (random.nextDouble() < 0.04) {
                int end = Math.min(length, i + 1 + random.nextInt(6));
                Arrays.fill(x, i, end, NAN);
                i = end;
            } else {
                i++;
            }
        }
        return x;
    }
}
