package dev.stride.runtime.parallel;

/**
 * The parallel half of every {@link ParallelLoops} entry point: runs the chunks of a plan, keeps one partial per
 * chunk, and folds the partials left to right in chunk order once every chunk has finished.
 *
 * <p>The first chunk starts from the caller's initial value and every other chunk from the operator's identity,
 * so the result is {@code p0 op p1 op ... op pLast} with {@code p0} already holding the initial value; a plan of
 * one chunk is exactly the serial loop. Partials live in one array slot per chunk, written by the worker that ran
 * the chunk and read by the caller after the run's latch, which orders the writes before the reads.
 */
final class ChunkReductions {

    private ChunkReductions() {}

    static void forEach(ChunkPlan plan, int threads, ChunkBody body) {
        new ChunkedRun(plan, (chunk, lo, hi) -> body.run(lo, hi)).execute(threads);
    }

    static int reduceInt(ChunkPlan plan, int threads, ReductionOperator operator, int initial, IntChunkReducer body) {
        int[] partials = new int[plan.chunks()];
        int identity = operator.identityInt();
        new ChunkedRun(plan, (chunk, lo, hi) -> partials[chunk] = body.reduce(lo, hi, chunk == 0 ? initial : identity))
                .execute(threads);
        int result = partials[0];
        for (int chunk = 1; chunk < partials.length; chunk++) {
            result = operator.applyInt(result, partials[chunk]);
        }
        return result;
    }

    static long reduceLong(
            ChunkPlan plan, int threads, ReductionOperator operator, long initial, LongChunkReducer body) {
        long[] partials = new long[plan.chunks()];
        long identity = operator.identityLong();
        new ChunkedRun(plan, (chunk, lo, hi) -> partials[chunk] = body.reduce(lo, hi, chunk == 0 ? initial : identity))
                .execute(threads);
        return foldLongs(operator, partials);
    }

    static float reduceFloat(
            ChunkPlan plan, int threads, ReductionOperator operator, float initial, FloatChunkReducer body) {
        float[] partials = new float[plan.chunks()];
        float identity = operator.identityFloat();
        new ChunkedRun(plan, (chunk, lo, hi) -> partials[chunk] = body.reduce(lo, hi, chunk == 0 ? initial : identity))
                .execute(threads);
        float result = partials[0];
        for (int chunk = 1; chunk < partials.length; chunk++) {
            result = operator.applyFloat(result, partials[chunk]);
        }
        return result;
    }

    static double reduceDouble(
            ChunkPlan plan, int threads, ReductionOperator operator, double initial, DoubleChunkReducer body) {
        double[] partials = new double[plan.chunks()];
        double identity = operator.identityDouble();
        new ChunkedRun(plan, (chunk, lo, hi) -> partials[chunk] = body.reduce(lo, hi, chunk == 0 ? initial : identity))
                .execute(threads);
        return foldDoubles(operator, partials);
    }

    /**
     * Several reductions at once: chunk 0 gets copies of the caller's slots, the others identity slots; the
     * caller's slots receive the slot-by-slot fold. On failure the caller's slots are left as they were.
     */
    static void reduceSlots(
            ChunkPlan plan,
            int threads,
            ReductionOperator[] longOperators,
            long[] longSlots,
            ReductionOperator[] doubleOperators,
            double[] doubleSlots,
            SlotChunkReducer body) {
        long[][] longPartials = new long[plan.chunks()][];
        double[][] doublePartials = new double[plan.chunks()][];
        new ChunkedRun(plan, (chunk, lo, hi) -> {
                    long[] longs = chunk == 0 ? longSlots.clone() : longIdentities(longOperators);
                    double[] doubles = chunk == 0 ? doubleSlots.clone() : doubleIdentities(doubleOperators);
                    body.reduce(lo, hi, longs, doubles);
                    longPartials[chunk] = longs;
                    doublePartials[chunk] = doubles;
                })
                .execute(threads);
        long[] longColumn = new long[plan.chunks()];
        for (int slot = 0; slot < longSlots.length; slot++) {
            for (int chunk = 0; chunk < longColumn.length; chunk++) {
                longColumn[chunk] = longPartials[chunk][slot];
            }
            longSlots[slot] = foldLongs(longOperators[slot], longColumn);
        }
        double[] doubleColumn = new double[plan.chunks()];
        for (int slot = 0; slot < doubleSlots.length; slot++) {
            for (int chunk = 0; chunk < doubleColumn.length; chunk++) {
                doubleColumn[chunk] = doublePartials[chunk][slot];
            }
            doubleSlots[slot] = foldDoubles(doubleOperators[slot], doubleColumn);
        }
    }

    private static long foldLongs(ReductionOperator operator, long[] partials) {
        long result = partials[0];
        for (int chunk = 1; chunk < partials.length; chunk++) {
            result = operator.applyLong(result, partials[chunk]);
        }
        return result;
    }

    private static double foldDoubles(ReductionOperator operator, double[] partials) {
        double result = partials[0];
        for (int chunk = 1; chunk < partials.length; chunk++) {
            result = operator.applyDouble(result, partials[chunk]);
        }
        return result;
    }

    private static long[] longIdentities(ReductionOperator[] operators) {
        long[] identities = new long[operators.length];
        for (int slot = 0; slot < operators.length; slot++) {
            identities[slot] = operators[slot].identityLong();
        }
        return identities;
    }

    private static double[] doubleIdentities(ReductionOperator[] operators) {
        double[] identities = new double[operators.length];
        for (int slot = 0; slot < operators.length; slot++) {
            identities[slot] = operators[slot].identityDouble();
        }
        return identities;
    }
}
