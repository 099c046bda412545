package dev.stride;

/**
 * The primitive element kinds Stride specialises kernels for.
 *
 * <p>Substitution rules for {@link Jit#alsoFor()}: a {@code double} kernel may be specialised to {@code float};
 * a {@code long} kernel to {@code int}. Other substitutions (for example {@code double} to {@code int}) change
 * the meaning of division and of {@code Math} calls and are compile errors.
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
