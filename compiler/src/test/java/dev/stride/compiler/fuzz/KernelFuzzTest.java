package dev.stride.compiler.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Differential fuzzing on every build: a fixed-seed sample of generated kernels, each compiled by javac and by
 * Stride and run plain and rewritten on the same random inputs: no invalid Java, no mismatch, at least half of
 * the classic kernels vectorised, and at least 20 kernels of every family (the newer families are counted
 * apart: the vectoriser takes their shapes one at a time). Long runs: {@link KernelFuzzMain}
 * ({@code docs/fuzzing.md}).
 */
class KernelFuzzTest {
    private static final long SEED = 20261122L;
    private static final int KERNELS = 300;
    private static final int TRIALS = 56;

    @Test
    void fixedSeedSample_matchesPlainJavaAndMostlyVectorises() {
        FuzzCampaign campaign = new FuzzCampaign(SEED, TRIALS, System.out);

        FuzzStatistics statistics = campaign.run(KERNELS);

        System.out.print(statistics.format());
        if (!statistics.failures.isEmpty()) {
            new KernelShrinker(campaign.runner(), campaign.inputSeed(), 300)
                    .shrink(statistics.failures.getFirst(), System.out);
        }
        assertEquals(
                0,
                statistics.notCompiled.size(),
                () -> "generator produced invalid Java: "
                        + statistics.notCompiled.getFirst().optimisation());
        assertEquals(
                0,
                statistics.failures.size(),
                () -> statistics.failures.stream()
                        .map(f -> f.kernel().name() + ": " + f.failure())
                        .collect(Collectors.joining("\n")));
        FamilyStatistics classic = statistics.families.get(Family.CLASSIC);
        assertTrue(classic.vectorizedShare() >= 0.5, statistics::format);
        for (FamilyStatistics family : statistics.families.values()) {
            assertTrue(family.compiled >= 20, statistics::format);
        }
    }
}
