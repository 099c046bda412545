package dev.stride.compiler.kernels;

import static dev.stride.Prange.prange;

import dev.stride.Parallel;

/** Parallel loops Stride must refuse, one per rule (the test class is its own input). */
public final class ParallelRejectedKernels {
    private static int calls;

    private ParallelRejectedKernels() {}

    @Parallel(threshold = 2)
    public static void histogram(int[] x, int[] hist) {
        for (int i = 0; i < prange(x.length); i++) {
            hist[x[i] & 7]++;
        }
    }

    @Parallel(threshold = 2)
    public static void sameElement(double[] a, double[] out) {
        for (int i = 0; i < prange(a.length); i++) {
            out[0] = a[i];
        }
    }

    @Parallel(threshold = 2)
    public static void readsNeighbourWrite(double[] a) {
        for (int i = 1; i < prange(a.length); i++) {
            a[i] = a[i - 1] + 1;
        }
    }

    @Parallel(threshold = 2)
    public static int lastValue(int[] a) {
        int last = 0;
        for (int i = 0; i < prange(a.length); i++) {
            last = a[i];
        }
        return last;
    }

    @Parallel(threshold = 2)
    public static void carried(int[] a, int[] out) {
        int previous = 0;
        for (int i = 0; i < prange(a.length); i++) {
            out[i] = previous;
            previous = a[i];
        }
    }

    @Parallel(threshold = 2)
    public static double strictSum(double[] a) {
        double total = 0;
        for (int i = 0; i < prange(a.length); i++) {
            total += a[i];
        }
        return total;
    }

    @Parallel(threshold = 2)
    public static void foreignCall(int[] a, int[] out) {
        for (int i = 0; i < prange(a.length); i++) {
            out[i] = Integer.bitCount(a[i]) + System.identityHashCode(a) * 0;
        }
    }

    @Parallel(threshold = 2)
    public static void fieldWrite(int[] a) {
        for (int i = 0; i < prange(a.length); i++) {
            calls += a[i];
        }
    }

    @Parallel(threshold = 2)
    public static void inclusive(int[] a, int n) {
        for (int i = 0; i <= prange(n); i++) {
            a[i] = i;
        }
    }

    @Parallel(threshold = 2)
    public static int insideTry(int[] a, int[] out) {
        try {
            for (int i = 0; i < prange(a.length); i++) {
                out[i] = a[i] * 2;
            }
            return 0;
        } catch (ArrayIndexOutOfBoundsException e) {
            return -1;
        }
    }

    @Parallel(threshold = 2)
    public static void rowWrites(double[][] m, int columns) {
        for (int i = 0; i < prange(m.length); i++) {
            for (int j = 0; j < columns; j++) {
                m[i][j] = i + j;
            }
        }
    }

    @Parallel(threshold = 2)
    public static void allocates(int[] a, int[][] out) {
        for (int i = 0; i < prange(a.length); i++) {
            out[i] = new int[] {a[i]};
        }
    }
}
