package dev.stride;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Runs the marked loops of this {@code static} method on all cores, like Numba's {@code parallel=True}.
 *
 * <p>The loops that run in parallel are exactly those whose condition compares the induction variable with
 * {@link Prange#prange(int)}: {@code for (int i = 0; i < prange(n); i++)}. Other loops of the method are
 * compiled as under {@link Jit} (the method may carry both annotations; {@code @Parallel} alone implies
 * {@code @Jit} with default options).
 *
 * <p>A parallel loop must have independent iterations. The rewriter refuses, with a reason and line, loops
 * whose iterations write the same array element, accumulate into an array element ({@code hist[x[i]]++}), or
 * write a scalar that is read after the loop without being a recognised reduction ({@code + * min max & | ^}).
 * Exceptions thrown in any iteration reach the caller with their original type and message.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.METHOD)
public @interface Parallel {

    /**
     * Permits reassociation of floating-point {@code +} and {@code *} reductions across chunks (and lanes).
     *
     * @return whether floating-point reductions may be reassociated
     */
    boolean fastmath() default false;

    /**
     * Iterations below which the loop runs serially, because forking costs more than it saves. Zero selects
     * the run-time default ({@code stride.parallel.threshold}, 4096 iterations).
     *
     * @return the minimum trip count for parallel execution, or 0 for the default
     */
    int threshold() default 0;
}
