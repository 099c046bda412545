package dev.stride.compiler.kernels;

import dev.stride.Jit;

/** One loop per rejection reason: test input for the compiler. */
public final class RejectedKernels {
    private RejectedKernels() {}

    @Jit
    public static void prefixSum(double[] a) {
        for (int i = 1; i < a.length; i++) {
            a[i] = a[i] + a[i - 1];
        }
    }

    @Jit
    public static int firstNegative(int[] a) {
        for (int i = 0; i < a.length; i++) {
            if (a[i] < 0) {
                return i;
            }
        }
        return -1;
    }

    @Jit
    public static void stride2(double[] a) {
        for (int i = 0; i < a.length; i += 2) {
            a[i] = a[i] * 2;
        }
    }

    @Jit
    public static void gather(double[] a, int[] index, double[] out) {
        for (int i = 0; i < out.length; i++) {
            out[i] = a[index[i]];
        }
    }

    @Jit
    public static void divide(int[] a, int[] b, int[] out) {
        for (int i = 0; i < out.length; i++) {
            out[i] = a[i] / b[i];
        }
    }

    @Jit
    public static void histogram(int[] x, int[] counts) {
        for (int i = 0; i < x.length; i++) {
            counts[x[i]]++;
        }
    }

    @Jit
    public static double lastValue(double[] a) {
        double last = 0;
        for (int i = 0; i < a.length; i++) {
            last = a[i] * 2;
        }
        return last;
    }

    @Jit
    public static void mixed(int[] a, double[] out) {
        for (int i = 0; i < out.length; i++) {
            out[i] = a[i] * 0.5;
        }
    }

    @Jit
    public static void countDown(double[] a) {
        for (int i = a.length - 1; i >= 0; i--) {
            a[i] = a[i] + 1;
        }
    }

    @Jit
    public static void callsOut(double[] a) {
        for (int i = 0; i < a.length; i++) {
            a[i] = Double.valueOf(a[i]).hashCode();
        }
    }

    @Jit
    public static void bytes(byte[] a) {
        for (int i = 0; i < a.length; i++) {
            a[i] = (byte) (a[i] + 1);
        }
    }

    @Jit
    public static void indexAsValue(float[] a) {
        for (int i = 0; i < a.length; i++) {
            a[i] = i;
        }
    }

    @Jit
    public static void nested(double[][] m) {
        for (int r = 0; r < m.length; r++) {
            for (int c = 0; c < m[r].length; c++) {
                m[r][c] = m[r][c] + 1;
            }
        }
    }

    @Jit
    public static void whileLoop(double[] a, double[] out) {
        int i = 0;
        while (i < a.length) {
            out[i] = a[i] > 0 ? a[i] : -a[i];
            i++;
        }
    }

    @Jit
    public static void tryInside(double[] a) {
        try {
            for (int i = 0; i < a.length; i++) {
                a[i] = a[i] > 0 ? a[i] : 0;
            }
        } catch (RuntimeException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A running sum stored twice (dup2_x2 on the running value): a recurrence, refused, never a crash. */
    @Jit
    public static void prefixCopy(double[] a, double[] out, double[] copy) {
        double run = 0;
        for (int i = 0; i < a.length; i++) {
            copy[i] = out[i] = run += a[i];
        }
    }
}
