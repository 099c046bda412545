package dev.stride.weather;

import dev.stride.runtime.StrideConfig;
import dev.stride.runtime.parallel.ParallelLoops;
import dev.stride.weather.engine.KernelEngine;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The library entry point: rolling-window outlier detection over columns of rows grouped by station and
 * time-ordered within a station. The command line and the Spark job call exactly this API, once per chunk of
 * whole stations.
 *
 * <p>Memory: besides the caller's three columns (24 bytes per row), a call needs a flag byte per row, the
 * station offsets, and three scratch arrays (filled values, rolling mean and standard deviation) as long as the
 * sum of the longest station of each block ({@link StationBlocks}): at most a few times the longest station, not
 * the row count. The detector keeps these arrays for its next call ({@link DetectionScratch}); calls from several
 * threads at once are allowed (a call that finds the arrays taken allocates its own).
 */
public final class OutlierDetector {

    /** Initial guess of rows per station for sizing the station offsets; a wrong guess costs one more pass. */
    private static final int ROWS_PER_STATION_GUESS = 1024;

    private final Parameters parameters;
    private final KernelEngine engine;
    private final int minBlockRows;
    private final AtomicReference<DetectionScratch> spareScratch = new AtomicReference<>();

    /**
     * Creates a detector.
     *
     * @param parameters the detection parameters
     * @param engine the kernels to run
     * @throws IllegalArgumentException when {@code parameters.threads()} asks for a worker count that differs
     *     from the Stride pool's ({@code stride.threads}, fixed at JVM start)
     */
    public OutlierDetector(Parameters parameters, KernelEngine engine) {
        this(parameters, engine, StationBlocks.MIN_BLOCK_ROWS);
    }

    /**
     * Creates a detector with another minimum block size (tests use it to force many or few blocks).
     *
     * @param parameters the detection parameters
     * @param engine the kernels to run
     * @param minBlockRows the fewest rows per block of the parallel loop, positive
     */
    OutlierDetector(Parameters parameters, KernelEngine engine, int minBlockRows) {
        if (minBlockRows < 1) {
            throw new IllegalArgumentException("minBlockRows must be positive, was " + minBlockRows);
        }
        int pool = StrideConfig.current().threads();
        if (parameters.threads() != 0 && parameters.threads() != pool) {
            throw new IllegalArgumentException("threads=" + parameters.threads() + " but the Stride pool has " + pool
                    + " workers; start the JVM with -Dstride.threads=" + parameters.threads());
        }
        this.parameters = parameters;
        this.engine = engine;
        this.minBlockRows = minBlockRows;
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
        DetectionScratch scratch = spareScratch.getAndSet(null);
        if (scratch == null) {
            scratch = new DetectionScratch();
        }
        try {
            return detect(station, timestamp, value, scratch);
        } finally {
            spareScratch.set(scratch);
        }
    }

    private Detection detect(long[] station, double[] timestamp, double[] value, DetectionScratch scratch) {
        int[] firstUnordered = new int[1];
        int[] starts = scratch.starts(station.length / ROWS_PER_STATION_GUESS + 2);
        int stationCount = engine.scanStations(station, timestamp, starts, firstUnordered);
        if (stationCount < 0) {
            starts = scratch.starts(engine.countStationRuns(station) + 1);
            stationCount = engine.scanStations(station, timestamp, starts, firstUnordered);
        }
        int regrouped = engine.firstRegroupedRow(station, starts, stationCount);
        if (regrouped >= 0) {
            throw WeatherInputException.atRow(
                    regrouped,
                    "station " + station[regrouped]
                            + " appears again after other stations (rows must be grouped by station)");
        }
        int unordered = firstUnordered[0];
        if (unordered >= 0) {
            throw WeatherInputException.atRow(
                    unordered,
                    "timestamp " + timestamp[unordered] + " is earlier than the previous row of station "
                            + station[unordered] + " (rows must be time-ordered within a station)");
        }
        int rows = value.length;
        int blockCount = StationBlocks.blockCount(rows, stationCount, ParallelLoops.currentThreads(), minBlockRows);
        StationBlocks blocks = StationBlocks.plan(starts, stationCount, blockCount);
        scratch.reserve(rows, blocks.scratchLength());
        int[] counts = new int[stationCount];
        engine.detectBlocks(
                value,
                starts,
                blocks.blockStations(),
                blocks.scratchOffsets(),
                blockCount,
                parameters.window(),
                parameters.threshold(),
                parameters.excludePoint(),
                parameters.slidingSum(),
                scratch.filled(),
                scratch.mean(),
                scratch.std(),
                scratch.flags(),
                counts);
        return new Detection(
                compact(scratch.flags(), starts, counts), stationCount, keptStations(starts, stationCount));
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
