package dev.stride.weather.kernels;

import static dev.stride.Prange.prange;

import dev.stride.Jit;
import dev.stride.Parallel;

/**
 * The weather outlier kernels: plain scalar loops over primitive arrays, written for the Stride rewriter.
 *
 * <p>The algorithm, per station series {@code v[from..to)} (rows grouped by station, time-ordered):
 *
 * <ol>
 *   <li>{@code x = fillForward(v)}: a missing value (NaN) takes the previous value; leading NaNs stay NaN;
 *   <li>for every window of {@code n} consecutive points, {@code mean = sum/n} and the population standard
 *       deviation {@code std = sqrt(sum((x - mean)^2)/n)}, both summed in index order (two passes); the
 *       results are stored at the row of the window's last point, so a window holding a leading NaN yields
 *       NaN, and NaN compares false below;
 *   <li>the tested point is the window's last point, or with {@code excludePoint} the point right after the
 *       window; it is an outlier when {@code |x - mean| > t * std} and its raw value was not missing.
 * </ol>
 *
 * <p>Why the loops look the way they do: {@link #rollingMean} and {@link #rollingStd} are naive loop nests
 * (O(n) per window) on purpose. The outer loop over windows has independent iterations, so the rewriter can
 * vectorise it across windows while each lane still sums in index order, which keeps results bit-identical to
 * this code (no {@code fastmath}). {@link #rollingMeanStdSliding} is the O(1)-per-window alternative with
 * running sums of {@code x} and {@code x^2}; it is faster on long windows but less robust numerically
 * (cancellation in {@code sumSquares - sum^2/n} and drift of the running sums), so it is an option only.
 *
 * <p>Where the per-station work runs: {@link #detectBlocks} is a {@code prange} loop over <em>blocks</em> of
 * consecutive stations, each block holding about the same number of rows (the caller plans them, see
 * {@code dev.stride.weather.StationBlocks}). A block runs {@link #detectStationRange}: fill-forward, the window
 * statistics and the outlier test of each of its stations, one after the other, in the block's own slice of
 * the scratch arrays ({@code filled mean std}). The scratch slice is as long as the block's longest station,
 * not as the block, so it stays in the core's cache and is reused station after station; the trip count of the
 * parallel loop is a measure of work (blocks of at least a minimum number of rows), so small inputs stay
 * serial and large ones split evenly whatever the station lengths.
 *
 * <p>Every method takes primitive arrays and primitive scalars only and allocates nothing except
 * {@link #firstRegroupedRow} (a hash set sized by the number of stations). The methods called per station
 * write only the rows {@code [from, to)} of their station (flags) and the scratch slice
 * {@code [offset, offset + to - from)} of their block; blocks have disjoint stations and disjoint scratch
 * slices, so the parallel block loop writes disjoint ranges. Methods return status values instead of
 * throwing; the caller turns them into errors.
 */
public final class WeatherKernels {

    /** Flag value of an outlier row in the flag array. */
    public static final byte OUTLIER = 1;

    private WeatherKernels() {}

    /**
     * Counts the runs of equal station ids.
     *
     * @param station the station id of every row
     * @return the number of runs (0 for no rows)
     */
    public static int countStationRuns(long[] station) {
        if (station.length == 0) {
            return 0;
        }
        int runs = 1;
        for (int i = 1; i < station.length; i++) {
            if (station[i] != station[i - 1]) {
                runs++;
            }
        }
        return runs;
    }

