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

    /**
     * Fuzzer seed 20261122, kernels k88, k127, k161, k224, k289 (this is k127, shrunk by hand): javac compiles
     * {@code c && false} (and {@code c || true}) to a branch whose two edges reach the same block; the SIMD body
     * kept one mask per (from, to) edge, so the second edge's mask replaced the first and the lanes where
     * {@code c} was false skipped the {@code else} store.
     */
    @Jit
    public static void andFalseCondition(float[] a, float[] out) {
        for (int i = 0; i < a.length; i++) {
            if (a[i] < 1.0f && Float.POSITIVE_INFINITY <= 0.0f) {
                out[i] = 7.0f;
            } else {
                out[i] = a[i];
            }
        }
    }

    /** The same with {@code || true} and a store under the merged condition (seed 20261122, k289's map). */
    @Jit
    public static void orTrueCondition(double[] a, double[] out) {
        for (int i = 0; i < a.length; i++) {
            double x = a[i];
            if (x > 2.0 || 0.5 >= -0.0) {
                x = -x;
            }
            if (x < 0) {
                out[i] = x;
            }
        }
    }

    /**
     * Fuzzer seed 1, kernel k3574, shrunk by hand: {@code a} is stored at {@code i - 2} and then read at
     * {@code i - 1}, ahead of the store. The scalar loop reads the old value (written only one iteration later);
     * a vector step that stores lanes {@code i - 2 .. i + 5} before loading {@code i - 1 .. i + 6} reads new
     * ones. Correct answer: stay scalar (loop-carried dependence).
     */
    @Jit
    public static void readAheadAfterStoreInPlace(int[] a, int[] out) {
        for (int i = 2; i < a.length - 1; i++) {
            int x = a[i - 2];
            if (x < a[i]) {
                x = a[i];
            }
            a[i - 2] = x;
            out[i + 1] = a[i - 1];
        }
    }

    /**
     * Fuzzer seed 4, kernel k124 (and seed 20261122, k203 and k229), shrunk by hand: the same read-ahead after a
     * store, through two parameters that are one array at run time. Correct answer: vectorise behind a run-time
     * check that {@code out} is not {@code a}.
     */
    @Jit
    public static void readAheadAfterStoreAliased(double[] a, double[] out, double[] out2) {
        for (int i = 0; i < a.length - 2; i++) {
            out[i] = a[i] > 0 ? -a[i] : 0.0;
            out2[i] = a[i + 2];
        }
    }
}
