package dev.stride.compiler.fuzz;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Counts of a fuzzing run: generated, compiled, vectorised, failed, and per kernel {@link Family} how many were
 * vectorised and why the rest were not ({@link FamilyStatistics}).
 */
final class FuzzStatistics {
    int generated;
    int compiled;
    int vectorized;
    int outerVectorized;
    int fastmath;
    final Map<Family, FamilyStatistics> families = new EnumMap<>(Family.class);
    final List<KernelResult> failures = new ArrayList<>();
    final List<KernelResult> notCompiled = new ArrayList<>();

    FuzzStatistics() {
        for (Family family : Family.values()) {
            families.put(family, new FamilyStatistics(family));
        }
    }

    void add(KernelResult result) {
        generated++;
        if (result.status() == KernelResult.Status.NOT_COMPILED) {
            notCompiled.add(result);
            return;
        }
        compiled++;
        fastmath += result.kernel().fastmath() ? 1 : 0;
        if (result.status() == KernelResult.Status.FAILED) {
            failures.add(result);
        }
        if (result.vectorized()) {
            vectorized++;
            outerVectorized += result.optimisation().equals("outer-vectorized") ? 1 : 0;
        }
        families.get(result.kernel().shape().family()).add(result);
    }

    /** @return the share of compiled kernels that took the optimised path */
    double vectorizedShare() {
        return compiled == 0 ? 0 : (double) vectorized / compiled;
    }

    /** @return a multi-line summary: totals, then each family that occurred with its shapes and reasons */
    String format() {
        StringBuilder text = new StringBuilder();
        text.append(String.format(
                "generated %d, compiled %d, vectorised %d (%.1f%%; %d outer-loop), fastmath %d, mismatches %d%n",
                generated, compiled, vectorized, 100 * vectorizedShare(), outerVectorized, fastmath, failures.size()));
        families.values().stream()
                .filter(family -> family.compiled > 0)
                .forEach(family -> text.append(family.format()));
        return text.toString();
    }
}
