package dev.stride;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Turns a {@code static} scalar function of 1 to 4 primitive parameters into an element-wise array kernel
 * (a "ufunc", as Numba's {@code @vectorize}).
 *
 * <p>Rules the annotation processor enforces: the method is {@code static}, has 1 to 4 parameters, all
 * parameters and the result are primitives, and the body is straight-line code, conditionals and calls to
 * {@code Math} and to other Stride functions (no loops, no allocation, no field access).
 *
 * <p>The companion class {@code <Owner>Ufuncs} in the same package receives the array forms
 * ({@code f(double[] x, double[] y, double[] out)}, allocating forms, broadcast forms with a scalar in any
 * position, and an {@code offset/length} range form). Arrays of different lengths make the array forms throw
 * {@link IllegalArgumentException} naming the arguments and their lengths, before any element is written.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.METHOD)
public @interface Vectorize {

    /**
     * Permits {@code Math.exp log pow sin cos} to be vectorised with the Vector API's 1-ulp bound.
     *
     * @return whether the array forms may differ from the scalar function by 1 ulp
     */
    boolean fastmath() default false;

    /**
     * Declares the (binary) function associative, which enables the reduce and accumulate forms.
     *
     * @return whether {@code f(f(a, b), c) == f(a, f(b, c))} for all inputs
     */
    boolean associative() default false;

    /**
     * Where the array forms run: one core with SIMD, or all cores.
     *
     * @return the execution target
     */
    ExecutionTarget target() default ExecutionTarget.SIMD;

    /** Execution targets of the array forms. */
    enum ExecutionTarget {
        /** One core, vectorised. */
        SIMD,
        /** All cores through the {@link Parallel} machinery, each chunk vectorised. */
        PARALLEL
    }
}
