package dev.stride.compiler.fuzz;

/**
 * The families of generated kernels, counted apart in {@link FuzzStatistics} so a run shows how often each
 * family reached SIMD code and, when it did not, why. The three newer families are shapes the vectoriser is
 * gaining one at a time; the fuzzer generates them whether or not the compiler takes them, so a rejection today
 * and a vectorisation tomorrow are checked by the same oracle.
 */
enum Family {
    /** conditional maps, reductions, window nests, matrix rows, early exits and the rejected shapes */
    CLASSIC("classic shapes"),
    /**
     * conversions between element sizes per element ({@code (double) ia[i] * d[i]}, {@code (int) d[i]}), the
     * induction variable as a value and in masks, reductions of one type over another type's arrays
     */
    CONVERSION("conversions"),
    /** running max/min, fill-forward of NaN, prefix sums, array recurrences {@code a[i] = a[i-1] + b[i]} */
    SCAN("scans and recurrences"),
    /**
     * ternary and {@code if} min/max reductions, arg-max, scalars read after the loop, invariant stores
     * {@code total[0] += a[i]}
     */
    CARRIED("min/max, live-out, invariant stores");

    private final String title;

    Family(String title) {
        this.title = title;
    }

    /** @return the family's name in the statistics */
    String title() {
        return title;
    }
}
