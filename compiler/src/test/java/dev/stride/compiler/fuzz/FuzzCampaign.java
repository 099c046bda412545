package dev.stride.compiler.fuzz;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

/**
 * A fuzzing run: generate kernels from a seed, run them in batches through {@link KernelRunner}, count. The test
 * and the long-running main share it, so the fixed-seed sample and long runs exercise the same code.
 */
final class FuzzCampaign {
    private static final int BATCH = 25;

    private final long seed;
    private final int trials;
    private final PrintStream log;
    private final KernelRunner runner;
    private boolean verbose;
    private Family only;

    /**
     * A campaign.
     *
     * @param seed the seed of kernels and arguments
     * @param trials calls per kernel
     * @param log where progress and failures go, or null
     */
    FuzzCampaign(long seed, int trials, PrintStream log) {
        this.seed = seed;
        this.trials = trials;
        this.log = log;
        this.runner = new KernelRunner(trials);
    }

    /**
     * Also prints every passing kernel with its verdict.
     *
     * @return this campaign
     */
    FuzzCampaign verbose() {
        verbose = true;
        return this;
    }

    /**
     * Generates only one family of kernels.
     *
     * @param family the family, or null for the usual mix
     * @return this campaign
     */
    FuzzCampaign only(Family family) {
        only = family;
        return this;
    }

    /** @return the runner, for shrinking with the same settings */
    KernelRunner runner() {
        return runner;
    }

    /** @return the seed of the arguments */
    long inputSeed() {
        return seed * 31 + 7;
    }

    /**
     * Runs.
     *
     * @param kernels how many kernels to generate
     * @return the counts
     */
    FuzzStatistics run(int kernels) {
        KernelGenerator generator = new KernelGenerator(seed, only);
        FuzzStatistics statistics = new FuzzStatistics();
        long started = System.nanoTime();
        for (int first = 0; first < kernels; first += BATCH) {
            List<Kernel> batch = new ArrayList<>();
            for (int k = first; k < Math.min(kernels, first + BATCH); k++) {
                batch.add(generator.next("k" + k));
            }
            for (KernelResult result : runner.run(batch, inputSeed())) {
                statistics.add(result);
                report(result);
            }
            if (log != null && (first / BATCH) % 40 == 39) {
                log.printf(
                        "%d kernels, %d vectorised, %d mismatches, %.0f s%n",
                        statistics.generated,
                        statistics.vectorized,
                        statistics.failures.size(),
                        (System.nanoTime() - started) / 1e9);
            }
        }
        return statistics;
    }

    /**
     * Regenerates one kernel of this campaign and runs it alone, as the shrinker will.
     *
     * @param name the kernel's name, {@code k} and its number
     * @return its result
     */
    KernelResult runAlone(String name) {
        KernelGenerator generator = new KernelGenerator(seed, only);
        int number = Integer.parseInt(name.substring(1));
        Kernel kernel = null;
        for (int k = 0; k <= number; k++) {
            kernel = generator.next("k" + k);
        }
        return runner.run(List.of(kernel), inputSeed()).getFirst();
    }

    private void report(KernelResult result) {
        if (verbose && log != null && result.status() == KernelResult.Status.PASSED) {
            log.println("kernel " + result.kernel().name() + ": " + result.optimisation());
            log.print(KernelSource.render(result.kernel()));
        }
        if (log == null || result.status() == KernelResult.Status.PASSED) {
            return;
        }
        String what = result.status() == KernelResult.Status.FAILED ? "MISMATCH " + result.failure() : "NOT COMPILED";
        log.println("seed " + seed + " kernel " + result.kernel().name() + ": " + what + " (" + result.optimisation()
                + ")");
        log.print(KernelSource.render(result.kernel()));
    }
}
