package dev.stride.compiler.fuzz;

import java.util.Map;
import java.util.TreeMap;

/**
 * The counts of one kernel {@link Family} in a run: compiled, vectorised (per shape too), and for the rest the
 * first reason the compiler gave. For the newer families this shows whether the vectoriser takes their shapes
 * yet, and which rule stops it where it does not.
 */
final class FamilyStatistics {
    private final Family family;
    int compiled;
    int vectorized;
    final Map<String, Integer> notVectorized = new TreeMap<>();
    /** Per shape: compiled, vectorised. */
    private final Map<String, int[]> shapes = new TreeMap<>();

    FamilyStatistics(Family family) {
        this.family = family;
    }

    void add(KernelResult result) {
        compiled++;
        int[] shape = shapes.computeIfAbsent(result.kernel().shape().name(), name -> new int[2]);
        shape[0]++;
        if (result.vectorized()) {
            vectorized++;
            shape[1]++;
        } else {
            notVectorized.merge(result.optimisation(), 1, Integer::sum);
        }
    }

    /** @return the share of this family's compiled kernels that took the optimised path */
    double vectorizedShare() {
        return compiled == 0 ? 0 : (double) vectorized / compiled;
    }

    /** @return a few lines: totals, vectorised per shape, reasons */
    String format() {
        StringBuilder text = new StringBuilder();
        text.append(String.format(
                "family %s: %d compiled, %d vectorised (%.1f%%)%n",
                family.title(), compiled, vectorized, 100 * vectorizedShare()));
        if (family != Family.CLASSIC) {
            text.append("  vectorised/compiled by shape:");
            shapes.forEach((name, counts) -> text.append(String.format(" %s %d/%d", name, counts[1], counts[0])));
            text.append('\n');
        }
        text.append("  not vectorised, by reason:\n");
        notVectorized.forEach((reason, count) -> text.append(String.format("    %-32s %d%n", reason, count)));
        return text.toString();
    }
}
