package dev.stride.compiler.kernels;

import dev.stride.Jit;
import dev.stride.Vectorize;

/** Stride functions of another class, called by {@link ReasonExamples}: one the compiler inlines, one it cannot. */
public final class Series {
    private Series() {}

    /**
     * {@code x^3 + x^2 + x + 1} by a loop: a body with a loop cannot be inlined into a caller's loop.
     *
     * @param x the argument
     * @return the polynomial's value
     */
    @Jit
    public static double cubic(double x) {
        double sum = 1;
        for (int k = 0; k < 3; k++) {
            sum = sum * x + 1;
        }
        return sum;
    }

    /**
     * The same polynomial in Horner form, straight-line: inlined.
     *
     * @param x the argument
     * @return the polynomial's value
     */
    @Vectorize
    public static double cubicUnrolled(double x) {
        return ((x + 1) * x + 1) * x + 1;
    }
}
