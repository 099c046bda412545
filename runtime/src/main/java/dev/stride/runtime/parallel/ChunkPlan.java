package dev.stride.runtime.parallel;

import java.util.Arrays;

/**
 * How a parallel loop over {@code [lo, hi)} is cut into contiguous chunks; a pure function of {@code (lo, hi,
 * threads)}, so a reduction combined in chunk order gives the same bits on every run with the same thread count.
 *
 * <p>The rule: with trip count {@code n = hi - lo} (0 when {@code hi <= lo}), the plan has {@code chunks =
 * min(n, CHUNKS_PER_THREAD * threads)} chunks, and chunk {@code k} covers {@code [lo + floor(k * n / chunks),
 * lo + floor((k + 1) * n / chunks))}. Chunk sizes therefore differ by at most one, and the arithmetic is done in
 * {@code long} so the full {@code int} range cannot overflow. Several chunks per thread leave idle workers
 * something to steal when iterations cost unevenly.
 *
 * @param lo the first iteration
 * @param hi one past the last iteration
 * @param chunks the number of chunks, 0 only for an empty range
 */
public record ChunkPlan(int lo, int hi, int chunks) {

    /** Chunks per worker thread: enough for work stealing to even out uneven iterations, few enough to be cheap. */
    public static final int CHUNKS_PER_THREAD = 4;

    /** Checks that every chunk is non-empty. */
    public ChunkPlan {
        long tripCount = Math.max(0L, (long) hi - lo);
        if (chunks < 0 || chunks > tripCount || (chunks == 0) != (tripCount == 0)) {
            throw new IllegalArgumentException(
                    "a plan of [" + lo + ", " + hi + ") needs 1 to " + tripCount + " chunks, was " + chunks);
        }
    }

    /**
     * The plan for {@code [lo, hi)} at {@code threads} worker threads.
     *
     * @param lo the first iteration
     * @param hi one past the last iteration
     * @param threads the worker thread count, at least 1
     * @return the chunk boundaries
     */
    public static ChunkPlan of(int lo, int hi, int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1, was " + threads);
        }
        long tripCount = Math.max(0L, (long) hi - lo);
        return new ChunkPlan(lo, hi, (int) Math.min(tripCount, (long) CHUNKS_PER_THREAD * threads));
    }

    /**
     * The number of iterations.
     *
     * @return {@code hi - lo}, or 0 when {@code hi <= lo}
     */
    public long tripCount() {
        return Math.max(0L, (long) hi - lo);
    }

    /**
     * The first iteration of chunk {@code chunk}; {@code start(chunks)} is {@code hi}.
     *
     * @param chunk a chunk index from 0 to {@code chunks} inclusive
     * @return {@code lo + floor(chunk * tripCount / chunks)}
     */
    public int start(int chunk) {
        if (chunk < 0 || chunk > chunks) {
            throw new IndexOutOfBoundsException("chunk " + chunk + " of " + chunks);
        }
        return chunks == 0 ? lo : (int) (lo + (long) chunk * tripCount() / chunks);
    }

    /**
     * One past the last iteration of chunk {@code chunk}.
     *
     * @param chunk a chunk index from 0 to {@code chunks - 1}
     * @return {@code start(chunk + 1)}
     */
    public int end(int chunk) {
        return start(chunk + 1);
    }

    /**
     * All boundaries: chunk {@code k} is {@code [b[k], b[k + 1])}.
     *
     * @return {@code chunks + 1} ascending values from {@code lo} to {@code hi} ({@code {lo}} when empty)
     */
    public int[] boundaries() {
        int[] boundaries = new int[chunks + 1];
        Arrays.setAll(boundaries, this::start);
        return boundaries;
    }
}
