package dev.stride;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Compiles the loops of this {@code static} method to SIMD (Vector API) code where that is legal and
 * profitable, keeping the plain Java as the fallback.
 *
 * <p>Rules the annotation processor enforces (compile errors on the element):
 *
 * <ul>
 *   <li>the method is {@code static} and not {@code abstract} or {@code native};
 *   <li>{@link #alsoFor()} names only element kinds the method can be specialised to (see {@link ElementKind}).
 * </ul>
 *
 * <p>Every loop of the method gets a recorded verdict (vectorised, outer-loop vectorised, parallel, left to
 * C2, or rejected with a reason and line), printed by {@code ./stride --inspect}. A rejected loop runs as the
 * original scalar code unless {@link #strict()} is set. See the package documentation for what may appear in
 * a kernel and the semantic promise.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.METHOD)
public @interface Jit {

    /**
     * Permits floating-point reassociation: vectorised {@code float}/{@code double} {@code +} and {@code *}
     * reductions whose last bits may differ from the sequential sum, and Vector API {@code exp log pow sin cos}
     * whose lanes may differ from {@code Math.*} by 1 ulp. Default {@code false}: results are bit-identical to
     * the plain method, and such loops stay scalar with the reason "reduction needs fastmath".
     *
     * @return whether floating-point reassociation is permitted
     */
    boolean fastmath() default false;

    /**
     * Makes a loop that cannot be optimised a build error (with file and line) instead of a reported fallback.
     *
     * @return whether an unoptimised loop fails the build
     */
    boolean strict() default false;

    /**
     * Additional element kinds to generate overloads for. A kernel written for {@code double[]} with {@code
     * alsoFor = ElementKind.FLOAT} also gets an overload taking {@code float[]} in which {@code double} is
     * replaced by {@code float} wherever it flows (parameters, locals, constants, array elements, arithmetic, the
     * result), following Java's promotion rules as if written by hand; values of other types stay. {@code Math}
     * calls use the overload of the new type where {@code Math} has one ({@code abs}, {@code min}, {@code max}),
     * else compute in {@code double} and narrow, as {@code (float) Math.exp(x)} by hand.
     *
     * <p>The annotation processor generates {@code <Owner>Overloads} in the same package with one static overload
     * per element kind, the kernel's own included; call those. With stride-maven-plugin (or the agent) the
     * specialisations are compiled at build time; without, on their first call (which needs {@code
     * stride-compiler} on the class path). The allowed substitutions and what is refused are listed in {@link
     * ElementKind}; a refused construct is a compile error at its line.
     *
     * @return the extra element kinds; empty for none
     */
    ElementKind[] alsoFor() default {};

    /**
     * The SIMD register width to use. {@link SimdWidth#AUTO} picks per loop kind: 256-bit for streaming loops
     * (bound by memory bandwidth), the widest available for compute-bound loops.
     *
     * @return the requested width
     */
    SimdWidth width() default SimdWidth.AUTO;
}