    /**
     * One pass over the rows that finds the station runs and checks the time order: writes the start offset of
     * every run of equal station ids to {@code starts}, then {@code station.length} as the end of the last run
     * (run {@code s} covers rows {@code [starts[s], starts[s + 1])}), and stores in {@code firstUnordered[0]} the
     * first row whose timestamp is earlier than the previous row's of the same station, or -1 when every station
     * is time-ordered. This replaces three passes (count the runs, write them, check the order): the columns are
     * read once.
     *
     * @param station the station id of every row
     * @param timestamp the time of every row
     * @param starts receives the run offsets; it holds at most {@code starts.length - 1} runs
     * @param firstUnordered receives the first row that goes back in time, or -1, at index 0
     * @return the number of runs, or -1 when {@code starts} is too short (then {@code starts} and
     *     {@code firstUnordered} hold partial results; size it with {@link #countStationRuns} and call again)
     */
    public static int scanStations(long[] station, double[] timestamp, int[] starts, int[] firstUnordered) {
        int rows = station.length;
        int capacity = starts.length - 1;
        int unordered = -1;
        int runs = 0;
        if (rows > 0) {
            if (capacity < 1) {
                return -1;
            }
            starts[0] = 0;
            runs = 1;
        }
        for (int i = 1; i < rows; i++) {
            if (station[i] != station[i - 1]) {
                if (runs == capacity) {
                    return -1;
                }
                starts[runs] = i;
                runs++;
            } else if (unordered < 0 && timestamp[i] < timestamp[i - 1]) {
                unordered = i;
            }
        }
        starts[runs] = rows;
        firstUnordered[0] = unordered;
        return runs;
    }

    /**
     * Checks that every station id forms a single run: returns the first row whose station id already had a
     * run before another station, or -1 when the rows are grouped. Uses an open-addressing hash set of ids.
     *
     * @param station the station id of every row
     * @param starts the run offsets from {@link #scanStations}
     * @param runCount the number of runs
     * @return the first offending row, or -1
     */
    public static int firstRegroupedRow(long[] station, int[] starts, int runCount) {
        int capacity = Integer.highestOneBit(Math.max(4, runCount) * 2) * 2;
        long[] keys = new long[capacity];
        boolean[] used = new boolean[capacity];
        int mask = capacity - 1;
        for (int s = 0; s < runCount; s++) {
            long id = station[starts[s]];
            int slot = mix(id) & mask;
            while (used[slot] && keys[slot] != id) {
                slot = (slot + 1) & mask;
            }
            if (used[slot]) {
                return starts[s];
            }
            used[slot] = true;
            keys[slot] = id;
        }
        return -1;
    }

    private static int mix(long id) {
        long h = id * 0x9E3779B97F4A7C15L;
        return (int) (h ^ (h >>> 32));
    }

    /**
     * Fill-forward of the rows {@code [from, to)}: a NaN takes the previous filled value; leading NaNs stay NaN.
     * Row {@code from + k} goes to {@code filled[offset + k]}.
     *
     * @param value the raw values
     * @param from first row of the station
     * @param to end row (exclusive) of the station
     * @param filled receives the filled values in {@code [offset, offset + to - from)}
     * @param offset where the station's first filled value goes
     */
    public static void fillForward(double[] value, int from, int to, double[] filled, int offset) {
        double last = Double.NaN;
        for (int k = 0; k < to - from; k++) {
            double v = value[from + k];
            if (v == v) {
                last = v;
            }
            filled[offset + k] = last;
        }
    }

    /**
     * Rolling mean over windows of {@code n} points of {@code [from, to)}, stored at the window's last row;
     * rows with fewer than {@code n - 1} predecessors in the station get NaN.
     *
     * @param x the filled values
     * @param from first row of the station
     * @param to end row (exclusive)
     * @param n the window length, at least 1
     * @param mean receives the means in {@code [from, to)}
     */
    @Jit
    public static void rollingMean(double[] x, int from, int to, int n, double[] mean) {
        int head = Math.min(to, from + n - 1);
        for (int i = from; i < head; i++) {
            mean[i] = Double.NaN;
        }
        int windows = to - from - n + 1;
        for (int k = 0; k < windows; k++) {
            int start = from + k;
            double acc = 0.0;
            for (int j = 0; j < n; j++) {
                acc += x[start + j];
            }
            mean[start + n - 1] = acc / n;
        }
    }

