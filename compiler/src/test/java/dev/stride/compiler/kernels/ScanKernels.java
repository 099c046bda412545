package dev.stride.compiler.kernels;

import dev.stride.Jit;

/**
 * Scans: loops whose one carried scalar is updated by an associative operator and stored at every index (running
 * max and min, fill-forward of NaN, prefix sums), vectorised as in-register scans; and near misses that must stay
 * scalar. Test input for the compiler (the test class is its own input).
 */
public final class ScanKernels {
    private ScanKernels() {}

    @Jit
    public static double runningMax(double[] a, double[] out) {
        double m = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < a.length; i++) {
            m = Math.max(m, a[i]);
            out[i] = m;
        }
        return m;
    }

    @Jit
    public static double runningMinRange(double[] a, double[] out, int from, int to) {
        double m = Double.POSITIVE_INFINITY;
        for (int i = from; i < to; i++) {
            m = Math.min(a[i], m);
            out[i] = m;
        }
        return m;
    }

    @Jit
    public static void runningMaxInPlace(double[] a) {
        double m = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < a.length; i++) {
            m = Math.max(m, a[i]);
            a[i] = m;
        }
    }

    @Jit
    public static int runningMaxInt(int[] a, int[] out, int n) {
        int m = Integer.MIN_VALUE;
        for (int i = 0; i < n; i++) {
            m = Math.max(m, a[i]);
            out[i] = m;
        }
        return m;
    }

    @Jit
    public static long runningMinLong(long[] a, long[] out, long start) {
        long m = start;
        for (int i = 0; i < a.length; i++) {
            m = Math.min(m, a[i]);
            out[i] = m;
        }
        return m;
    }

    @Jit
    public static float runningMaxFloat(float[] a, float[] out) {
        float m = Float.NEGATIVE_INFINITY;
        for (int i = 0; i < a.length; i++) {
            m = Math.max(m, a[i]);
            out[i] = m;
        }
        return m;
    }

    /** The running value used in arithmetic after its update: a drawdown from the running peak. */
    @Jit
    public static double drawdown(double[] price, double[] out, double scale) {
        double peak = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < price.length; i++) {
            peak = Math.max(peak, price[i] * scale);
            out[i] = price[i] * scale - peak;
        }
        return peak;
    }

    @Jit
    public static double fillForward(double[] x, double[] out) {
        double last = Double.NaN;
        for (int i = 0; i < x.length; i++) {
            if (!Double.isNaN(x[i])) {
                last = x[i];
            }
            out[i] = last;
        }
        return last;
    }

    @Jit
    public static double fillForwardInPlace(double[] a, double start) {
        double last = start;
        for (int i = 0; i < a.length; i++) {
            if (Double.isNaN(a[i])) {
                a[i] = last;
            } else {
                last = a[i];
            }
        }
        return last;
    }

    @Jit
    public static void fillForwardSelfCompare(double[] x, double[] out, int n) {
        double last = 0;
        for (int i = 0; i < n; i++) {
            if (x[i] == x[i]) {
                last = x[i];
            }
            out[i] = last;
        }
    }

    @Jit
    public static float fillForwardFloat(float[] x, float[] out) {
        float last = Float.NaN;
        for (int i = 0; i < x.length; i++) {
            if (!(x[i] != x[i])) {
                last = x[i];
            }
            out[i] = last;
        }
        return last;
    }

    @Jit
    public static int prefixSumInt(int[] a, int[] out) {
        int s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i];
            out[i] = s;
        }
        return s;
    }

    @Jit
    public static long prefixDifferenceLong(long[] a, long[] out, long start) {
        long s = start;
        for (int i = 0; i < a.length; i++) {
            s -= a[i];
            out[i] = s;
        }
        return s;
    }

    @Jit
    public static int prefixProductInt(int[] a, int[] out) {
        int p = 1;
        for (int i = 0; i < a.length; i++) {
            p *= a[i];
            out[i] = p;
        }
        return p;
    }

    @Jit
    public static long prefixXorLong(long[] a, long[] out) {
        long x = 0;
        for (int i = 0; i < a.length; i++) {
            x ^= a[i];
            out[i] = x;
        }
        return x;
    }

    @Jit(fastmath = true)
    public static double prefixSumDouble(double[] a, double[] out) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i];
            out[i] = s;
        }
        return s;
    }

    @Jit(fastmath = true)
    public static float prefixSumFloat(float[] a, float[] out) {
        float s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i];
            out[i] = s;
        }
        return s;
    }

    /** The induction variable as the operand: triangular numbers from a start value. */
    @Jit
    public static long triangular(long[] out, long start) {
        long s = start;
        for (int i = 0; i < out.length; i++) {
            s += (long) i;
            out[i] = s;
        }
        return s;
    }

    /** A loop-invariant operand: an arithmetic sequence, wrapping around on overflow exactly as the scalar loop. */
    @Jit
    public static int steps(int[] out, int step) {
        int s = 0;
        for (int i = 0; i < out.length; i++) {
            s += step;
            out[i] = s;
        }
        return s;
    }

    /** A temporary feeds the scan and is used again after it; two arrays are written. */
    @Jit
    public static long peakWithTemporary(long[] a, long[] peak, long[] gap) {
        long m = Long.MIN_VALUE;
        for (int i = 0; i < a.length; i++) {
            long t = a[i] * 3;
            m = Math.max(m, t);
            peak[i] = m;
            gap[i] = m - t;
        }
        return m;
    }

    /** A running bitwise OR over an offset window ({@code a[i + 1]}), stored at {@code i}. */
    @Jit
    public static int orOfNext(int[] a, int[] out) {
        int bits = 0;
        for (int i = 0; i < a.length - 1; i++) {
            bits |= a[i + 1];
            out[i] = bits;
        }
        return bits;
    }

    /** Without fastmath a floating-point running sum stays scalar: SCAN_NEEDS_FASTMATH. */
    @Jit
    public static double prefixSumDoubleStrict(double[] a, double[] out) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i];
            out[i] = s;
        }
        return s;
    }

    /** The previous iteration's value is stored, not the updated one: not a scan (LOOP_CARRIED_SCALAR). */
    @Jit
    public static double exclusiveMax(double[] a, double[] out) {
        double m = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < a.length; i++) {
            out[i] = m;
            m = Math.max(m, a[i]);
        }
        return m;
    }

    /** Two carried scalars: not a scan (LOOP_CARRIED_SCALAR). */
    @Jit
    public static void twoRunningValues(double[] a, double[] low, double[] high) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < a.length; i++) {
            lo = Math.min(lo, a[i]);
            hi = Math.max(hi, a[i]);
            low[i] = lo;
            high[i] = hi;
        }
    }

    /** A conditional update other than a NaN test: not a scan Stride recognises (LOOP_CARRIED_SCALAR). */
    @Jit
    public static void lastPositive(double[] x, double[] out) {
        double last = 0;
        for (int i = 0; i < x.length; i++) {
            if (x[i] > 0) {
                last = x[i];
            }
            out[i] = last;
        }
    }
}
