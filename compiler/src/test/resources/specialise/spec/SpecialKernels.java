package spec;

import dev.stride.ElementKind;
import dev.stride.Jit;

/**
 * Kernels specialised by the tests, each followed by the version of the new type written by hand, which is the
 * oracle: Stride's specialisation must give the same results and exceptions.
 */
public final class SpecialKernels {
    private SpecialKernels() {}

    @Jit(fastmath = true, alsoFor = ElementKind.FLOAT)
    public static double sum(double[] a) {
        double total = 0;
        for (int i = 0; i < a.length; i++) {
            total += a[i];
        }
        return total;
    }

    public static float sumByHand(float[] a) {
        float total = 0;
        for (int i = 0; i < a.length; i++) {
            total += a[i];
        }
        return total;
    }

    @Jit(alsoFor = ElementKind.FLOAT)
    public static double sumExact(double[] a) {
        double total = 0;
        for (int i = 0; i < a.length; i++) {
            total += a[i];
        }
        return total;
    }

    public static float sumExactByHand(float[] a) {
        float total = 0;
        for (int i = 0; i < a.length; i++) {
            total += a[i];
        }
        return total;
    }

    /** Mean and variance into {@code out[0..1]}; the standard deviation as result (Math.sqrt computed in double). */
    @Jit(alsoFor = ElementKind.FLOAT)
    public static double meanVariance(double[] a, double[] out) {
        double mean = 0;
        for (int i = 0; i < a.length; i++) {
            mean += a[i];
        }
        mean /= a.length;
        double squares = 0;
        for (int i = 0; i < a.length; i++) {
            double d = a[i] - mean;
            squares += d * d;
        }
        double variance = squares / (a.length - 1);
        out[0] = mean;
        out[1] = variance;
        return Math.sqrt(variance) * 0.5 + Math.pow(mean, 2.0) * 0.1;
    }

    public static float meanVarianceByHand(float[] a, float[] out) {
        float mean = 0;
        for (int i = 0; i < a.length; i++) {
            mean += a[i];
        }
        mean /= a.length;
        float squares = 0;
        for (int i = 0; i < a.length; i++) {
            float d = a[i] - mean;
            squares += d * d;
        }
        float variance = squares / (a.length - 1);
        out[0] = mean;
        out[1] = variance;
        return (float) Math.sqrt(variance) * 0.5f + (float) Math.pow(mean, 2.0f) * 0.1f;
    }

    /** A clamp with a conditional, scalar parameters of the substituted type and a Math overload. */
    @Jit(alsoFor = ElementKind.FLOAT)
    public static void clamp(double[] a, double lo, int scale, double hi, double[] out) {
        for (int i = 0; i < a.length; i++) {
            double x = a[i] * scale;
            if (x < lo) {
                x = lo;
            }
            out[i] = Math.min(x, hi) + 0.1;
        }
    }

    public static void clampByHand(float[] a, float lo, int scale, float hi, float[] out) {
        for (int i = 0; i < a.length; i++) {
            float x = a[i] * scale;
            if (x < lo) {
                x = lo;
            }
            out[i] = Math.min(x, hi) + 0.1f;
        }
    }

    /** long to int: wrap-around arithmetic, shifts, comparisons, Math.abs and exact arithmetic. */
    @Jit(alsoFor = ElementKind.INT)
    public static long mix(long[] a, long[] b, long k, long[] out) {
        long total = 0;
        for (int i = 0; i < a.length; i++) {
            long v = a[i] * k + (b[i] >> 3) - (a[i] >>> 60);
            out[i] = v > k ? Math.abs(v) : v ^ b[i];
            total += v;
        }
        long last = a.length == 0 ? 1L : Math.addExact(a[0], 1L);
        return total + last + 7L;
    }

    public static int mixByHand(int[] a, int[] b, int k, int[] out) {
        int total = 0;
        for (int i = 0; i < a.length; i++) {
            int v = a[i] * k + (b[i] >> 3) - (a[i] >>> 60);
            out[i] = v > k ? Math.abs(v) : v ^ b[i];
            total += v;
        }
        int last = a.length == 0 ? 1 : Math.addExact(a[0], 1);
        return total + last + 7;
    }

    /** long to int: a vectorisable map with a conditional wrapping sum. */
    @Jit(alsoFor = ElementKind.INT)
    public static long axpy(long alpha, long[] x, long[] y) {
        long total = 0;
        for (int i = 0; i < x.length; i++) {
            long v = alpha * x[i] + y[i];
            y[i] = v;
            if (v > alpha) {
                total += v;
            }
        }
        return total;
    }

    public static int axpyByHand(int alpha, int[] x, int[] y) {
        int total = 0;
        for (int i = 0; i < x.length; i++) {
            int v = alpha * x[i] + y[i];
            y[i] = v;
            if (v > alpha) {
                total += v;
            }
        }
        return total;
    }
    /**
     * Chained assignments and a discarded result: stack instructions whose form depends on value sizes. Not a
     * {@code @Jit} kernel (Stride's lifter does not take {@code DUP2_X2} yet), so the test substitutes it directly.
     */
    public static double prefix(double[] a, double[] out, double[] copy) {
        double run = 0;
        for (int i = 0; i < a.length; i++) {
            copy[i] = out[i] = run += a[i];
            Math.abs(run);
        }
        return run;
    }

    public static float prefixByHand(float[] a, float[] out, float[] copy) {
        float run = 0;
        for (int i = 0; i < a.length; i++) {
            copy[i] = out[i] = run += a[i];
            Math.abs(run);
        }
        return run;
    }
    /** A checked exception thrown by the kernel itself: the overloads must throw it unchanged. */
    @Jit(alsoFor = ElementKind.FLOAT)
    public static double checkedSum(double[] a) throws java.io.IOException {
        if (a.length == 0) {
            throw new java.io.IOException("empty input");
        }
        double total = 0;
        for (int i = 0; i < a.length; i++) {
            total += a[i];
        }
        return total;
    }

    public static float checkedSumByHand(float[] a) throws java.io.IOException {
        if (a.length == 0) {
            throw new java.io.IOException("empty input");
        }
        float total = 0;
        for (int i = 0; i < a.length; i++) {
            total += a[i];
        }
        return total;
    }
}
