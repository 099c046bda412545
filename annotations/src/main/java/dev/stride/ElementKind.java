package dev.stride;

/**
 * The primitive element kinds Stride specialises kernels for.
 *
 * <p>Substitution rules for {@link Jit#alsoFor()}: a kernel with a {@code double} (or {@code double[]}) parameter may
 * be specialised to {@link #FLOAT}; one with a {@code long} parameter to {@link #INT}. Both keep the kind of
 * arithmetic (IEEE 754, or two's complement with wrap-around). Other substitutions (for example {@code double} to
 * {@code int}) change the meaning of division and of {@code Math} calls and are compile errors.
 *
 * <p>Inside the kernel these are compile errors at their line, because the specialisation would not mean what the
 * hand-written version means: a call other than {@code Math}/{@code StrictMath} that takes or returns the replaced
 * type; a non-constant field of the replaced type; a constant that does not fit the new type ({@code 1e300}, {@code
 * 10_000_000_000L}); a lambda, method reference or string concatenation involving the replaced type; a private
 * method or field. Example:
 *
 * <pre>{@code
 * @Jit(alsoFor = ElementKind.FLOAT)
 * static double norm(double[] a) {
 *     double s = 0;
 *     for (int i = 0; i < a.length; i++) {
 *         s += a[i] * a[i];
 *     }
 *     return Math.sqrt(s);          // FLOAT: (float) Math.sqrt((double) s)
 * }
 * // generated: KernelsOverloads.norm(double[]) and KernelsOverloads.norm(float[])
 * }</pre>
 */
public enum ElementKind {
    /** {@code int} and {@code int[]}. */
    INT,
    /** {@code long} and {@code long[]}. */
    LONG,
    /** {@code float} and {@code float[]}. */
    FLOAT,
    /** {@code double} and {@code double[]}. */
    DOUBLE
}
