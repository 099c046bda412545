package dev.stride.runtime.specialise;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a generated overload (in an {@code <Owner>Overloads} class) as the specialisation of a {@code @Jit(alsoFor =
 * ...)} kernel to another element kind. Written by Stride's annotation processor, never by hand.
 *
 * <p>The annotated method's body compiles the specialisation at run time on first use ({@link Specialisations});
 * the Maven plugin and the agent recognise the annotation and replace that body at build (or load) time by the
 * specialised, vectorised code, so no run-time compilation happens. The annotation carries what both need to find
 * the kernel the specialisation is made from.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.METHOD)
public @interface Specialisation {

    /**
     * The class declaring the kernel.
     *
     * @return the kernel's class
     */
    Class<?> owner();

    /**
     * The kernel's name.
     *
     * @return the method name
     */
    String method();

    /**
     * The kernel's JVM method descriptor, e.g. {@code ([D)D}.
     *
     * @return the descriptor of the method the specialisation is made from
     */
    String descriptor();

    /**
     * The element kind substituted in, as the {@code dev.stride.ElementKind} constant name ({@code FLOAT} or {@code
     * INT}).
     *
     * @return the target element kind
     */
    String kind();
}
