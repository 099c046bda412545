package dev.stride.benchmarks;

import dev.stride.Jit;

/** Kernels that convert between element sizes per element, compiled by Stride for {@link ConversionBenchmarks}. */
public final class ConversionBenchKernels {
    private ConversionBenchKernels() {}

    /**
     * An int comparison selects doubles: C2 leaves the conditional scalar.
     *
     * @param counts counts per element
     * @param w weights
     * @param out weighted counts, 0 where the count is not positive
     */
    @Jit
    public static void weightByCount(int[] counts, double[] w, double[] out) {
        for (int i = 0; i < out.length; i++) {
            out[i] = counts[i] > 0 ? counts[i] * w[i] : 0.0;
        }
    }

    /**
     * A double dot product of an int and a double array (reassociated under fastmath).
     *
     * @param a the ints
     * @param b the doubles
     * @return the sum of products
     */
    @Jit(fastmath = true)
    public static double dotIntDouble(int[] a, double[] b) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += a[i] * b[i];
        }
        return sum;
    }

    /**
     * Doubles to ints with a sentinel for NaN: {@code (int)} truncation under a mask.
     *
     * @param a the doubles
     * @param scale a factor applied before truncation
     * @param out the ints, -1 for NaN
     */
    @Jit
    public static void quantise(double[] a, double scale, int[] out) {
        for (int i = 0; i < out.length; i++) {
            out[i] = a[i] != a[i] ? -1 : (int) (a[i] * scale);
        }
    }

    /**
     * A straight-line conversion map, which Stride leaves to C2.
     *
     * @param a the ints
     * @param out half of each
     */
    @Jit
    public static void scaleInts(int[] a, double[] out) {
        for (int i = 0; i < out.length; i++) {
            out[i] = a[i] * 0.5;
        }
    }
}
