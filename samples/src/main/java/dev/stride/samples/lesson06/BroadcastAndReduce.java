package dev.stride.samples.lesson06;

import dev.stride.Vectorize;

/**
 * Lesson 6: broadcasting a scalar, and reducing with an associative function.
 *
 * <p>Every parameter of a ufunc may be an array or a single value used for every element: the companion
 * {@code BroadcastAndReduceUfuncs} has a form for each combination, e.g. {@code scaled(x, 0.5, out)} and
 * {@code scaled(2.0, y)}.
 *
 * <p>A binary function declared {@code associative = true} also gets NumPy's {@code reduce} and {@code accumulate}:
 * {@code totalReduce(x)} folds the array, {@code totalAccumulate(x, out)} writes the running folds. The
 * declaration is the permission to reassociate: the reduce loop runs with four vector accumulators even without
 * {@code fastmath}, so its last bits may differ from a left-to-right sum; nothing else about the function changes
 * ({@code Math} stays exact). {@code identity = "0"} is what reducing no elements returns; without an identity,
 * reducing an empty array throws {@link IllegalArgumentException} ({@link #largest} has none).
 *
 * <p>How to run: {@code ./stride --inspect samples/target/classes --method 'total$1$reduce'}.
 */
public final class BroadcastAndReduce {
    private BroadcastAndReduce() {}

    /**
     * Scales and offsets.
     *
     * @param x the value
     * @param factor the factor
     * @return {@code x * factor + 1}
     */
    @Vectorize
    public static double scaled(double x, double factor) {
        return x * factor + 1;
    }

    /**
     * Addition, declared associative.
     *
     * @param a a term
     * @param b a term
     * @return {@code a + b}
     */
    @Vectorize(associative = true, identity = "0")
    public static double total(double a, double b) {
        return a + b;
    }

    /**
     * The larger of two values ({@code Math.max} semantics: NaN wins, 0.0 beats -0.0).
     *
     * @param a a value
     * @param b a value
     * @return the larger
     */
    @Vectorize(associative = true)
    public static double largest(double a, double b) {
        return Math.max(a, b);
    }
}