    /**
     * Rolling population standard deviation, second pass over each window around its mean from
     * {@link #rollingMean}; stored like the mean.
     *
     * @param x the filled values
     * @param from first row of the station
     * @param to end row (exclusive)
     * @param n the window length, at least 1
     * @param mean the rolling means
     * @param std receives the standard deviations in {@code [from, to)}
     */
    @Jit
    public static void rollingStd(double[] x, int from, int to, int n, double[] mean, double[] std) {
        int head = Math.min(to, from + n - 1);
        for (int i = from; i < head; i++) {
            std[i] = Double.NaN;
        }
        int windows = to - from - n + 1;
        for (int k = 0; k < windows; k++) {
            int start = from + k;
            double m = mean[start + n - 1];
            double acc = 0.0;
            for (int j = 0; j < n; j++) {
                double d = x[start + j] - m;
                acc += d * d;
            }
            std[start + n - 1] = Math.sqrt(acc / n);
        }
    }

    /**
     * Rolling mean and population standard deviation with running sums of {@code x} and {@code x^2}: O(1) per
     * window. Less robust than the two-pass loops: the variance {@code (sumSquares - sum * sum / n) / n} loses
     * digits when the spread is small against the level, and the running sums drift; a negative variance from
     * rounding is clamped to 0. Stored like {@link #rollingMean}.
     *
     * @param x the filled values
     * @param from first row of the station
     * @param to end row (exclusive)
     * @param n the window length, at least 1
     * @param mean receives the means
     * @param std receives the standard deviations
     */
    public static void rollingMeanStdSliding(double[] x, int from, int to, int n, double[] mean, double[] std) {
        int first = from;
        while (first < to && x[first] != x[first]) {
            first++;
        }
        int head = Math.min(to, first + n - 1);
        for (int i = from; i < head; i++) {
            mean[i] = Double.NaN;
            std[i] = Double.NaN;
        }
        double sum = 0.0;
        double sumSquares = 0.0;
        for (int i = first; i < to; i++) {
            double v = x[i];
            sum += v;
            sumSquares += v * v;
            if (i - first >= n) {
                double old = x[i - n];
                sum -= old;
                sumSquares -= old * old;
            }
            if (i - first >= n - 1) {
                double m = sum / n;
                double variance = (sumSquares - sum * m) / n;
                mean[i] = m;
                std[i] = Math.sqrt(variance > 0.0 ? variance : 0.0);
            }
        }
    }

    /**
     * Flags the outliers of the rows {@code [from, to)}, whose filled values and window statistics are in the
     * scratch slice starting at {@code offset} (row {@code from + k} at {@code offset + k}). The tested row
     * {@code from + k} is compared with the window ending at {@code k} (or at {@code k - 1} with
     * {@code excludePoint}); an outlier has {@code |x - mean| > t * std} (strict) and a raw value that was not
     * missing.
     *
     * @param value the raw values (NaN = missing)
     * @param from first row of the station
     * @param to end row (exclusive)
     * @param x the filled values
     * @param mean the rolling means
     * @param std the rolling standard deviations
     * @param offset the scratch position of the station's first row
     * @param threshold the threshold {@code t}
     * @param excludePoint whether the tested point is the one right after its window
     * @param flags receives {@link #OUTLIER} or 0 for every row of {@code [from, to)}
     * @return the number of outliers flagged
     */
    public static int findOutliers(
            double[] value,
            int from,
            int to,
            double[] x,
            double[] mean,
            double[] std,
            int offset,
            double threshold,
            boolean excludePoint,
            byte[] flags) {
        int shift = excludePoint ? 1 : 0;
        int count = 0;
        if (from < to) {
            flags[from] = 0;
        }
        int toPoint = offset - from;
        int toWindow = toPoint - shift;
        for (int i = from + shift; i < to; i++) {
            double v = value[i];
            boolean outlier = v == v && Math.abs(x[i + toPoint] - mean[i + toWindow]) > threshold * std[i + toWindow];
            flags[i] = outlier ? OUTLIER : 0;
            count += outlier ? 1 : 0;
        }
        return count;
    }

