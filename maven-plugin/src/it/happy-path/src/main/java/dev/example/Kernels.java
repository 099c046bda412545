package dev.example;

import dev.stride.Jit;

/** Kernels as a user writes them: plain loops over arrays. */
public final class Kernels {
    private Kernels() {}

    /** Multiplies every element by a factor. */
    @Jit
    public static void scale(double[] a, double factor, double[] out) {
        for (int i = 0; i < a.length; i++) {
            out[i] = a[i] * factor;
        }
    }

    /** A running sum: a loop-carried dependence that no compiler may vectorise. */
    @Jit
    public static void prefixSum(double[] a) {
        for (int i = 1; i < a.length; i++) {
            a[i] = a[i] + a[i - 1];
        }
    }
}
