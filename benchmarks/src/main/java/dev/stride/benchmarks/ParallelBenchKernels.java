package dev.stride.benchmarks;

import static dev.stride.Prange.prange;

import dev.stride.Parallel;

/**
 * The {@code prange} kernels of {@link ParallelScalingBenchmarks}, written as plain loops and rewritten by the
 * Stride plugin at build time: one compute-bound map and one memory-bound reduction, the two ends of what a
 * parallel loop is used for.
 */
public final class ParallelBenchKernels {
    private ParallelBenchKernels() {}

    /**
     * Gaussian of every element: a scalar {@code Math.exp} (no {@code fastmath}, so the chunk bodies keep the
     * exact scalar call) and two multiplications per element, about 5-10 ns each: compute-bound.
     *
     * @param x the inputs
     * @param out receives {@code exp(-x*x)}
     */
    @Parallel
    public static void gaussian(double[] x, double[] out) {
        for (int i = 0; i < prange(x.length); i++) {
            out[i] = Math.exp(-x[i] * x[i]);
        }
    }

    /**
     * Sum of the elements, chunks combined in chunk order; {@code fastmath} lets the chunks (and their SIMD
     * lanes) reassociate the additions.
     *
     * @param x the inputs
     * @return the sum
     */
    @Parallel(fastmath = true)
    public static double sum(double[] x) {
        double total = 0;
        for (int i = 0; i < prange(x.length); i++) {
            total += x[i];
        }
        return total;
    }
}
