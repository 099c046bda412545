package dev.stride.compiler.kernels;

import dev.stride.Jit;

/**
 * Loops that convert between element sizes per element (int, long, float, double): test input for the compiler.
 * Each runs in vectors with one lane count, the widest kind's (8 doubles in 512 bits with 8 ints in 256 bits).
 * Most have a condition or a floating-point reduction, so the rewrite pays; the plain map at the end is C2's.
 */
public final class ConversionKernels {
    private ConversionKernels() {}

    /** An int comparison selects doubles: the mask moves from int lanes to double lanes. */
    @Jit
    public static void weightByCount(int[] counts, double[] w, double[] out) {
        for (int i = 0; i < out.length; i++) {
            out[i] = counts[i] > 0 ? counts[i] * w[i] : 0.0;
        }
    }

    /** A double reduction over an int array times a double array (int to double per lane). */
    @Jit(fastmath = true)
    public static double dotIntDouble(int[] a, double[] b) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += a[i] * b[i];
        }
        return sum;
    }

    /** {@code (int)} of doubles: NaN to 0, beyond the int range to MIN/MAX, fractions truncated. */
    @Jit
    public static void truncateToInt(double[] a, int[] out) {
        for (int i = 0; i < out.length; i++) {
            out[i] = a[i] > 1e300 ? -7 : (int) a[i];
        }
    }

    /** {@code (long)} of doubles, same element size. */
    @Jit
    public static void truncateToLong(double[] a, long[] out) {
        for (int i = 0; i < out.length; i++) {
            out[i] = a[i] < 0 ? -(long) -a[i] : (long) a[i];
        }
    }

    /** float lanes widened to double inside a condition. */
    @Jit
    public static void widenFloat(float[] f, double[] d, double[] out) {
        for (int i = 0; i < out.length; i++) {
            out[i] = f[i] > 0 ? f[i] * d[i] : d[i];
        }
    }

    /** doubles narrowed to float: rounding, overflow to infinity, NaN. */
    @Jit
    public static void narrowToFloat(double[] a, float[] out) {
        for (int i = 0; i < out.length; i++) {
            out[i] = a[i] != a[i] ? -1f : (float) a[i];
        }
    }

    /** A long sum of the positive ints: the accumulator is wider than the array. */
    @Jit
    public static long sumPositiveInts(int[] a) {
        long sum = 0;
        for (int i = 0; i < a.length; i++) {
            if (a[i] > 0) {
                sum += a[i];
            }
        }
        return sum;
    }

    /** A float reduction over double products, narrowed per element. */
    @Jit(fastmath = true)
    public static float floatSumOfDoubles(double[] a, double[] b) {
        float sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += (float) (a[i] * b[i]);
        }
        return sum;
    }

    /** {@code (float) i}: the int lanes {@code i + lane} converted, rounding as Java does above 2^24. */
    @Jit
    public static void floatIndex(float[] a, float[] out) {
        for (int i = 0; i < out.length; i++) {
            out[i] = a[i] > 0 ? a[i] * (float) i : 0f;
        }
    }

    /** The induction variable compared with an int inside a double loop. */
    @Jit
    public static void negateBeyond(double[] a, int k, double[] out) {
        for (int i = 0; i < out.length; i++) {
            out[i] = i < k ? a[i] : -a[i];
        }
    }

    /** longs to double: rounding above 2^53. */
    @Jit
    public static void longToDouble(long[] a, double[] out) {
        for (int i = 0; i < out.length; i++) {
            out[i] = a[i] > 0 ? (double) a[i] : 0.5;
        }
    }

    /** ints to float (same size): rounding above 2^24. */
    @Jit
    public static void intToFloat(int[] a, float[] out) {
        for (int i = 0; i < out.length; i++) {
            out[i] = a[i] != 0 ? (float) a[i] : Float.NaN;
        }
    }

    /** floats to int (same size): NaN, saturation, truncation. */
    @Jit
    public static void floatToInt(float[] a, int[] out) {
        for (int i = 0; i < out.length; i++) {
            out[i] = a[i] >= 0 ? (int) a[i] : -(int) a[i];
        }
    }

    /** longs to int: the low 32 bits. */
    @Jit
    public static void longToInt(long[] a, int[] out) {
        for (int i = 0; i < out.length; i++) {
            out[i] = a[i] > 0 ? (int) a[i] : 0;
        }
    }

    /** A long shifted by an int count per element: the count is widened, both mask it to 6 bits. */
    @Jit
    public static void shiftByInts(long[] a, int[] s, long[] out) {
        for (int i = 0; i < out.length; i++) {
            out[i] = s[i] > 0 ? a[i] << s[i] : a[i] >> -s[i];
        }
    }

    /** A long shifted by an invariant int count. */
    @Jit
    public static void shiftByInvariant(long[] a, int s, long[] out) {
        for (int i = 0; i < out.length; i++) {
            out[i] = a[i] > 0 ? a[i] >>> s : a[i] << s;
        }
    }

    /** An int flag per element decides which doubles are summed (masked reduction across sizes). */
    @Jit(fastmath = true)
    public static double sumFlagged(int[] flags, double[] x) {
        double sum = 0;
        for (int i = 0; i < x.length; i++) {
            if (flags[i] != 0) {
                sum += x[i];
            }
        }
        return sum;
    }

    /** Math.exp of converted ints (fastmath): the transcendental runs on double lanes. */
    @Jit(fastmath = true)
    public static void expOfCounts(int[] counts, double scale, double[] out) {
        for (int i = 0; i < out.length; i++) {
            out[i] = Math.exp(-counts[i] * scale);
        }
    }

    /** Three sizes in one loop: int and float arrays into a long result. */
    @Jit
    public static void threeKinds(int[] a, float[] f, long[] out) {
        for (int i = 0; i < out.length; i++) {
            out[i] = f[i] > a[i] ? (long) f[i] + a[i] : (long) a[i] * 3L;
        }
    }

    /** A plain conversion map: C2's SuperWord vectorises it, so it is left to C2. */
    @Jit
    public static void scaleInts(int[] a, double[] out) {
        for (int i = 0; i < out.length; i++) {
            out[i] = a[i] * 0.5;
        }
    }

    /** A window nest over ints, averaged in double: outer-loop vectorised with int lanes converted per lane. */
    @Jit
    public static void rollingMeanOfCounts(int[] counts, int n, double[] mean) {
        for (int k = 0; k + n <= counts.length; k++) {
            double acc = 0.0;
            for (int j = 0; j < n; j++) {
                acc += counts[k + j];
            }
            mean[k] = acc / n;
        }
    }

    /** A window nest with an int local per lane and a float result. */
    @Jit
    public static void windowMaxAsFloat(long[] ticks, int n, float[] out) {
        for (int k = 0; k + n <= ticks.length; k++) {
            long best = Long.MIN_VALUE;
            for (int j = 0; j < n; j++) {
                long t = ticks[k + j];
                best = Math.max(best, t);
            }
            out[k] = (float) best;
        }
    }

    /**
     * An int prefix sum of truncated floats: an in-register scan whose kind (int) is not the loop's lead kind
     * (float). Found by the fuzzer: the scan's start value was kept in a local of the lead kind.
     */
    @Jit
    public static int prefixSumOfTruncatedFloats(float[] f, int[] out) {
        int s = 0;
        for (int i = 0; i < out.length; i++) {
            s += (int) f[i];
            out[i] = s;
        }
        return s;
    }

    /** A long prefix sum over ints, stored as longs. */
    @Jit
    public static long prefixSumOfIntsAsLongs(int[] a, long[] out) {
        long s = 0;
        for (int i = 0; i < out.length; i++) {
            s += a[i];
            out[i] = s;
        }
        return s;
    }
}
