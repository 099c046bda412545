package dev.stride.compiler.kernels;

import dev.stride.Jit;

/**
 * Kernels the differential fuzzer ({@code dev.stride.compiler.fuzz}) found mishandled, each shrunk and kept as a
 * regression test: test input for the compiler.
 */
public final class FuzzRegressionKernels {
    private FuzzRegressionKernels() {}

    /**
     * Fuzzer seed 1, kernel k13, shrunk: outer-loop vectorisation of a {@code long} window nest threw a
     * NullPointerException in the emitter (the accumulator's initial {@code 0L} was never broadcast, because
     * non-floating scalar stores of outer loops were taken for induction counters).
     */
    @Jit
    public static void longWindowEmptyInner(long[] x, int n, long[] out) {
        for (int k = 0; k < out.length - 2; k++) {
            long acc = 0L;
            for (int j = 0; j < n; j++) {
                // the shrinker removed the body: the crash needs only the nest
            }
            out[k] = acc;
        }
    }

    /** The same crash in the shape users write: a rolling {@code long} sum. */
    @Jit
    public static void longWindowSum(long[] x, int n, long[] out) {
        for (int k = 0; k + n <= x.length; k++) {
            long acc = 0L;
            for (int j = 0; j < n; j++) {
                acc += x[k + j];
            }
            out[k] = acc;
        }
    }

    /** The same with a per-window maximum starting from a constant. */
    @Jit
    public static void longWindowMax(long[] x, int n, long[] out) {
        for (int k = 0; k < x.length - n; k++) {
            long best = Long.MIN_VALUE;
            for (int j = 0; j < n; j++) {
                best = Math.max(best, x[k + j]);
            }
            out[k] = best;
        }
    }
}
