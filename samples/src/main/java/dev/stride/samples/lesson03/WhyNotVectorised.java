package dev.stride.samples.lesson03;

import dev.stride.Jit;

/**
 * Lesson 3: why was this loop not vectorised?
 *
 * <p>Every loop gets a verdict with a reason and a line. {@link #prefixSum} reads {@code a[i - 1]}, which the
 * previous iteration wrote: a loop-carried dependence, so it must stay scalar. {@link #firstNegative} leaves the
 * loop early. {@link #cleaned} is the same work as a loop Stride can vectorise: a conditional becomes a mask.
 * Nothing is ever silently skipped: run the report and read the reasons; {@code docs/reasons.md} shows a
 * before/after example for each.
 *
 * <p>How to run: {@code ./stride --inspect samples/target/classes --method prefixSum}; with {@code @Jit(strict =
 * true)} a rejected loop would fail the build instead, at its file and line.
 */
public final class WhyNotVectorised {
    private WhyNotVectorised() {}

    /**
     * In-place running sum: each element depends on the previous one.
     *
     * @param a the values, replaced by their prefix sums
     */
    @Jit
    public static void prefixSum(double[] a) {
        for (int i = 1; i < a.length; i++) {
            a[i] = a[i] + a[i - 1];
        }
    }

    /**
     * Index of the first negative value.
     *
     * @param a the values
     * @return the index, or -1
     */
    @Jit
    public static int firstNegative(double[] a) {
        for (int i = 0; i < a.length; i++) {
            if (a[i] < 0) {
                return i;
            }
        }
        return -1;
    }

    /**
     * Negative values and NaN replaced by zero: vectorised with masks.
     *
     * @param a the values
     * @param out receives the cleaned values, at least as long as a
     */
    @Jit
    public static void cleaned(double[] a, double[] out) {
        for (int i = 0; i < a.length; i++) {
            out[i] = a[i] >= 0 ? a[i] : 0;
        }
    }
}
