package dev.stride.samples.lesson04;

import static dev.stride.Prange.prange;

import dev.stride.Parallel;

/**
 * Lesson 4: parallel loops.
 *
 * <p>{@code prange(n)} marks the loop of a {@code @Parallel} method whose iterations run on all cores; plain Java
 * runs it serially ({@code prange(n)} just returns n). Stride proves that iterations do not race (each writes only
 * {@code out[i]}) and combines reductions chunk by chunk in a fixed order, so a result is the same on every run
 * with the same thread count. A loop that would race, such as a histogram {@code counts[x[i]]++}, is refused with
 * the reason instead of run with wrong results.
 *
 * <p>How to run: {@code ./stride --inspect samples/target/classes --method softplus}; threads:
 * {@code -Dstride.threads=N}.
 */
public final class ParallelLoops {
    private ParallelLoops() {}

    /**
     * {@code log(1 + exp(x))} per element, on all cores.
     *
     * @param x the inputs
     * @param out receives the results, at least as long as x
     */
    @Parallel
    public static void softplus(double[] x, double[] out) {
        for (int i = 0; i < prange(x.length); i++) {
            out[i] = Math.log1p(Math.exp(x[i]));
        }
    }

    /**
     * Sum of squares on all cores; reassociation across chunks allowed.
     *
     * @param x the values
     * @return the sum of their squares
     */
    @Parallel(fastmath = true)
    public static double sumOfSquares(double[] x) {
        double total = 0;
        for (int i = 0; i < prange(x.length); i++) {
            total += x[i] * x[i];
        }
        return total;
    }
}
