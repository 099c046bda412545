package dev.stride;

/**
 * The parallel-range marker, like Numba's {@code prange}: {@code for (int i = 0; i < prange(n); i++)} marks a
 * loop to be run in parallel by the {@link Parallel} rewriting. In plain Java (no rewriting) {@code prange(n)}
 * returns {@code n}, so the loop runs serially and correctly.
 */
public final class Prange {

    private Prange() {}

    /**
     * Marks a loop bound for parallel execution.
     *
     * @param n the exclusive upper bound of the loop
     * @return {@code n}, unchanged
     */
    public static int prange(int n) {
        return n;
    }
}
