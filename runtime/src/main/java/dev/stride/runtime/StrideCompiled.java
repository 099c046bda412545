package dev.stride.runtime;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Added by the Stride rewriter to every class it rewrote; users never write it. It makes a rewrite detectable at
 * run time ({@code Stride.status}) and by the rewriter itself (rewriting twice changes nothing).
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface StrideCompiled {

    /**
     * The Stride version that rewrote the class.
     *
     * @return the version
     */
    String version();

    /**
     * The methods that received SIMD code, as {@code name(descriptor): loop ids}.
     *
     * @return one entry per rewritten method
     */
    String[] methods();
}
