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
 * whose iterations write the same array element (every write must be {@code a[i + c]} with {@code c} fixed in
 * the loop, and every read of a written array at that same index), accumulate into an array element
 * ({@code hist[x[i]]++}), or write a scalar that is read after the loop or in the next iteration without being a
 * recognised reduction ({@code + * min max & | ^}, any number per loop; {@code float}/{@code double} {@code +}
 * and {@code *} only with {@link #fastmath()}). The loop may call {@code Math} and static methods of its own
 * class; those are <em>trusted</em> (not analysed) to write only what belongs to their own iteration, as are rows
 * of arrays of arrays read in the loop not to be arrays it writes; the {@code --inspect} report lists what each
 * loop relies on. Other calls, field writes, allocation and {@code try} regions make the loop run serially.
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
