package dev.stride.weather;

import dev.stride.runtime.StrideConfig;
import dev.stride.weather.engine.KernelEngine;

/**
 * The library entry point: rolling-window outlier detection over columns of rows grouped by station and
 * time-ordered within a station. The command line and the Spark job call exactly this API, once per chunk of
 * whole stations.
 *
 * <p>One call allocates, per row, the filled values, the rolling mean and standard deviation (8 bytes each) and
 * a flag byte, besides the caller's three columns (24 bytes per row): about 49 bytes per row in all.
 */
public final class OutlierDetector {

    private final Parameters parameters;
    private final KernelEngine engine;

    /**
     * Creates a detector.
     *
     * @param parameters the detection parameters
     * @param engine the kernels to run
     * @throws IllegalArgumentException when {@code parameters.threads()} asks for a worker count that differs
     *     from the Stride pool's ({@code stride.threads}, fixed at JVM start)
     */
    public OutlierDetector(Parameters parameters, KernelEngine engine) {
        int pool = StrideConfig.current().threads();
        if (parameters.threads() != 0 && parameters.threads() != pool) {
            throw new IllegalArgumentException("threads=" + parameters.threads() + " but the Stride pool has " + pool
                    + " workers; start the JVM with -Dstride.threads=" + parameters.threads());
        }
        this.parameters = parameters;
        this.engine = engine;
    }

    /**
     * The parameters of this detector.
     *
     * @return the parameters
     */
    public Parameters parameters() {
        return parameters;
    }

    /**
     * The engine of this detector.
     *
     * @return the engine
     */
    public KernelEngine engine() {
        return engine;
    }

    /**
     * Finds the outliers of the given rows.
     *
     * @param station station id per row; rows of a station are contiguous
     * @param timestamp epoch seconds (UTC) per row, non-decreasing within a station
     * @param value the measurement per row, NaN for missing
     * @return the outlier rows (indices into these columns, ascending) and station counts
     * @throws WeatherInputException when the columns differ in length or the rows are not grouped by station
     *     or not time-ordered; the message names the first offending row of these columns
     */
    public Detection detect(long[] station, double[] timestamp, double[] value) {
        if (station.length != timestamp.length || station.length != value.length) {
            throw new WeatherInputException("columns differ in length: station_usaf " + station.length + ", timestamp "
                    + timestamp.length + ", value " + value.length);
        }
        int stationCount = engine.countStationRuns(station);
        int[] starts = new int[stationCount + 1];
        engine.stationRanges(station, starts);
        int regrouped = engine.firstRegroupedRow(station, starts, stationCount);
        if (regrouped >= 0) {
            throw WeatherInputException.atRow(
                    regrouped,
                    "station " + station[regrouped]
                            + " appears again after other stations (rows must be grouped by station)");
        }
        int unordered = engine.firstUnorderedRow(station, timestamp);
        if (unordered >= 0) {
            throw WeatherInputException.atRow(
                    unordered,
                    "timestamp " + timestamp[unordered] + " is earlier than the previous row of station "
                            + station[unordered] + " (rows must be time-ordered within a station)");
        }
        int rowCount = value.length;
        double[] filled = new double[rowCount];
        double[] mean = new double[rowCount];
        double[] std = new double[rowCount];
        byte[] flags = new byte[rowCount];
        int[] counts = new int[stationCount];
        engine.detectStations(
                value,
                starts,
                stationCount,
                parameters.window(),
                parameters.threshold(),
                parameters.excludePoint(),
                parameters.slidingSum(),
                filled,
                mean,
                std,
                flags,
                counts);
        return new Detection(compact(flags, starts, counts), stationCount, keptStations(starts, stationCount));
    }

    private int[] compact(byte[] flags, int[] starts, int[] counts) {
        long total = 0;
        for (int count : counts) {
            total += count;
        }
        int[] rows = new int[Math.toIntExact(total)];
        int offset = 0;
        for (int s = 0; s < counts.length; s++) {
            if (counts[s] > 0) {
                offset = engine.compactFlags(flags, starts[s], starts[s + 1], rows, offset);
            }
        }
        return rows;
    }

    private int keptStations(int[] starts, int stationCount) {
        int needed = parameters.window();
        int kept = 0;
        for (int s = 0; s < stationCount; s++) {
            if (starts[s + 1] - starts[s] >= needed) {
                kept++;
            }
        }
        return kept;
    }

    /**
     * Detection parameters.
     *
     * @param window the window length {@code n}, at least 2
     * @param threshold the threshold {@code t}: an outlier has {@code |x - mean| > t * std}; finite, not negative
     * @param excludePoint test the point right after its window instead of the window's last point
     * @param slidingSum use O(1)-per-window running sums (less robust numerically) instead of two passes
     * @param threads worker threads for the parallel station loop; 0 for Stride's configured default
     */
    public record Parameters(int window, double threshold, boolean excludePoint, boolean slidingSum, int threads) {

        /** The default window length. */
        public static final int DEFAULT_WINDOW = 84;

        /** The default threshold. */
        public static final double DEFAULT_THRESHOLD = 9.0;

        /** Validates the parameters. */
        public Parameters {
            if (window < 2) {
                throw new IllegalArgumentException("window must be at least 2, was " + window);
            }
            if (!(threshold >= 0) || Double.isInfinite(threshold)) {
                throw new IllegalArgumentException("threshold must be finite and not negative, was " + threshold);
            }
            if (threads < 0) {
                throw new IllegalArgumentException("threads must not be negative, was " + threads);
            }
        }

        /**
         * The defaults: window 84, threshold 9, the point inside its window, two-pass statistics.
         *
         * @return the default parameters
         */
        public static Parameters defaults() {
            return new Parameters(DEFAULT_WINDOW, DEFAULT_THRESHOLD, false, false, 0);
        }
    }

    /**
     * The result of one {@link #detect} call.
     *
     * @param rows the outlier rows, indices into the columns passed in, ascending (station then time order)
     * @param stationCount the number of stations in the columns
     * @param keptStationCount the stations long enough to hold a window ({@code window} rows or more)
     */
    public record Detection(int[] rows, int stationCount, int keptStationCount) {}
}
