package dev.stride.samples.lesson01;

import dev.stride.Jit;

/**
 * Lesson 1: the first kernel. A plain loop that sums an array, annotated with {@code @Jit(fastmath = true)}.
 *
 * <p>HotSpot's C2 does not vectorise this loop: summing doubles in a different order changes the last bits of the
 * result, and Java promises the sequential order. {@code fastmath = true} is you allowing exactly that change, and
 * Stride then runs the loop as Vector API code with a vector accumulator, reduced once after the loop. Without
 * {@code fastmath} the loop stays scalar and the report says "reduction needs fastmath".
 *
 * <p>How to run: {@code ./stride demo} builds this module with the Stride Maven plugin, prints the report of this
 * class and measures the rewritten {@code sum} against the plain one. {@code ./stride --inspect
 * samples/target/classes} prints the report alone.
 */
public final class FirstKernel {

    private FirstKernel() {}

    /**
     * Sums an array.
     *
     * @param a the values
     * @return their sum (order of additions may differ from a sequential loop in the last bits)
     */
    @Jit(fastmath = true)
    public static double sum(double[] a) {
        double total = 0;
        for (int i = 0; i < a.length; i++) {
            total += a[i];
        }
        return total;
    }
}
