package dev.stride.compiler.kernels;

import dev.stride.Jit;

/** Reductions: test input for the compiler (the test class is its own input). */
public final class ReductionKernels {
    private ReductionKernels() {}

    @Jit(fastmath = true)
    public static double sum(double[] a) {
        double total = 0;
        for (int i = 0; i < a.length; i++) {
            total += a[i];
        }
        return total;
    }

    @Jit
    public static double sumStrict(double[] a) {
        double total = 0;
        for (int i = 0; i < a.length; i++) {
            total += a[i];
        }
        return total;
    }

    @Jit
    public static double max(double[] a) {
        double best = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < a.length; i++) {
            best = Math.max(best, a[i]);
        }
        return best;
    }

    @Jit(fastmath = true)
    public static double sumPositive(double[] a) {
        double total = 0;
        for (int i = 0; i < a.length; i++) {
            if (a[i] > 0) {
                total += a[i];
            }
        }
        return total;
    }

    @Jit
    public static int intSum(int[] a) {
        int total = 0;
        for (int i = 0; i < a.length; i++) {
            total += a[i];
        }
        return total;
    }

    @Jit(fastmath = true)
    public static double dot(double[] a, double[] b, int n) {
        double total = 0;
        for (int i = 0; i < n; i++) {
            total += a[i] * b[i];
        }
        return total;
    }

    @Jit
    public static long minAndMaxSpread(long[] a) {
        long low = Long.MAX_VALUE;
        long high = Long.MIN_VALUE;
        for (int i = 0; i < a.length; i++) {
            low = Math.min(low, a[i]);
            high = Math.max(high, a[i]);
        }
        return high - low;
    }
}
