package dev.stride.compiler.kernels;

import dev.stride.Jit;

/** Loops that call small static helpers, which the compiler inlines: test input for the compiler. */
public final class HelperKernels {
    private HelperKernels() {}

    private static double square(double x) {
        return x * x;
    }

    private static double clampTo(double x, double low, double high) {
        double floor = Math.max(x, low);
        return Math.min(floor, high);
    }

    private static double centred(double x, double m) {
        return square(x - m);
    }

    private static double notSimple(double[] a, int i) {
        return a[i] * 2;
    }

    @Jit(fastmath = true)
    public static double sumOfSquares(double[] a) {
        double total = 0;
        for (int i = 0; i < a.length; i++) {
            total += square(a[i]);
        }
        return total;
    }

    @Jit
    public static void clampAll(double[] a, double low, double high, double[] out) {
        for (int i = 0; i < a.length; i++) {
            out[i] = a[i] > 0 ? clampTo(a[i], low, high) : 0;
        }
    }

    @Jit
    public static void variance(double[] x, int n, double[] mean, double[] out) {
        for (int k = 0; k + n <= x.length; k++) {
            double acc = 0;
            for (int j = 0; j < n; j++) {
                acc += centred(x[k + j], mean[k]);
            }
            out[k] = acc / n;
        }
    }

    @Jit
    public static void helperReadsMemory(double[] a, double[] out) {
        for (int i = 0; i < a.length; i++) {
            out[i] = a[i] > 0 ? notSimple(a, i) : 0;
        }
    }

    @Jit
    public static void softSignBoth(double[] a, double[] out) {
        for (int i = 0; i < a.length; i++) {
            out[i] = softSign(a[i]) - softSign(-a[i]) * 0.5;
        }
    }

    @Jit
    public static long clampedSum(long[] a, long limit) {
        long total = 0;
        for (int i = 0; i < a.length; i++) {
            total += clampOrTriple(a[i], limit);
        }
        return total;
    }

    private static double softSign(double x) {
        if (x != x) {
            return 0.0;
        }
        if (x > 1) {
            return 1 + (x - 1) * 0.25;
        }
        return x < -1 ? -1 : x;
    }

    private static long clampOrTriple(long x, long limit) {
        return x > limit ? limit : x * 3;
    }
}
