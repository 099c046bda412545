package dev.stride.runtime.parallel;

import java.util.Arrays;
import java.util.Locale;

/**
 * A JMH-free measurement for docs/parallel-runtime.md (not a test; run its {@code main}): the fixed cost of one
 * parallel call, and the time of a balanced and an uneven loop at 1 thread (the serial path) and at 2 and 4.
 * Each figure is the median of {@code ROUNDS} timed rounds after {@code WARMUP} untimed ones; on a shared
 * machine the figures are indicative only.
 */
final class ParallelLoopsMeasurement {

    private static final int WARMUP = 15;
    private static final int ROUNDS = 15;
    private static final int LENGTH = 1 << 21;

    private ParallelLoopsMeasurement() {}

    public static void main(String[] args) {
        double[] in = new double[LENGTH];
        Arrays.setAll(in, i -> i * 1e-6);
        double[] out = new double[LENGTH];
        System.out.printf(
                Locale.ROOT,
                "cores %d, load average %.2f%n",
                Runtime.getRuntime().availableProcessors(),
                java.lang.management.ManagementFactory.getOperatingSystemMXBean()
                        .getSystemLoadAverage());
        for (int threads : new int[] {2, 4}) {
            double micros = medianNanos(() -> ParallelLoops.forRange(0, 4096, 1, threads, (lo, hi) -> {})) / 1e3;
            System.out.printf(
                    Locale.ROOT, "empty 4096-iteration loop, %d threads: %.1f us per call%n", threads, micros);
        }
        for (int threads : new int[] {1, 2, 4}) {
            double balanced = medianNanos(() -> ParallelLoops.forRange(0, LENGTH, 0, threads, (lo, hi) -> {
                        for (int i = lo; i < hi; i++) {
                            out[i] = Math.sin(in[i]) * Math.cos(in[i]);
                        }
                    }))
                    / 1e6;
            double uneven = medianNanos(() -> ParallelLoops.forRange(0, LENGTH, 0, threads, (lo, hi) -> {
                        for (int i = lo; i < hi; i++) {
                            int repeats = i < LENGTH / 8 ? 8 : 1;
                            double value = in[i];
                            for (int r = 0; r < repeats; r++) {
                                value = Math.sin(value) * Math.cos(value);
                            }
                            out[i] = value;
                        }
                    }))
                    / 1e6;
            System.out.printf(
                    Locale.ROOT,
                    "%d threads: balanced sin*cos over 2^21 doubles %.2f ms, uneven (first 1/8 costs 8x) %.2f ms%n",
                    threads,
                    balanced,
                    uneven);
        }
        System.out.println(ParallelLoops.counters());
    }

    private static double medianNanos(Runnable action) {
        for (int round = 0; round < WARMUP; round++) {
            action.run();
        }
        long[] nanos = new long[ROUNDS];
        for (int round = 0; round < ROUNDS; round++) {
            long start = System.nanoTime();
            action.run();
            nanos[round] = System.nanoTime() - start;
        }
        Arrays.sort(nanos);
        return nanos[ROUNDS / 2];
    }
}
