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
 * <p>Every method takes primitive arrays and primitive scalars only, allocates nothing, and writes only the
 * row range {@code [from, to)} it was given, so the parallel station loop of {@link #detectStations} writes
 * disjoint ranges. Methods return status values instead of throwing; the caller turns them into errors.
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
     * Writes the start offset of every run of equal station ids, then {@code station.length} as the end of the
     * last run: run {@code s} covers rows {@code [starts[s], starts[s + 1])}.
     *
     * @param station the station id of every row
     * @param starts receives {@code countStationRuns(station) + 1} offsets
     * @return the number of runs
     */
    public static int stationRanges(long[] station, int[] starts) {
        int runs = 0;
        for (int i = 0; i < station.length; i++) {
            if (i == 0 || station[i] != station[i - 1]) {
                starts[runs] = i;
                runs++;
            }
        }
        starts[runs] = station.length;
        return runs;
    }

    /**
     * Checks that every station id forms a single run: returns the first row whose station id already had a
     * run before another station, or -1 when the rows are grouped. Uses an open-addressing hash set of ids.
     *
     * @param station the station id of every row
     * @param starts the run offsets from {@link #stationRanges}
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
     * Checks the time order inside each station: returns the first row whose timestamp is earlier than the
     * previous row's of the same station, or -1 when every station is time-ordered.
     *
     * @param station the station id of every row
     * @param timestamp the time of every row
     * @return the first offending row, or -1
     */
    public static int firstUnorderedRow(long[] station, double[] timestamp) {
        for (int i = 1; i < station.length; i++) {
            if (station[i] == station[i - 1] && timestamp[i] < timestamp[i - 1]) {
                return i;
            }
        }
        return -1;
    }

    /**
     * Fill-forward of the rows {@code [from, to)}: a NaN takes the previous filled value; leading NaNs stay NaN.
     *
     * @param value the raw values
     * @param from first row of the station
     * @param to end row (exclusive) of the station
     * @param filled receives the filled values in {@code [from, to)}
     */
    public static void fillForward(double[] value, int from, int to, double[] filled) {
        double last = Double.NaN;
        for (int i = from; i < to; i++) {
            double v = value[i];
            if (v == v) {
                last = v;
            }
            filled[i] = last;
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
     * Flags the outliers of {@code [from, to)}: the tested row {@code i} is compared with the window ending at
     * {@code i} (or at {@code i - 1} with {@code excludePoint}); an outlier has {@code |x - mean| > t * std}
     * (strict) and a raw value that was not missing.
     *
     * @param value the raw values (NaN = missing)
     * @param x the filled values
     * @param mean the rolling means
     * @param std the rolling standard deviations
     * @param from first row of the station
     * @param to end row (exclusive)
     * @param threshold the threshold {@code t}
     * @param excludePoint whether the tested point is the one right after its window
     * @param flags receives {@link #OUTLIER} or 0 for every row of {@code [from, to)}
     * @return the number of outliers flagged
     */
    public static int findOutliers(
            double[] value,
            double[] x,
            double[] mean,
            double[] std,
            int from,
            int to,
            double threshold,
            boolean excludePoint,
            byte[] flags) {
        int shift = excludePoint ? 1 : 0;
        int count = 0;
        if (from < to) {
            flags[from] = 0;
        }
        for (int i = from + shift; i < to; i++) {
            int w = i - shift;
            double v = value[i];
            boolean outlier = v == v && Math.abs(x[i] - mean[w]) > threshold * std[w];
            flags[i] = outlier ? OUTLIER : 0;
            count += outlier ? 1 : 0;
        }
        return count;
    }

    /**
     * The per-station driver: for every station {@code s} (rows {@code [starts[s], starts[s + 1])}) fills
     * forward, computes the rolling statistics and flags outliers. Stations run in parallel; each writes only
     * its own row range of {@code filled mean std flags} and its own {@code outlierCounts[s]}.
     *
     * @param value the raw values
     * @param starts the station offsets, {@code stationCount + 1} entries
     * @param stationCount the number of stations
     * @param window the window length {@code n}, at least 1
     * @param threshold the threshold {@code t}
     * @param excludePoint whether the tested point is the one right after its window
     * @param slidingSum whether to use the running-sum statistics instead of the two-pass loops
     * @param filled scratch: the filled values, one per row
     * @param mean scratch: the rolling means, one per row
     * @param std scratch: the rolling standard deviations, one per row
     * @param flags receives the outlier flag of every row
     * @param outlierCounts receives the number of outliers of every station
     */
    @Parallel
    public static void detectStations(
            double[] value,
            int[] starts,
            int stationCount,
            int window,
            double threshold,
            boolean excludePoint,
            boolean slidingSum,
            double[] filled,
            double[] mean,
            double[] std,
            byte[] flags,
            int[] outlierCounts) {
        for (int s = 0; s < prange(stationCount); s++) {
            int from = starts[s];
            int to = starts[s + 1];
            fillForward(value, from, to, filled);
            if (slidingSum) {
                rollingMeanStdSliding(filled, from, to, window, mean, std);
            } else {
                rollingMean(filled, from, to, window, mean);
                rollingStd(filled, from, to, window, mean, std);
            }
            outlierCounts[s] = findOutliers(value, filled, mean, std, from, to, threshold, excludePoint, flags);
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
