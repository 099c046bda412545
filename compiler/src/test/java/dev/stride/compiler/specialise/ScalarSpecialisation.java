package dev.stride.compiler.specialise;

import dev.stride.runtime.specialise.SpecialisationCompiler;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;

/**
 * The specialisation the run-time path makes with the vectoriser off (what runs under the kill switch), defined in a
 * child loader of the kernel's so tests can call it directly. The test kernels use no package-private members, so
 * a separate runtime package is enough.
 */
final class ScalarSpecialisation {
    private ScalarSpecialisation() {}

    static MethodHandle handle(Class<?> owner, String kernel, String descriptor, String kind, MethodType type)
            throws ReflectiveOperationException {
        SpecialisationCompiler.SpecialisedClass compiled =
                new RuntimeSpecialiser().compile(owner, kernel, descriptor, kind, false);
        String name = RuntimeSpecialiser.className(owner.getName().replace('.', '/'), kernel, descriptor, kind)
                .replace('/', '.');
        Class<?> defined = new Definer(owner.getClassLoader()).define(name, compiled.classFile());
        return MethodHandles.publicLookup().findStatic(defined, compiled.method(), type);
    }

    /** Defines one class. */
    private static final class Definer extends ClassLoader {
        Definer(ClassLoader parent) {
            super("stride-scalar-specialisation", parent);
        }

        Class<?> define(String name, byte[] bytes) {
            return defineClass(name, bytes, 0, bytes.length);
        }
    }
}
