package dev.stride.compiler.fuzz;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Counts of a fuzzing run: generated, compiled, vectorised, failed, and why kernels were not vectorised. */
final class FuzzStatistics {
    int generated;
    int compiled;
    int vectorized;
    int outerVectorized;
    int fastmath;
    final Map<String, Integer> notVectorized = new TreeMap<>();
    final List<KernelResult> failures = new ArrayList<>();
    final List<KernelResult> notCompiled = new ArrayList<>();

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
        } else {
            notVectorized.merge(result.optimisation(), 1, Integer::sum);
        }
    }

    /** @return the share of compiled kernels that took the optimised path */
    double vectorizedShare() {
        return compiled == 0 ? 0 : (double) vectorized / compiled;
    }

    /** @return a multi-line summary */
    String format() {
        StringBuilder text = new StringBuilder();
        text.append(String.format(
                "generated %d, compiled %d, vectorised %d (%.1f%%; %d outer-loop), fastmath %d, mismatches %d%n",
                generated, compiled, vectorized, 100 * vectorizedShare(), outerVectorized, fastmath, failures.size()));
        text.append("not vectorised, by reason:\n");
        notVectorized.forEach((reason, count) -> text.append(String.format("  %-32s %d%n", reason, count)));
        return text.toString();
    }
}
