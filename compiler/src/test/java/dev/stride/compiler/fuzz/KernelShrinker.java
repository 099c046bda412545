package dev.stride.compiler.fuzz;

import java.io.PrintStream;
import java.util.List;

/**
 * Reduces a failing kernel to a small one that still fails, by greedy descent over {@link KernelEdits}: take
 * the first one-step simplification that still fails (the same arguments are replayed, since they derive from
 * the seed and the kernel's name), repeat until no simplification fails or the attempt budget is spent.
 * "Fails" means any {@link KernelResult.Status#FAILED} outcome: a mismatch, a compiler error or a crash.
 */
public final class KernelShrinker {
    private final KernelRunner runner;
    private final long inputSeed;
    private final int budget;
    private int attempts;

    /**
     * A shrinker.
     *
     * @param runner runs candidates (the same trial count as the run that found the failure)
     * @param inputSeed the seed the failure was found with
     * @param budget the most candidates to try
     */
    KernelShrinker(KernelRunner runner, long inputSeed, int budget) {
        this.runner = runner;
        this.inputSeed = inputSeed;
        this.budget = budget;
    }

    /**
     * Shrinks a failing kernel.
     *
     * @param failing a kernel that fails
     * @param log where to print progress and the result, or null
     * @return the smallest failing kernel found, with its failure
     */
    KernelResult shrink(KernelResult failing, PrintStream log) {
        KernelResult current = failing;
        boolean progress = true;
        while (progress && attempts < budget) {
            progress = false;
            for (Kernel candidate : KernelEdits.candidates(current.kernel())) {
                if (attempts++ >= budget) {
                    break;
                }
                KernelResult result = runner.run(List.of(candidate), inputSeed).getFirst();
                if (result.status() == KernelResult.Status.FAILED) {
                    current = result;
                    progress = true;
                    break;
                }
            }
        }
        if (log != null) {
            log.println(
                    "shrunk after " + attempts + " attempts (" + current.optimisation() + "): " + current.failure());
            log.print(KernelSource.render(current.kernel()));
        }
        return current;
    }
}
