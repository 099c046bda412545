package dev.stride.samples.lesson07;

import dev.stride.ElementKind;
import dev.stride.Jit;

/**
 * Lesson 7: write a kernel once, call it on {@code float[]} (or {@code int[]}) too.
 *
 * <p>Java has no primitive generics, so libraries copy a {@code double} kernel by hand into a {@code float} one.
 * {@code @Jit(alsoFor = ElementKind.FLOAT)} asks Stride for that copy: every {@code double} of the kernel
 * (parameters, locals, constants, array elements, the result) becomes a {@code float}, exactly as if you had written
 * it by hand following Java's promotion rules; other types stay. {@code long} kernels specialise to {@code INT}
 * the same way. The annotation processor generates {@code StatisticsOverloads} beside this class, with one
 * overload per element kind; call those:
 *
 * <pre>{@code
 * float total = StatisticsOverloads.sum(new float[] {1, 2, 3});    // the FLOAT specialisation
 * double same = StatisticsOverloads.sum(new double[] {1, 2, 3});   // the kernel below
 * }</pre>
 *
 * <p>This module is built with stride-maven-plugin, so the specialisations are compiled (and vectorised: 8 float
 * lanes where the double kernel has 4) at build time. Without the plugin the first call of an overload compiles
 * its specialisation at run time, which needs stride-compiler on the class path. What cannot be specialised
 * soundly (a call to your own {@code double} helper, a {@code double} field, {@code 1e300}) is a compile error at
 * its line (docs/specialisation.md).
 *
 * <p>How to run: {@code ./stride --inspect samples/target/classes --method sum} shows the kernel and its
 * specialisation {@code sum(float[]) float ... specialisation of sum(double[]) for FLOAT}.
 */
public final class Statistics {
    private Statistics() {}

    /**
     * Sum of the values, reassociated in SIMD lanes.
     *
     * @param a the values
     * @return their sum
     */
    @Jit(fastmath = true, alsoFor = ElementKind.FLOAT)
    public static double sum(double[] a) {
        double total = 0;
        for (int i = 0; i < a.length; i++) {
            total += a[i];
        }
        return total;
    }

    /**
     * Clamps every value into {@code [lo, hi]}; NaN stays NaN.
     *
     * @param a the values
     * @param lo the lower bound
     * @param hi the upper bound
     * @param out where the results go, at least as long as {@code a}
     */
    @Jit(alsoFor = ElementKind.FLOAT)
    public static void clamp(double[] a, double lo, double hi, double[] out) {
        for (int i = 0; i < a.length; i++) {
            double x = a[i];
            if (x < lo) {
                x = lo;
            }
            out[i] = x > hi ? hi : x;
        }
    }

    /**
     * Sum of the values above a threshold, wrapping on overflow like any {@code long} (or, specialised, {@code int})
     * sum.
     *
     * @param a the values
     * @param threshold values at or below it are skipped
     * @return the wrapped sum
     */
    @Jit(alsoFor = ElementKind.INT)
    public static long sumAbove(long[] a, long threshold) {
        long total = 0;
        for (int i = 0; i < a.length; i++) {
            if (a[i] > threshold) {
                total += a[i];
            }
        }
        return total;
    }
}
