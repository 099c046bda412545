package dev.stride.agent;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.security.ProtectionDomain;
import java.util.Map;
import java.util.TreeMap;

/**
 * Defines the classes the compiler adds beside a rewritten class (SIMD holder classes) in the loader that is
 * loading the rewritten class, before that class's new bytes are returned to the JVM.
 *
 * <p>Why this way: a {@code ClassFileTransformer} can only replace the bytes of the class being loaded, and the
 * holder classes exist on no class path, so something must define them in the same loader (same runtime package,
 * so package-private access works) before the rewritten class first resolves them. The alternatives fail:
 * {@code MethodHandles.Lookup#defineClass} needs a lookup on a class of the same package, but the class being
 * transformed is not defined yet and may be the first of its package; {@code Instrumentation
 * #appendToClassLoaderSearch} only reaches the system and boot loaders; lazily defining on first use would need
 * a hook in every user loader. Calling the loader's own protected {@code defineClass(String, byte[], int, int,
 * ProtectionDomain)} works for any loader and package; {@link StrideAgent} opens {@code java.lang} to the agent
 * through {@code Instrumentation#redefineModule}, so no {@code --add-opens} flag is needed.
 *
 * <p>Defining eagerly inside the transform is safe: defining a class loads only its superclass and interfaces
 * (holders extend {@code Object}), and the rewritten class resolves its holders only later, when it runs. If any
 * definition fails, the caller keeps the original class, so a rewritten class never runs without its holders.
 */
final class AddedClassDefiner {
    private final Method defineClass;
    private final Method findLoadedClass;

    private AddedClassDefiner(Method defineClass, Method findLoadedClass) {
        this.defineClass = defineClass;
        this.findLoadedClass = findLoadedClass;
    }

    /**
     * A definer, once {@code java.lang} is open to this class's module.
     *
     * @throws IllegalStateException when {@code java.lang} is not open to the agent
     */
    static AddedClassDefiner create() {
        try {
            Method define = ClassLoader.class.getDeclaredMethod(
                    "defineClass", String.class, byte[].class, int.class, int.class, ProtectionDomain.class);
            Method findLoaded = ClassLoader.class.getDeclaredMethod("findLoadedClass", String.class);
            define.setAccessible(true);
            findLoaded.setAccessible(true);
            return new AddedClassDefiner(define, findLoaded);
        } catch (NoSuchMethodException | RuntimeException e) {
            throw new IllegalStateException("cannot reach ClassLoader#defineClass: " + e, e);
        }
    }

    /**
     * Defines every added class in {@code loader}, in name order, skipping names the loader already has.
     *
     * @param loader the loader of the class being transformed
     * @param domain its protection domain, shared by the added classes
     * @param addedClasses internal name to class file
     * @throws IllegalStateException naming the class that could not be defined
     */
    void defineAll(ClassLoader loader, ProtectionDomain domain, Map<String, byte[]> addedClasses) {
        for (Map.Entry<String, byte[]> added : new TreeMap<>(addedClasses).entrySet()) {
            String name = added.getKey().replace('/', '.');
            byte[] bytes = added.getValue();
            try {
                if (findLoadedClass.invoke(loader, name) == null) {
                    defineClass.invoke(loader, name, bytes, 0, bytes.length, domain);
                }
            } catch (InvocationTargetException e) {
                throw new IllegalStateException("cannot define added class " + name + ": " + e.getCause(), e);
            } catch (IllegalAccessException e) {
                throw new IllegalStateException("cannot define added class " + name + ": " + e, e);
            }
        }
    }
}
