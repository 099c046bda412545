package dev.stride.compiler.kernels;

import dev.stride.Jit;

/**
 * Minimum and maximum written as comparisons instead of {@code Math.min/max}: a ternary in both operand orders,
 * with each of {@code > >= < <=}, and the {@code if (x > m) m = x;} form. For {@code int} and {@code long} they are
 * the same as {@code Math.max/min} and vectorise; for {@code double} and {@code float} they differ (NaN elements are
 * skipped, a NaN start sticks, and a tie between {@code -0.0} and {@code 0.0} keeps the value the order of the
 * elements favours), so they vectorise only under fastmath.
 */
public final class TernaryReductionKernels {
    private TernaryReductionKernels() {}

    @Jit
    public static int maxIntGreater(int[] a) {
        int m = Integer.MIN_VALUE;
        for (int i = 0; i < a.length; i++) {
            m = a[i] > m ? a[i] : m;
        }
        return m;
    }

    @Jit
    public static int maxIntAccumulatorFirst(int[] a, int start) {
        int m = start;
        for (int i = 0; i < a.length; i++) {
            m = m < a[i] ? a[i] : m;
        }
        return m;
    }

    @Jit
    public static int minIntLessOrEqual(int[] a, int start) {
        int m = start;
        for (int i = 0; i < a.length; i++) {
            m = a[i] <= m ? a[i] : m;
        }
        return m;
    }

    @Jit
    public static int minIntElementLast(int[] a, int start) {
        int m = start;
        for (int i = 0; i < a.length; i++) {
            m = m >= a[i] ? m : a[i];
        }
        return m;
    }

    @Jit
    public static long maxLongIf(long[] a, long start) {
        long m = start;
        for (int i = 0; i < a.length; i++) {
            if (a[i] > m) {
                m = a[i];
            }
        }
        return m;
    }

    @Jit
    public static long minLongIfOfExpression(long[] a, long[] b, long start) {
        long m = start;
        for (int i = 0; i < a.length; i++) {
            if (m > a[i] - b[i]) {
                m = a[i] - b[i];
            }
        }
        return m;
    }

    @Jit
    public static double maxDoubleStrict(double[] a, double start) {
        double m = start;
        for (int i = 0; i < a.length; i++) {
            m = a[i] > m ? a[i] : m;
        }
        return m;
    }

    @Jit(fastmath = true)
    public static double maxDoubleFastmath(double[] a, double start) {
        double m = start;
        for (int i = 0; i < a.length; i++) {
            m = a[i] > m ? a[i] : m;
        }
        return m;
    }

    @Jit(fastmath = true)
    public static double minDoubleIfFastmath(double[] a, double start) {
        double m = start;
        for (int i = 0; i < a.length; i++) {
            if (a[i] <= m) {
                m = a[i];
            }
        }
        return m;
    }

    @Jit(fastmath = true)
    public static float maxFloatAccumulatorFirstFastmath(float[] a, float start) {
        float m = start;
        for (int i = 0; i < a.length; i++) {
            m = m < a[i] ? a[i] : m;
        }
        return m;
    }

    @Jit(fastmath = true)
    public static float maxFloatTakingNaN(float[] a, float start) {
        float m = start;
        for (int i = 0; i < a.length; i++) {
            m = m >= a[i] ? m : a[i];
        }
        return m;
    }

    @Jit
    public static int liveOutLastMax(int[] a, int[] out) {
        int m = Integer.MIN_VALUE;
        int last = 0;
        for (int i = 0; i < a.length; i++) {
            m = a[i] > m ? a[i] : m;
            out[i] = a[i];
            last = a[i];
        }
        return m + last;
    }

    @Jit
    public static int maxIntWithStores(int[] a, int[] out) {
        int m = Integer.MIN_VALUE;
        for (int i = 0; i < out.length; i++) {
            if (a[i] >= m) {
                m = a[i];
            }
            out[i] = a[i] * 2;
        }
        return m;
    }

    private static long larger(long x, long y) {
        return x > y ? x : y;
    }

    @Jit
    public static long maxLongThroughHelper(long[] a, long start) {
        long m = start;
        for (int i = 0; i < a.length; i++) {
            m = larger(m, a[i]);
        }
        return m;
    }

    @Jit
    public static int maxIntAssignedAndStored(int[] a, int[] out) {
        int m = Integer.MIN_VALUE;
        for (int i = 0; i < out.length; i++) {
            out[i] = (m = a[i] > m ? a[i] : m);
        }
        return m;
    }

    @Jit
    public static int maxIntReadElsewhere(int[] a, int[] out) {
        int m = Integer.MIN_VALUE;
        for (int i = 0; i < out.length; i++) {
            m = a[i] > m ? a[i] : m;
            out[i] = m;
        }
        return m;
    }

    @Jit
    public static int notAReductionMixedDirections(int[] a, int start) {
        int m = start;
        for (int i = 0; i < a.length; i++) {
            m = a[i] > m ? m : a[i];
            m = a[i] > m ? a[i] : m;
        }
        return m;
    }
}
