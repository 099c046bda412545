package dev.stride.compiler.kernels;

import dev.stride.Jit;

/** Element-wise maps, with and without conditionals: test input for the compiler. */
public final class MapKernels {
    private MapKernels() {}

    @Jit
    public static void nanToZero(double[] in, double[] out) {
        for (int i = 0; i < in.length; i++) {
            out[i] = Double.isNaN(in[i]) ? 0.0 : in[i];
        }
    }

    @Jit
    public static void nanToZeroInPlace(double[] a) {
        for (int i = 0; i < a.length; i++) {
            if (a[i] != a[i]) {
                a[i] = 0;
            }
        }
    }

    @Jit
    public static void clamp(double[] a, double low, double high, double[] out) {
        for (int i = 0; i < a.length; i++) {
            double x = a[i];
            if (x < low) {
                x = low;
            } else if (x > high) {
                x = high;
            }
            out[i] = x;
        }
    }

    @Jit
    public static void clampWithMath(float[] a, float low, float high, float[] out) {
        for (int i = 0; i < a.length; i++) {
            out[i] = Math.min(high, Math.max(low, a[i]));
        }
    }

    @Jit(fastmath = true)
    public static void exp(double[] a, double[] out) {
        for (int i = 0; i < a.length; i++) {
            out[i] = Math.exp(a[i]);
        }
    }

    @Jit
    public static void expStrict(double[] a, double[] out) {
        for (int i = 0; i < a.length; i++) {
            out[i] = Math.exp(a[i]);
        }
    }

    @Jit
    public static void fma(double[] a, double[] b, double[] c, double[] out) {
        for (int i = 0; i < out.length; i++) {
            out[i] = a[i] * b[i] + c[i];
        }
    }

    @Jit
    public static void scaledDifference(double[] a, int n, double scale, double[] out) {
        for (int i = 1; i < n; i++) {
            out[i] = (a[i] - a[i - 1]) * scale;
        }
    }

    @Jit
    public static void windowed(double[] a, int k, double[] out) {
        for (int j = 0; j < out.length; j++) {
            out[j] = a[k + j] < 0 ? -a[k + j] : a[k + j];
        }
    }

    @Jit
    public static void shiftLeftInPlace(double[] a) {
        for (int i = 0; i < a.length - 1; i++) {
            a[i] = a[i + 1] > 0 ? a[i + 1] : 0;
        }
    }

    @Jit
    public static void absInt(int[] a, int[] out) {
        for (int i = 0; i < a.length; i++) {
            out[i] = a[i] < 0 ? -a[i] : a[i];
        }
    }

    @Jit
    public static void thresholdLong(long[] a, long limit, long[] out) {
        for (int i = 0; i <= a.length - 1; i++) {
            out[i] = a[i] > limit ? limit : a[i] ^ 0x5555L;
        }
    }

    @Jit
    public static void rowScale(double[][] m, int r, double factor) {
        double[] row = m[r];
        for (int c = 0; c < row.length; c++) {
            m[r][c] = m[r][c] > 1 ? m[r][c] * factor : m[r][c];
        }
    }

    @Jit
    public static void uniformCondition(double[] a, boolean negate, double[] out) {
        for (int i = 0; i < a.length; i++) {
            out[i] = negate ? -a[i] : a[i] * 2 > 1 ? 1 : a[i];
        }
    }

    /** A ternary after the loop must not disturb the loop (regression: shared stack temporaries). */
    @Jit
    public static double ternaryAfterLoop(double[] a, double[] out) {
        for (int i = 0; i < out.length; i++) {
            out[i] = a[i] > 0 ? a[i] : 0.0;
        }
        return out.length == 0 ? 1.0 : 2.0;
    }

    /** The induction variable as a double value: lanes {@code (double) i + lane}, exact. */
    @Jit
    public static void ramp(double[] a, double h, double[] out) {
        for (int i = 0; i < out.length; i++) {
            out[i] = a[i] > 0 ? i * h : a[i];
        }
    }

    /** The induction variable as an int value, beside an offset access. */
    @Jit
    public static void addIndex(int[] a, int[] out) {
        for (int i = 0; i < a.length - 1; i++) {
            out[i] = a[i + 1] > 0 ? a[i + 1] + i * 3 - (i >> 2) : i;
        }
    }

    /** The induction variable widened to long. */
    @Jit
    public static void scaleByIndex(long[] a, long[] out) {
        for (int i = 0; i < a.length; i++) {
            out[i] = a[i] > 0 ? a[i] * i : a[i] - i;
        }
    }

    /** The induction variable in a reduction (interleaved steps). */
    @Jit(fastmath = true)
    public static double weightedSum(double[] a) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += a[i] > 0 ? a[i] * i : a[i];
        }
        return sum;
    }

    /** A chained assignment over doubles: javac duplicates the value with dup2_x2. */
    @Jit
    public static void chainedStore(double[] x, double[] a, double[] b) {
        for (int i = 0; i < x.length; i++) {
            b[i] = a[i] = x[i] > 0 ? x[i] * 2.0 : 0.0;
        }
    }

    /** A chained assignment over ints (dup_x2) and longs (dup2_x1 through a long local). */
    @Jit
    public static long chainedMixed(int[] x, int[] a, int[] b, long[] c) {
        long last = 0;
        for (int i = 0; i < x.length; i++) {
            b[i] = a[i] = x[i] > 0 ? x[i] : -x[i];
        }
        for (int i = 0; i < c.length; i++) {
            last = c[i] = c[i] * 3;
        }
        return last;
    }
}
