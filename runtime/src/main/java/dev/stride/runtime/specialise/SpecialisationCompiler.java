package dev.stride.runtime.specialise;

/**
 * The service that makes a specialisation at run time: implemented by {@code stride-compiler} (found with {@link
 * java.util.ServiceLoader}), so that the runtime module itself needs neither ASM nor the compiler.
 *
 * <p>An implementation reads the kernel's class file (the stored original when the class was rewritten by Stride),
 * substitutes the element type, vectorises the result when asked, and returns a class file ready for {@code
 * Lookup.defineClass} in the kernel's package.
 */
public interface SpecialisationCompiler {

    /**
     * Compiles one specialisation.
     *
     * @param owner the class declaring the kernel
     * @param method the kernel's name
     * @param descriptor the kernel's JVM descriptor
     * @param kind the element kind substituted in ({@code FLOAT} or {@code INT})
     * @param vectorise whether to run the vectorising compiler on the substituted code (false: scalar only, as under
     *     the kill switch or without the Vector API)
     * @return the class to define
     * @throws IllegalStateException when the kernel cannot be found or specialised, with the reason
     */
    SpecialisedClass compile(Class<?> owner, String method, String descriptor, String kind, boolean vectorise);

    /**
     * A compiled specialisation.
     *
     * @param classFile the bytes of a class in the owner's package, to define in the owner's class loader
     * @param method the name of the static method holding the specialisation
     * @param descriptor its JVM descriptor
     */
    record SpecialisedClass(byte[] classFile, String method, String descriptor) {}
}
