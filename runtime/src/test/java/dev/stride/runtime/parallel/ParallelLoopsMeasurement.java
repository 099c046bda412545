package dev.stride.runtime.parallel;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * A JMH-free measurement for docs/parallel-runtime.md (not a test; run its {@code main}): the fixed cost of one
 * parallel call, and the time of a balanced and an uneven loop at 1 thread (the serial path) and at 2 and 4.
 *
 * <p>The kernels are static methods shared by every configuration, so they are compiled once, normally, rather
 * than on-stack-replaced in the serial case only. All configurations are warmed up first; then the timed rounds
 * go round-robin over the configurations so that a burst of load from other processes hits them all alike. Each
 * figure is the median of {@code ROUNDS}; on a shared machine the figures are indicative only.
 */
final class ParallelLoopsMeasurement {

    private static final int WARMUP = 20;
    private static final int ROUNDS = 21;
    private static final int LENGTH = 1 << 21;
    private static final double[] IN = new double[LENGTH];
    private static final double[] OUT = new double[LENGTH];

    private ParallelLoopsMeasurement() {}

    /** One measured configuration. */
    private record Case(String name, Runnable action, long[] nanos) {
        Case(String name, Runnable action) {
            this(name, action, new long[ROUNDS]);
        }

        double medianMillis() {
            long[] sorted = nanos.clone();
            Arrays.sort(sorted);
            return sorted[ROUNDS / 2] / 1e6;
        }
    }

    public static void main(String[] args) {
        Arrays.setAll(IN, i -> i * 1e-6);
        List<Case> cases = new ArrayList<>();
        for (int threads : new int[] {2, 4}) {
            cases.add(new Case(
                    "empty 4096-iteration loop, " + threads + " threads",
                    () -> ParallelLoops.forRange(0, 4096, 1, threads, (lo, hi) -> {})));
        }
        for (int threads : new int[] {1, 2, 4}) {
            cases.add(new Case(
                    "balanced sin*cos over 2^21 doubles, " + threads + " threads",
                    () -> ParallelLoops.forRange(0, LENGTH, 0, threads, ParallelLoopsMeasurement::balanced)));
            cases.add(new Case(
                    "uneven (first 1/8 costs 8x), " + threads + " threads",
                    () -> ParallelLoops.forRange(0, LENGTH, 0, threads, ParallelLoopsMeasurement::uneven)));
        }
        System.out.printf(
                Locale.ROOT,
                "cores %d, load average %.2f%n",
                Runtime.getRuntime().availableProcessors(),
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        for (int round = 0; round < WARMUP; round++) {
            cases.forEach(measured -> measured.action().run());
        }
        for (int round = 0; round < ROUNDS; round++) {
            for (Case measured : cases) {
                long start = System.nanoTime();
                measured.action().run();
                measured.nanos()[round] = System.nanoTime() - start;
            }
        }
        for (Case measured : cases) {
            System.out.printf(Locale.ROOT, "%-50s %9.3f ms%n", measured.name(), measured.medianMillis());
        }
    }

    static void balanced(int lo, int hi) {
        for (int i = lo; i < hi; i++) {
            OUT[i] = Math.sin(IN[i]) * Math.cos(IN[i]);
        }
    }

    static void uneven(int lo, int hi) {
        for (int i = lo; i < hi; i++) {
            int repeats = i < LENGTH / 8 ? 8 : 1;
            double value = IN[i];
            for (int r = 0; r < repeats; r++) {
                value = Math.sin(value) * Math.cos(value);
            }
            OUT[i] = value;
        }
    }
}
