package dev.stride.runtime.parallel;

/** The documented chunk-order fold of a {@code double} sum, written out from the plan, for oracle use. */
final class ChunkOrderOracle {

    private ChunkOrderOracle() {}

    static double chunkOrderSum(double[] values, int lo, int hi, int threads, double initial) {
        ChunkPlan plan = ParallelLoops.plan(lo, hi, threads);
        double result = 0;
        for (int chunk = 0; chunk < plan.chunks(); chunk++) {
            double partial = chunk == 0 ? initial : -0.0;
            for (int i = plan.start(chunk); i < plan.end(chunk); i++) {
                partial += values[i];
            }
            result = chunk == 0 ? partial : result + partial;
        }
        return result;
    }
}
