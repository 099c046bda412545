package dev.stride.weather;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.List;

/**
 * An independent statement of the specification, written differently from the kernels: per tested point it
 * finds its window, checks it explicitly for missing values and recomputes the statistics from scratch. The
 * sums run in index order in {@code double}, as the specification fixes; {@link #exactMean} and
 * {@link #exactStd} give BigDecimal values to check the kernels' rounding against.
 */
public final class ReferenceOutliers {

    private ReferenceOutliers() {}

    /**
     * The outlier rows of grouped columns.
     *
     * @param station station per row
     * @param value raw values
     * @param n window
     * @param t threshold
     * @param excludePoint test the point after the window
     * @return global outlier rows, ascending
     */
    public static List<Integer> find(long[] station, double[] value, int n, double t, boolean excludePoint) {
        List<Integer> rows = new ArrayList<>();
        int start = 0;
        while (start < station.length) {
            int end = start;
            while (end < station.length && station[end] == station[start]) {
                end++;
            }
            double[] filled = new double[end - start];
            for (int i = 0; i < filled.length; i++) {
                int previous = i;
                while (previous >= 0 && Double.isNaN(value[start + previous])) {
                    previous--;
                }
                filled[i] = previous < 0 ? Double.NaN : value[start + previous];
            }
            for (int p = 0; p < filled.length; p++) {
                int windowEnd = excludePoint ? p - 1 : p;
                int windowStart = windowEnd - n + 1;
                if (windowStart < 0 || Double.isNaN(value[start + p]) || hasNaN(filled, windowStart, windowEnd)) {
                    continue;
                }
                double sum = 0;
                for (int j = windowStart; j <= windowEnd; j++) {
                    sum += filled[j];
                }
                double mean = sum / n;
                double squares = 0;
                for (int j = windowStart; j <= windowEnd; j++) {
                    squares += (filled[j] - mean) * (filled[j] - mean);
                }
                double std = Math.sqrt(squares / n);
                if (Math.abs(filled[p] - mean) > t * std) {
                    rows.add(start + p);
                }
            }
            start = end;
        }
        return rows;
    }

    private static boolean hasNaN(double[] x, int from, int toInclusive) {
        for (int j = from; j <= toInclusive; j++) {
            if (Double.isNaN(x[j])) {
                return true;
            }
        }
        return false;
    }

    /**
     * The exact mean of {@code x[from..from+n)}.
     *
     * @param x values
     * @param from first index
     * @param n count
     * @return the mean, rounded to 34 digits
     */
    public static BigDecimal exactMean(double[] x, int from, int n) {
        BigDecimal sum = BigDecimal.ZERO;
        for (int j = from; j < from + n; j++) {
            sum = sum.add(new BigDecimal(x[j]));
        }
        return sum.divide(BigDecimal.valueOf(n), MathContext.DECIMAL128);
    }

    /**
     * The population standard deviation of {@code x[from..from+n)}.
     *
     * @param x values
     * @param from first index
     * @param n count
     * @return the standard deviation, to 34 digits
     */
    public static BigDecimal exactStd(double[] x, int from, int n) {
        BigDecimal mean = exactMean(x, from, n);
        BigDecimal squares = BigDecimal.ZERO;
        for (int j = from; j < from + n; j++) {
            BigDecimal d = new BigDecimal(x[j]).subtract(mean);
            squares = squares.add(d.multiply(d));
        }
        return squares.divide(BigDecimal.valueOf(n), MathContext.DECIMAL128).sqrt(MathContext.DECIMAL128);
    }
}
