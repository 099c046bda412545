package dev.stride.benchmarks;

import dev.stride.Jit;

/**
 * The kernels the benchmarks measure, written as plain loops. The build rewrites them with the Stride plugin;
 * the "plain" benchmarks run the same methods with Stride's kill switch on ({@code -Dstride.disable=true}), which
 * makes every rewritten method run its original bytecode.
 */
public final class BenchKernels {
    private BenchKernels() {}

    /** Double sum; reassociation allowed. */
    @Jit(fastmath = true)
    public static double sum(double[] a) {
        double total = 0;
        for (int i = 0; i < a.length; i++) {
            total += a[i];
        }
        return total;
    }

    /** Float sum with a float accumulator: twice the lanes of the double sum. */
    @Jit(fastmath = true)
    public static float sumFloat(float[] a) {
        float total = 0;
        for (int i = 0; i < a.length; i++) {
            total += a[i];
        }
        return total;
    }

    /** Replaces NaN by zero. */
    @Jit
    public static void nanToZero(double[] a, double[] out) {
        for (int i = 0; i < a.length; i++) {
            out[i] = Double.isNaN(a[i]) ? 0.0 : a[i];
        }
    }

    /** Clamps into [low, high]. */
    @Jit
    public static void clamp(double[] a, double low, double high, double[] out) {
        for (int i = 0; i < a.length; i++) {
            double x = a[i];
            if (x < low) {
                x = low;
            } else if (x > high) {
                x = high;
            }
            out[i] = x;
        }
    }

    /** {@code Math.exp} per element; the Vector API's version is within 1 ulp. */
    @Jit(fastmath = true)
    public static void exp(double[] a, double[] out) {
        for (int i = 0; i < a.length; i++) {
            out[i] = Math.exp(a[i]);
        }
    }

    /** {@code a*b+c}: C2 vectorises this itself, so Stride leaves it ("left to C2"). */
    @Jit
    public static void multiplyAdd(double[] a, double[] b, double[] c, double[] out) {
        for (int i = 0; i < out.length; i++) {
            out[i] = a[i] * b[i] + c[i];
        }
    }

    /** Rolling mean over windows of n, the naive nest (outer-loop vectorised, bit-exact). */
    @Jit
    public static void rollingMean(double[] x, int n, double[] mean) {
        for (int k = 0; k + n <= x.length; k++) {
            double acc = 0;
            for (int j = 0; j < n; j++) {
                acc += x[k + j];
            }
            mean[k] = acc / n;
        }
    }

    /** Rolling two-pass population standard deviation around the rolling mean. */
    @Jit
    public static void rollingStd(double[] x, int n, double[] mean, double[] std) {
        for (int k = 0; k + n <= x.length; k++) {
            double m = mean[k];
            double acc = 0;
            for (int j = 0; j < n; j++) {
                double d = x[k + j] - m;
                acc += d * d;
            }
            std[k] = Math.sqrt(acc / n);
        }
    }
}
