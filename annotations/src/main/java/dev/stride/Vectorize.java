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
 * <p>Rules the annotation processor enforces: the method is {@code static} and not {@code private}, has 1 to 4
 * parameters, all parameters and the result are primitives, and the body is straight-line code, conditionals
 * (including early {@code return}) and calls to {@code Math}, {@code StrictMath} and other {@code @Vectorize} or
 * {@code @Jit} functions: no loops, no allocation, no array access, no field writes, no {@code throw}, {@code try}
 * or {@code synchronized}. {@link #associative()} needs a binary function whose parameters and result have one
 * type; {@link #identity()} must parse as that type.
 *
 * <p>The annotation processor generates the companion class {@code <Owner>Ufuncs} in the same package (for a
 * nested owner, the enclosing class names are joined: {@code OuterInnerUfuncs}). For a function
 * {@code double f(double x, double y)} it holds:
 *
 * <ul>
 *   <li>{@code f(double[] x, double[] y, double[] out)} and the allocating {@code double[] f(double[] x,
 *       double[] y)};
 *   <li>broadcast forms for every combination of scalar positions (all but the all-scalar one), e.g.
 *       {@code f(double x, double[] y, double[] out)} and {@code double[] f(double x, double[] y)};
 *   <li>the range form {@code f(double[] x, double[] y, double[] out, int offset, int length)} over the elements
 *       {@code offset .. offset + length - 1} of every array;
 *   <li>for {@link #associative()} functions: {@code fReduce(double[] x)}, {@code fReduce(double[] x, int offset,
 *       int length)} and {@code fAccumulate(double[] x, double[] out)}.
 * </ul>
 *
 * <p>Arrays of different lengths make the array forms throw {@link IllegalArgumentException} naming the arguments
 * and their lengths, before any element is written; a range outside an array throws
 * {@link IndexOutOfBoundsException}, and a {@code null} array {@link NullPointerException}, also before any write.
 * The loops of the companion are plain Java annotated {@code @Jit(fastmath = <this fastmath>)}, so the Stride
 * rewriter vectorises them and they stay correct without it. See {@code docs/ufuncs.md}.
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

    /**
     * The identity of an {@link #associative()} function, written as a value of its type: {@code "0"},
     * {@code "1.0"}, {@code "-Infinity"}, {@code "NaN"}, {@code "MIN_VALUE"}, {@code "MAX_VALUE"}, {@code "true"}.
     * {@code MIN_VALUE} and {@code MAX_VALUE} are the wrapper class's constants ({@code Double.MIN_VALUE} is the
     * smallest positive double; the identity of a double maximum is {@code "-Infinity"}).
     * The reduce forms start from it, so reducing an empty array returns it; without an identity they start from
     * the first element and reducing an empty array throws {@link IllegalArgumentException}.
     *
     * @return the identity, or the empty string for none
     */
    String identity() default "";

    /**
     * Marks the loop behind the reduce forms of an {@link #associative()} function, in the generated companion
     * class: the user's declaration of associativity permits the rewriter to reassociate that loop's reduction
     * (several accumulators, combined after the loop), even without {@code fastmath}. It permits nothing else:
     * {@code Math} calls stay exact. Generated code only; not meant for hand-written methods.
     */
    @Documented
    @Retention(RetentionPolicy.CLASS)
    @Target(ElementType.METHOD)
    @interface Reassociate {}

    /** Execution targets of the array forms. */
    enum ExecutionTarget {
        /** One core, vectorised. */
        SIMD,
        /** All cores through the {@link Parallel} machinery, each chunk vectorised. */
        PARALLEL
    }
}
