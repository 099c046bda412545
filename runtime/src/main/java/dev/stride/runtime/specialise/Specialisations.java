package dev.stride.runtime.specialise;

import dev.stride.runtime.StrideConfig;
import dev.stride.runtime.VectorGuard;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.Optional;
import java.util.ServiceLoader;

/**
 * What generated overloads call to get a specialisation made at run time: Stride's lazy dispatcher, the analogue of
 * Numba compiling a function for new argument types on its first call.
 *
 * <p>Each generated overload keeps the handle returned by {@link #handle} in a {@code static final} field of a
 * nested holder class. The JVM initialises that class once, on the first call, so the specialisation is compiled
 * once per class loader; afterwards the handle is a constant that C2 inlines into the caller, so the call costs what
 * a direct static call costs.
 *
 * <p>The specialisation is defined with {@code Lookup.defineClass} in the kernel's package and class loader, as an
 * ordinary class. Not a hidden class: the JVM leaves hidden frames out of stack traces and computes no helpful
 * {@code NullPointerException} message for them, so an exception thrown by a hidden specialisation would lose the
 * kernel's frame and line and differ from what the plain code throws. The vectorising compiler runs only when
 * {@link VectorGuard#ENABLED} is true, so no Vector API class is named when {@code jdk.incubator.vector} is absent;
 * under the kill switch ({@code stride.disable}) the substituted scalar code runs.
 */
public final class Specialisations {

    private Specialisations() {}

    /**
     * Compiles and defines a specialisation. Never throws: a specialisation that cannot be made gives a handle that
     * throws the reason on every call, so the error surfaces at the call, not as an {@link
     * ExceptionInInitializerError}.
     *
     * @param caller the generated overloads class's lookup (same package as the kernel)
     * @param owner the class declaring the kernel
     * @param method the kernel's name
     * @param descriptor the kernel's JVM descriptor
     * @param kind the element kind to substitute in ({@code FLOAT} or {@code INT})
     * @param type the overload's type, which the returned handle has
     * @return a handle calling the specialisation
     */
    public static MethodHandle handle(
            MethodHandles.Lookup caller,
            Class<?> owner,
            String method,
            String descriptor,
            String kind,
            MethodType type) {
        String what = kind + " specialisation of " + owner.getName() + "." + method + descriptor;
        Optional<SpecialisationCompiler> compiler = findCompiler(owner.getClassLoader());
        if (compiler.isEmpty()) {
            return throwing(
                    type,
                    new IllegalStateException("Stride: the " + what + " is compiled at run time on its first call,"
                            + " which needs stride-compiler on the class path: add the dependency"
                            + " dev.stride:stride-compiler (scope runtime), or build with stride-maven-plugin (or run"
                            + " with the stride agent) to compile it at build time"));
        }
        try {
            boolean vectorise = !StrideConfig.current().disabled() && VectorGuard.ENABLED;
            SpecialisationCompiler.SpecialisedClass compiled =
                    compiler.get().compile(owner, method, descriptor, kind, vectorise);
            MethodHandles.Lookup ownerLookup = MethodHandles.privateLookupIn(owner, caller);
            Class<?> specialised = ownerLookup.defineClass(compiled.classFile());
            MethodType found = MethodType.fromMethodDescriptorString(compiled.descriptor(), owner.getClassLoader());
            return ownerLookup.findStatic(specialised, compiled.method(), found).asType(type);
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
            String reason = e instanceof IllegalStateException ? e.getMessage() : e.toString();
            return throwing(type, new IllegalStateException("Stride: cannot make the " + what + ": " + reason, e));
        }
    }

    /**
     * Rethrows any throwable unchanged, checked or not, so a generated overload throws exactly what the kernel
     * threw. Declared to return an exception so callers can write {@code throw Specialisations.rethrow(t)}.
     *
     * @param thrown what the specialisation threw
     * @return never returns
     */
    public static RuntimeException rethrow(Throwable thrown) {
        throw Specialisations.<RuntimeException>sneaky(thrown);
    }

    @SuppressWarnings("unchecked")
    private static <T extends Throwable> T sneaky(Throwable thrown) throws T {
        throw (T) thrown;
    }

    private static Optional<SpecialisationCompiler> findCompiler(ClassLoader loader) {
        Optional<SpecialisationCompiler> found =
                ServiceLoader.load(SpecialisationCompiler.class, loader).findFirst();
        return found.isPresent()
                ? found
                : ServiceLoader.load(SpecialisationCompiler.class, Specialisations.class.getClassLoader())
                        .findFirst();
    }

    private static MethodHandle throwing(MethodType type, IllegalStateException error) {
        MethodHandle thrower = MethodHandles.throwException(type.returnType(), IllegalStateException.class)
                .bindTo(error);
        return MethodHandles.dropArguments(thrower, 0, type.parameterList());
    }
}
