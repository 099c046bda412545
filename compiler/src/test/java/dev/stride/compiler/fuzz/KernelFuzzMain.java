package dev.stride.compiler.fuzz;

import java.io.PrintStream;
import java.util.List;
import java.util.Locale;

/**
 * Long fuzzing runs from the command line (see {@code docs/fuzzing.md}):
 *
 * <pre>
 * KernelFuzzMain --kernels 10000 --seed 1 [--trials 56] [--shrink 2] [--verbose true] [--family scan]
 * KernelFuzzMain --seed 1 [--family scan] --shrink-kernel k13
 * </pre>
 *
 * Prints each failing kernel as it is found, the counts at the end, and shrinks the first few failures. Exits
 * with status 1 when any kernel failed.
 */
public final class KernelFuzzMain {
    private KernelFuzzMain() {}

    /**
     * Runs a campaign.
     *
     * @param arguments {@code --kernels N --seed S [--trials T] [--shrink K] [--verbose true] [--family F]
     *     [--shrink-kernel kN]}, F one of {@code classic conversion scan carried} (default: the usual mix)
     */
    public static void main(String[] arguments) {
        int kernels = 1000;
        long seed = 1;
        int trials = 56;
        int shrink = 2;
        boolean verbose = false;
        String only = null;
        Family family = null;
        List<String> list = List.of(arguments);
        for (int k = 0; k + 1 < list.size(); k += 2) {
            String value = list.get(k + 1);
            switch (list.get(k)) {
                case "--kernels" -> kernels = Integer.parseInt(value);
                case "--seed" -> seed = Long.parseLong(value);
                case "--trials" -> trials = Integer.parseInt(value);
                case "--shrink" -> shrink = Integer.parseInt(value);
                case "--verbose" -> verbose = Boolean.parseBoolean(value);
                case "--shrink-kernel" -> only = value;
                case "--family" -> family = Family.valueOf(value.toUpperCase(Locale.ROOT));
                default -> throw new IllegalArgumentException("unknown option " + list.get(k));
            }
        }
        PrintStream out = System.out;
        long started = System.nanoTime();
        FuzzCampaign campaign = new FuzzCampaign(seed, trials, out).only(family);
        if (only != null) {
            KernelResult result = campaign.runAlone(only);
            out.println(only + ": " + result.status() + " " + result.failure());
            if (result.status() == KernelResult.Status.FAILED) {
                new KernelShrinker(campaign.runner(), campaign.inputSeed(), 3000).shrink(result, out);
            }
            return;
        }
        if (verbose) {
            campaign.verbose();
        }
        FuzzStatistics statistics = campaign.run(kernels);
        out.printf(
                "seed %d, %s, %d trials per kernel, %.0f s%n",
                seed,
                family == null ? "every family" : "family " + family.title(),
                trials,
                (System.nanoTime() - started) / 1e9);
        out.print(statistics.format());
        for (KernelResult failure : statistics.failures.subList(0, Math.min(shrink, statistics.failures.size()))) {
            new KernelShrinker(campaign.runner(), campaign.inputSeed(), 2000).shrink(failure, out);
        }
        System.exit(statistics.failures.isEmpty() && statistics.notCompiled.isEmpty() ? 0 : 1);
    }
}