    /**
     * The work of one block: for every station {@code s} in {@code [firstStation, endStation)} (rows
     * {@code [starts[s], starts[s + 1])}), one after the other, fills forward into the block's scratch slice
     * starting at {@code offset}, computes the rolling statistics there and flags the station's outlier rows.
     * The slice must hold the block's longest station. Writes only that slice, the flags of the block's rows
     * and {@code outlierCounts[firstStation..endStation)}.
     *
     * @param value the raw values
     * @param starts the station offsets
     * @param firstStation the block's first station
     * @param endStation the station after the block's last
     * @param offset the start of the block's scratch slice
     * @param window the window length {@code n}, at least 1
     * @param threshold the threshold {@code t}
     * @param excludePoint whether the tested point is the one right after its window
     * @param slidingSum whether to use the running-sum statistics instead of the two-pass loops
     * @param filled scratch: the filled values
     * @param mean scratch: the rolling means
     * @param std scratch: the rolling standard deviations
     * @param flags receives the outlier flag of every row of the block
     * @param outlierCounts receives the number of outliers of every station of the block
     */
    public static void detectStationRange(
            double[] value,
            int[] starts,
            int firstStation,
            int endStation,
            int offset,
            int window,
            double threshold,
            boolean excludePoint,
            boolean slidingSum,
            double[] filled,
            double[] mean,
            double[] std,
            byte[] flags,
            int[] outlierCounts) {
        for (int s = firstStation; s < endStation; s++) {
            int from = starts[s];
            int to = starts[s + 1];
            int end = offset + to - from;
            fillForward(value, from, to, filled, offset);
            if (slidingSum) {
                rollingMeanStdSliding(filled, offset, end, window, mean, std);
            } else {
                rollingMean(filled, offset, end, window, mean);
                rollingStd(filled, offset, end, window, mean, std);
            }
            outlierCounts[s] = findOutliers(value, from, to, filled, mean, std, offset, threshold, excludePoint, flags);
        }
    }

    /**
     * The parallel driver: block {@code b} holds the stations {@code [blockStations[b], blockStations[b + 1])}
     * and the scratch slice starting at {@code blockOffsets[b]}; blocks run in parallel ({@code prange}), the
     * stations of a block in order ({@link #detectStationRange}). The threshold of 2 makes every call with at
     * least two blocks parallel: the caller expresses the minimum work of a parallel loop by making blocks of at
     * least a minimum number of rows, so one block (small input) runs serially on the caller without any
     * fork/join cost.
     *
     * @param value the raw values
     * @param starts the station offsets
     * @param blockStations the first station of every block, then the station count: {@code blockCount + 1}
     *     entries, non-decreasing
     * @param blockOffsets the scratch offset of every block; the slices must not overlap and each must hold
     *     the block's longest station
     * @param blockCount the number of blocks
     * @param window the window length {@code n}, at least 1
     * @param threshold the threshold {@code t}
     * @param excludePoint whether the tested point is the one right after its window
     * @param slidingSum whether to use the running-sum statistics instead of the two-pass loops
     * @param filled scratch: the filled values
     * @param mean scratch: the rolling means
     * @param std scratch: the rolling standard deviations
     * @param flags receives the outlier flag of every row
     * @param outlierCounts receives the number of outliers of every station
     */
    @Parallel(threshold = 2)
    public static void detectBlocks(
            double[] value,
            int[] starts,
            int[] blockStations,
            int[] blockOffsets,
            int blockCount,
            int window,
            double threshold,
            boolean excludePoint,
            boolean slidingSum,
            double[] filled,
            double[] mean,
            double[] std,
            byte[] flags,
            int[] outlierCounts) {
        for (int b = 0; b < prange(blockCount); b++) {
            detectStationRange(
                    value,
                    starts,
                    blockStations[b],
                    blockStations[b + 1],
                    blockOffsets[b],
                    window,
                    threshold,
                    excludePoint,
                    slidingSum,
                    filled,
                    mean,
                    std,
                    flags,
                    outlierCounts);
        }
    }

    /**
     * Writes the rows flagged in {@code [from, to)} to {@code rows} from {@code offset} on, in row order.
     *
     * @param flags the outlier flags
     * @param from first row
     * @param to end row (exclusive)
     * @param rows receives the row indices
     * @param offset where the first index goes
     * @return the offset after the last index written
     */
    public static int compactFlags(byte[] flags, int from, int to, int[] rows, int offset) {
        int next = offset;
        for (int i = from; i < to; i++) {
            if (flags[i] == OUTLIER) {
                rows[next] = i;
                next++;
            }
        }
        return next;
    }
}
