package dev.stride.benchmarks;

import dev.stride.Jit;
import dev.stride.SimdWidth;

/**
 * The scan kernels {@link ScanBenchmarks} measures, written as plain loops: a running maximum, a fill-forward of
 * NaN and a prefix sum. The build rewrites them into in-register scans; the "plain" benchmarks run them with the
 * kill switch on.
 */
public final class ScanBenchKernels {
    private ScanBenchKernels() {}

    /** Running maximum of doubles: exact, but left to C2 (the vector MAX with Java's rules is slower here). */
    @Jit
    public static double runningMax(double[] a, double[] out) {
        double m = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < a.length; i++) {
            m = Math.max(m, a[i]);
            out[i] = m;
        }
        return m;
    }

    /** Running maximum of ints (exact). */
    @Jit
    public static int runningMaxInt(int[] a, int[] out) {
        int m = Integer.MIN_VALUE;
        for (int i = 0; i < a.length; i++) {
            m = Math.max(m, a[i]);
            out[i] = m;
        }
        return m;
    }

    /** Fill-forward of NaN (exact). */
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

    /** Prefix sum of doubles; reassociation allowed. */
    @Jit(fastmath = true)
    public static double prefixSum(double[] a, double[] out) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i];
            out[i] = s;
        }
        return s;
    }

    /** Prefix sum of ints (exact). */
    @Jit
    public static int prefixSumInt(int[] a, int[] out) {
        int s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i];
            out[i] = s;
        }
        return s;
    }

    /** {@link #prefixSum} compiled for 512-bit vectors (8 lanes, 3 steps) instead of the default 256. */
    @Jit(fastmath = true, width = SimdWidth.BITS_512)
    public static double prefixSum512(double[] a, double[] out) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i];
            out[i] = s;
        }
        return s;
    }

    /** {@link #fillForward} compiled for 512-bit vectors. */
    @Jit(width = SimdWidth.BITS_512)
    public static double fillForward512(double[] x, double[] out) {
        double last = Double.NaN;
        for (int i = 0; i < x.length; i++) {
            if (!Double.isNaN(x[i])) {
                last = x[i];
            }
            out[i] = last;
        }
        return last;
    }
}
