package dev.stride.compiler.kernels;

import static dev.stride.Prange.prange;

import dev.stride.Parallel;

/**
 * Parallel loops: test input for the compiler (the test class is its own input). Every kernel's {@code prange}
 * loop runs through {@code ParallelLoops}; the threshold is 2 so that the short arrays of the differential test
 * really run in chunks on several threads.
 */
public final class ParallelKernels {
    private ParallelKernels() {}

    @Parallel(threshold = 2)
    public static void scale(double[] in, double[] out, double factor, int n) {
        for (int i = 0; i < prange(n); i++) {
            out[i] = in[i] * factor;
        }
    }

    @Parallel(threshold = 2)
    public static void neighbours(int[] a, int[] out, int n) {
        for (int i = 1; i < prange(n); i++) {
            out[i] = a[i - 1] + a[i];
        }
    }

    @Parallel(threshold = 2)
    public static void divide(int[] a, int[] b, int[] out, int n) {
        for (int i = 0; i < prange(n); i++) {
            out[i] = a[i] / b[i];
        }
    }

    @Parallel(threshold = 2)
    public static int sumInt(int[] a, int n) {
        int total = 0;
        for (int i = 0; i < prange(n); i++) {
            total += a[i];
        }
        return total;
    }

    @Parallel(threshold = 2)
    public static long sumLong(long[] a) {
        long total = 7;
        for (int i = 0; i < prange(a.length); i++) {
            total += a[i] * 3;
        }
        return total;
    }

    @Parallel(threshold = 2)
    public static long productLong(long[] a) {
        long product = 1;
        for (int i = 0; i < prange(a.length); i++) {
            product *= a[i] | 1;
        }
        return product;
    }

    @Parallel(threshold = 2)
    public static int minInt(int[] a, int n) {
        int best = Integer.MAX_VALUE;
        for (int i = 0; i < prange(n); i++) {
            best = Math.min(best, a[i]);
        }
        return best;
    }

