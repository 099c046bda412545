package dev.stride.benchmarks;

import dev.stride.Vectorize;

/**
 * The scalar function of {@link UfuncBenchmarks}: three arguments, a conditional and {@code Math.exp}. The
 * annotation processor generates {@code BenchUfuncsUfuncs} with its array forms; the Stride plugin vectorises them.
 */
final class BenchUfuncs {
    private BenchUfuncs() {}

    /**
     * A soft threshold: above {@code t} the sum, below it a damped product.
     *
     * @param x the value
     * @param y the weight
     * @param t the threshold
     * @return {@code x + y} when {@code x > t}, else {@code exp(x) * y}
     */
    @Vectorize(fastmath = true)
    static double softThreshold(double x, double y, double t) {
        if (x > t) {
            return x + y;
        }
        return Math.exp(x) * y;
    }
}
