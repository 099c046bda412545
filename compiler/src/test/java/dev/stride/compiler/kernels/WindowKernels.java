package dev.stride.compiler.kernels;

import dev.stride.Jit;

/** Loop nests over sliding windows, for outer-loop vectorisation: test input for the compiler. */
public final class WindowKernels {
    private WindowKernels() {}

    @Jit
    public static void rollingMean(double[] x, int from, int to, int n, double[] mean) {
        int windows = to - from - n + 1;
        for (int k = 0; k < windows; k++) {
            int start = from + k;
            double acc = 0.0;
            for (int j = 0; j < n; j++) {
                acc += x[start + j];
            }
            mean[start + n - 1] = acc / n;
        }
    }

    @Jit
    public static void rollingStd(double[] x, int from, int to, int n, double[] mean, double[] std) {
        int windows = to - from - n + 1;
        for (int k = 0; k < windows; k++) {
            int start = from + k;
            double m = mean[start + n - 1];
            double acc = 0.0;
            for (int j = 0; j < n; j++) {
                double d = x[start + j] - m;
                acc += d * d;
            }
            std[start + n - 1] = Math.sqrt(acc / n);
        }
    }

    @Jit
    public static void meanAndMax(double[] x, int n, double[] mean, double[] max) {
        for (int k = 0; k + n <= x.length; k++) {
            double sum = 0;
            for (int j = 0; j < n; j++) {
                sum += x[k + j];
            }
            double best = Double.NEGATIVE_INFINITY;
            for (int j = 0; j < n; j++) {
                best = Math.max(best, x[k + j]);
            }
            mean[k] = sum / n;
            max[k] = best;
        }
    }

    @Jit
    public static void inPlaceSmoothing(double[] x, int n) {
        for (int k = 0; k < x.length - n; k++) {
            double acc = 0;
            for (int j = 0; j < n; j++) {
                acc += x[k + j];
            }
            x[k] = acc / n;
        }
    }
}
