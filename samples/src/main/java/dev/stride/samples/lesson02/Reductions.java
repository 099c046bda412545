package dev.stride.samples.lesson02;

import dev.stride.Jit;

/**
 * Lesson 2: reductions and fastmath.
 *
 * <p>A reduction folds an array into one value with one operator. Which ones Stride vectorises without asking:
 * {@code min} and {@code max} (any order gives the same result, NaN and -0.0 included, because {@code Math.max}
 * is associative), and integer {@code + * & | ^} (wrap-around arithmetic is associative). Floating-point {@code +}
 * and {@code *} are not associative: summing in a different order changes the last bits, so {@link #dot} is
 * vectorised only because it says {@code fastmath = true}, and {@link #strictDot} stays scalar with the reason
 * "reduction needs fastmath". A loop may carry several reductions at once ({@link #range}).
 *
 * <p>How to run: {@code ./stride --inspect samples/target/classes --method dot} (or {@code strictDot}, {@code range}).
 */
public final class Reductions {
    private Reductions() {}

    /**
     * Dot product, reassociation allowed.
     *
     * @param a first vector
     * @param b second vector, at least as long as a
     * @return the dot product
     */
    @Jit(fastmath = true)
    public static double dot(double[] a, double[] b) {
        double total = 0;
        for (int i = 0; i < a.length; i++) {
            total += a[i] * b[i];
        }
        return total;
    }

    /**
     * Dot product in exactly Java's order: stays scalar.
     *
     * @param a first vector
     * @param b second vector, at least as long as a
     * @return the dot product, bit-identical to a sequential loop
     */
    @Jit
    public static double strictDot(double[] a, double[] b) {
        double total = 0;
        for (int i = 0; i < a.length; i++) {
            total += a[i] * b[i];
        }
        return total;
    }

    /**
     * Largest minus smallest element, two reductions in one exact SIMD loop.
     *
     * @param a the values, not empty
     * @return max - min
     */
    @Jit
    public static double range(double[] a) {
        double low = Double.POSITIVE_INFINITY;
        double high = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < a.length; i++) {
            low = Math.min(low, a[i]);
            high = Math.max(high, a[i]);
        }
        return high - low;
    }
}
