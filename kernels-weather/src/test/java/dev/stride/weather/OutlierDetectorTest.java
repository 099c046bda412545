package dev.stride.weather;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.stride.runtime.Originals;
import dev.stride.runtime.parallel.LoopCounters;
import dev.stride.runtime.parallel.LoopPath;
import dev.stride.runtime.parallel.ParallelLoops;
import dev.stride.weather.engine.KernelEngine;
import dev.stride.weather.generate.SyntheticWeather;
import dev.stride.weather.kernels.WeatherKernels;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class OutlierDetectorTest {

    private static final OutlierDetector.Parameters DEFAULTS = OutlierDetector.Parameters.defaults();

    @Test
    void detect_generatedStations_matchesReferenceWithGlobalRows() {
        Columns columns = Columns.generate(3, 60);
        for (boolean excludePoint : new boolean[] {false, true}) {
            OutlierDetector.Parameters parameters = new OutlierDetector.Parameters(84, 9.0, excludePoint, false, 0);

            int[] rows = new OutlierDetector(parameters, KernelEngine.stride())
                    .detect(columns.station, columns.timestamp, columns.value)
                    .rows();

            List<Integer> expected = ReferenceOutliers.find(columns.station, columns.value, 84, 9.0, excludePoint);
            assertEquals(expected, Arrays.stream(rows).boxed().toList(), "exclude " + excludePoint);
            assertTrue(rows.length > 10, "the data should contain outliers, found " + rows.length);
        }
    }

    @Test
    void detect_engines_identicalOutliers() {
        Columns columns = Columns.generate(9, 80);
        for (boolean sliding : new boolean[] {false, true}) {
            OutlierDetector.Parameters parameters = new OutlierDetector.Parameters(84, 6.0, true, sliding, 0);

            OutlierDetector.Detection stride = new OutlierDetector(parameters, KernelEngine.stride())
                    .detect(columns.station, columns.timestamp, columns.value);
            OutlierDetector.Detection plain = new OutlierDetector(parameters, KernelEngine.plain())
                    .detect(columns.station, columns.timestamp, columns.value);

            assertArrayEquals(stride.rows(), plain.rows());
            assertEquals(stride.stationCount(), plain.stationCount());
            assertEquals(stride.keptStationCount(), plain.keptStationCount());
        }
    }

    @Test
    void detect_anyBlockSizeAndThreadCount_sameRowsAsReference() {
        Columns columns = Columns.generate(5, 40);
        OutlierDetector.Parameters parameters = new OutlierDetector.Parameters(84, 6.0, true, false, 0);
        List<Integer> expected = ReferenceOutliers.find(columns.station, columns.value, 84, 6.0, true);
        for (int minBlockRows : new int[] {1, 1_000, 20_000, Integer.MAX_VALUE}) {
            for (int threads : new int[] {1, 2, 4}) {
                OutlierDetector detector = new OutlierDetector(parameters, KernelEngine.stride(), minBlockRows);

                int[] rows = ParallelLoops.withThreads(
                        threads,
                        () -> detector.detect(columns.station, columns.timestamp, columns.value)
                                .rows());

                assertEquals(
                        expected,
                        Arrays.stream(rows).boxed().toList(),
                        "min block rows " + minBlockRows + ", threads " + threads);
            }
        }
    }

    @Test
    void detect_blockLoop_parallelForTwoBlocksOrMore_serialWithoutForkForOne() {
        assertTrue(Originals.isRewritten(WeatherKernels.class), "the build rewrites the kernels");
        int rows = 2 * StationBlocks.MIN_BLOCK_ROWS;
        long[] station = new long[rows];
        for (int i = 0; i < rows; i++) {
            station[i] = i / 1_000;
        }
        OutlierDetector detector = new OutlierDetector(DEFAULTS, KernelEngine.stride());

        LoopCounters before = ParallelLoops.counters();
        ParallelLoops.withThreads(2, () -> detector.detect(station, new double[rows], new double[rows]));
        LoopCounters large = ParallelLoops.counters().minus(before);
        ParallelLoops.withThreads(
                2, () -> detector.detect(Arrays.copyOf(station, rows - 1), new double[rows - 1], new double[rows - 1]));
        LoopCounters small = ParallelLoops.counters().minus(before).minus(large);

        assertEquals(1, large.count(LoopPath.PARALLEL), "131,072 rows: two blocks, parallel");
        assertEquals(0, small.count(LoopPath.PARALLEL), "131,071 rows: one block");
        assertEquals(1, small.count(LoopPath.SERIAL_BELOW_THRESHOLD), "one block runs on the caller");
    }

    @Test
    void detect_repeatedCallsOfDifferentSizes_reuseScratch_sameRowsAsFresh() {
        Columns large = Columns.generate(7, 30);
        Columns small = Columns.generate(8, 6);
        OutlierDetector.Parameters parameters = new OutlierDetector.Parameters(24, 4.0, true, false, 0);
        OutlierDetector reused = new OutlierDetector(parameters, KernelEngine.stride(), 5_000);

        int[] first = reused.detect(large.station, large.timestamp, large.value).rows();
        int[] second =
                reused.detect(small.station, small.timestamp, small.value).rows();
        int[] third = reused.detect(large.station, large.timestamp, large.value).rows();

        assertArrayEquals(detectFresh(parameters, large), first);
        assertArrayEquals(detectFresh(parameters, small), second);
        assertArrayEquals(first, third);
        assertTrue(first.length > 0 && second.length > 0, "the data should contain outliers");
    }

    private static int[] detectFresh(OutlierDetector.Parameters parameters, Columns columns) {
        return new OutlierDetector(parameters, KernelEngine.stride(), 5_000)
                .detect(columns.station, columns.timestamp, columns.value)
                .rows();
    }

    @Test
    void detect_manyShortStations_moreRunsThanTheFirstGuess() {
        int rows = 20_000;
        long[] station = new long[rows];
        double[] value = new double[rows];
        for (int i = 0; i < rows; i++) {
            station[i] = i / 3;
            value[i] = i % 3;
        }
        OutlierDetector detector =
                new OutlierDetector(new OutlierDetector.Parameters(2, 0.5, true, false, 0), KernelEngine.stride());

        OutlierDetector.Detection detection = detector.detect(station, new double[rows], value);

        assertEquals(6_667, detection.stationCount());
        assertEquals(
                ReferenceOutliers.find(station, value, 2, 0.5, true),
                Arrays.stream(detection.rows()).boxed().toList());
    }

    @Test
    void detect_countsStationsAndKeptStations() {
        long[] station = {1, 1, 1, 2, 2, 2, 2, 2, 3};
        double[] timestamp = new double[station.length];
        double[] value = new double[station.length];
        OutlierDetector detector =
                new OutlierDetector(new OutlierDetector.Parameters(4, 3.0, false, false, 0), KernelEngine.stride());

        OutlierDetector.Detection detection = detector.detect(station, timestamp, value);

        assertEquals(3, detection.stationCount());
        assertEquals(1, detection.keptStationCount());
        assertEquals(0, detection.rows().length);
    }

    @Test
    void detect_stationReappears_errorNamesFirstOffendingRow() {
        long[] station = {5, 5, 6, 6, 5};
        OutlierDetector detector = new OutlierDetector(DEFAULTS, KernelEngine.stride());

        WeatherInputException error =
                assertThrows(WeatherInputException.class, () -> detector.detect(station, new double[5], new double[5]));

        assertEquals(4, error.row());
        assertTrue(error.getMessage().contains("station 5 appears again"), error.getMessage());
    }

    @Test
    void detect_timeGoesBackwards_errorNamesRow() {
        OutlierDetector detector = new OutlierDetector(DEFAULTS, KernelEngine.plain());

        WeatherInputException error = assertThrows(
                WeatherInputException.class,
                () -> detector.detect(new long[] {1, 1, 1}, new double[] {0, 10, 5}, new double[3]));

        assertEquals(2, error.row());
    }

    @Test
    void detect_columnsOfDifferentLengths_error() {
        OutlierDetector detector = new OutlierDetector(DEFAULTS, KernelEngine.stride());

        assertThrows(WeatherInputException.class, () -> detector.detect(new long[3], new double[3], new double[2]));
    }

    @Test
    void parameters_invalid_rejected() {
        assertThrows(IllegalArgumentException.class, () -> new OutlierDetector.Parameters(1, 9, false, false, 0));
        assertThrows(
                IllegalArgumentException.class, () -> new OutlierDetector.Parameters(84, Double.NaN, false, false, 0));
        assertThrows(IllegalArgumentException.class, () -> new OutlierDetector.Parameters(84, 9, false, false, -1));
    }

    /** Synthetic columns for tests. */
    record Columns(long[] station, double[] timestamp, double[] value) {

        static Columns generate(long seed, int stations) {
            SyntheticWeather generator = new SyntheticWeather(seed);
            int rows = 0;
            for (int k = 0; k < stations; k++) {
                rows += Math.min(generator.stationLength(k), 8_000);
            }
            long[] station = new long[rows];
            double[] timestamp = new double[rows];
            double[] value = new double[rows];
            int offset = 0;
            for (int k = 0; k < stations; k++) {
                int length = Math.min(generator.stationLength(k), 8_000);
                generator.fillStation(k, length, offset, station, timestamp, value);
                offset += length;
            }
            return new Columns(station, timestamp, value);
        }
    }
}
