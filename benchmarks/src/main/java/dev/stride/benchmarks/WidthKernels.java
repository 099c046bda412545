package dev.stride.benchmarks;

import dev.stride.Jit;
import dev.stride.SimdWidth;

/**
 * The same kernels as {@link BenchKernels}, each compiled at both SIMD widths through {@code @Jit(width = ...)},
 * so {@link WidthBenchmarks} can compare 256-bit and 512-bit code in one run: a streaming reduction, a
 * compute-bound map ({@code Math.exp}) and the outer-loop vectorised window nest.
 */
public final class WidthKernels {
    private WidthKernels() {}

    /** Sum at 256 bits. */
    @Jit(fastmath = true, width = SimdWidth.BITS_256)
    public static double sum256(double[] a) {
        double total = 0;
        for (int i = 0; i < a.length; i++) {
            total += a[i];
        }
        return total;
    }

    /** Sum at 512 bits. */
    @Jit(fastmath = true, width = SimdWidth.BITS_512)
    public static double sum512(double[] a) {
        double total = 0;
        for (int i = 0; i < a.length; i++) {
            total += a[i];
        }
        return total;
    }

    /** {@code Math.exp} map at 256 bits. */
    @Jit(fastmath = true, width = SimdWidth.BITS_256)
    public static void exp256(double[] a, double[] out) {
        for (int i = 0; i < a.length; i++) {
            out[i] = Math.exp(a[i]);
        }
    }

    /** {@code Math.exp} map at 512 bits. */
    @Jit(fastmath = true, width = SimdWidth.BITS_512)
    public static void exp512(double[] a, double[] out) {
        for (int i = 0; i < a.length; i++) {
            out[i] = Math.exp(a[i]);
        }
    }

    /** Rolling two-pass standard deviation over windows of n at 256 bits (outer-loop vectorised). */
    @Jit(width = SimdWidth.BITS_256)
    public static void rollingStd256(double[] x, int n, double[] mean, double[] std) {
        for (int k = 0; k + n <= x.length; k++) {
            double m = mean[k];
            double acc = 0;
            for (int j = 0; j < n; j++) {
                double d = x[k + j] - m;
                acc += d * d;
            }
            std[k] = Math.sqrt(acc / n);
        }
    }

    /** Rolling two-pass standard deviation over windows of n at 512 bits (outer-loop vectorised). */
    @Jit(width = SimdWidth.BITS_512)
    public static void rollingStd512(double[] x, int n, double[] mean, double[] std) {
        for (int k = 0; k + n <= x.length; k++) {
            double m = mean[k];
            double acc = 0;
            for (int j = 0; j < n; j++) {
                double d = x[k + j] - m;
                acc += d * d;
            }
            std[k] = Math.sqrt(acc / n);
        }
    }
}