    @Parallel(threshold = 2)
    public static double maxDouble(double[] a) {
        double best = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < prange(a.length); i++) {
            best = Math.max(best, a[i]);
        }
        return best;
    }

    @Parallel(threshold = 2)
    public static float minFloat(float[] a) {
        float best = Float.POSITIVE_INFINITY;
        for (int i = 0; i < prange(a.length); i++) {
            best = Math.min(a[i], best);
        }
        return best;
    }

    @Parallel(threshold = 2)
    public static long xorLong(long[] a) {
        long bits = 0;
        for (int i = 0; i < prange(a.length); i++) {
            bits ^= a[i];
        }
        return bits;
    }

    @Parallel(threshold = 2)
    public static int andInt(int[] a) {
        int bits = -1;
        for (int i = 0; i < prange(a.length); i++) {
            bits &= a[i];
        }
        return bits;
    }

    @Parallel(threshold = 2)
    public static int orInt(int[] a) {
        int bits = 0;
        for (int i = 0; i < prange(a.length); i++) {
            bits |= a[i] >>> 3;
        }
        return bits;
    }

    @Parallel(threshold = 2, fastmath = true)
    public static double sumDouble(double[] a) {
        double total = 0;
        for (int i = 0; i < prange(a.length); i++) {
            total += a[i];
        }
        return total;
    }

    @Parallel(threshold = 2, fastmath = true)
    public static float sumFloat(float[] a) {
        float total = 0;
        for (int i = 0; i < prange(a.length); i++) {
            total += a[i] * 0.5f;
        }
        return total;
    }

    /** Uneven work: iteration r costs r % 7 steps. */
    @Parallel(threshold = 2)
    public static void uneven(double[] a, double[] out, int n) {
        for (int r = 0; r < prange(n); r++) {
            double s = 0;
            for (int k = 0; k < r % 7 * 3; k++) {
                s += Math.sqrt(Math.abs(a[r]) + k);
            }
            out[r] = s;
        }
    }

    /** Uneven work: iteration i sums a prefix of length i + 1. */
    @Parallel(threshold = 2)
    public static void prefixSums(double[] a, double[] out) {
        for (int i = 0; i < prange(out.length); i++) {
            double s = 0;
            for (int j = 0; j <= i && j < a.length; j++) {
                s += a[j];
            }
            out[i] = s;
        }
    }

    /** The weather driver's shape: each iteration calls a helper that writes its own row range. */
    @Parallel(threshold = 2)
    public static void halveRanges(double[] values, int[] starts, double[] out, int[] counts, int stations) {
        for (int s = 0; s < prange(stations); s++) {
            int from = s * 4;
            int to = Math.min(values.length, from + (s & 3));
            counts[s] = halve(values, from, to, out) + (starts[s] & 1);
        }
    }

    private static int halve(double[] values, int from, int to, double[] out) {
        for (int j = from; j < to; j++) {
            out[j] = values[j] * 0.5;
        }
        return Math.max(0, to - from);
    }

    /** The induction variable is read after the loop. */
    @Parallel(threshold = 2)
    public static int lastIndex(int[] a, int[] out, int n) {
        int i;
        for (i = 0; i < prange(n); i++) {
            out[i] = a[i] * a[i];
        }
        return i;
    }

    /** A nested prange loop runs serially inside each chunk. */
    @Parallel(threshold = 2)
    public static void nested(double[][] m, double[] out, int rows) {
        for (int i = 0; i < prange(rows); i++) {
            double[] row = m[i % m.length];
            double s = 0;
            for (int j = 0; j < prange(row.length); j++) {
                s += row[j] * j;
            }
            out[i] = s;
        }
    }

    /** Matrix times vector: rows of an array of arrays are read. */
    @Parallel(threshold = 2)
    public static void matVec(double[][] m, double[] x, double[] y) {
        for (int i = 0; i < prange(Math.min(m.length, y.length)); i++) {
            double s = 0;
            for (int j = 0; j < x.length; j++) {
                s += m[i][j] * x[j];
            }
            y[i] = s;
        }
    }

    /** Another loop of the method, before the parallel one, stays a @Jit loop. */
    @Parallel(threshold = 2)
    public static double mixed(double[] a, double[] out) {
        double best = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < a.length; i++) {
            best = Math.max(best, a[i]);
        }
        for (int i = 0; i < prange(out.length); i++) {
            out[i] = best - a[i];
        }
        return best;
    }

    /** Several reductions: reduceSlots, int and long in long slots. */
    @Parallel(threshold = 2)
    public static long integerStatistics(int[] a) {
        long sum = 0;
        int min = Integer.MAX_VALUE;
        int max = Integer.MIN_VALUE;
        int product = 1;
        int bits = 0;
        for (int i = 0; i < prange(a.length); i++) {
            sum += a[i];
            min = Math.min(min, a[i]);
            max = Math.max(max, a[i]);
            product *= a[i] | 1;
            bits ^= a[i];
        }
        return sum * 31 + min * 17L + max * 13L + product * 7L + bits;
    }

    /** Several reductions: float and double in double slots, exact operators only. */
    @Parallel(threshold = 2)
    public static double extremes(float[] f, double[] d) {
        float low = Float.POSITIVE_INFINITY;
        double high = Double.NEGATIVE_INFINITY;
        long count = 0;
        for (int i = 0; i < prange(Math.min(f.length, d.length)); i++) {
            low = Math.min(low, f[i]);
            high = Math.max(d[i], high);
            count += f[i] > 0 ? 1 : 0;
        }
        return low + high * 3 + count;
    }

    /** Several reductions under fastmath: float and double sums (a float result: the float bound applies). */
    @Parallel(threshold = 2, fastmath = true)
    public static float sums(float[] f, double[] d) {
        float floats = 0;
        double doubles = 0;
        for (int i = 0; i < prange(Math.min(f.length, d.length)); i++) {
            floats += f[i];
            doubles += d[i] * 2;
        }
        return floats + (float) doubles;
    }
}
