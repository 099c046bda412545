package dev.stride.benchmarks;

import dev.stride.Jit;

/** Max reductions, compiled by Stride for {@link MinMaxBenchmarks}: does the rewrite beat C2 for them? */
public final class MinMaxBenchKernels {
    private MinMaxBenchKernels() {}

    /**
     * The largest double, with Java's NaN and signed-zero rules (exact, no fastmath needed).
     *
     * @param a the values
     * @return their maximum
     */
    @Jit
    public static double maxDouble(double[] a) {
        double max = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < a.length; i++) {
            max = Math.max(max, a[i]);
        }
        return max;
    }

    /**
     * The largest int.
     *
     * @param a the values
     * @return their maximum
     */
    @Jit
    public static int maxInt(int[] a) {
        int max = Integer.MIN_VALUE;
        for (int i = 0; i < a.length; i++) {
            max = Math.max(max, a[i]);
        }
        return max;
    }
}
