package dev.stride.runtime;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Gives access to the plain, un-rewritten version of a Stride-compiled class, for "plain Java" baselines and
 * differential checks in the same JVM.
 *
 * <p>The rewriter stores each original class file as the resource {@code META-INF/stride/original/<internal
 * name>.class} beside the rewritten class. {@link #plainCopy(Class)} defines those original bytes in a fresh
 * class loader (one per call site class, cached) whose parent is the kernel's own loader, so the copy calls the
 * plain versions of the kernel class's own methods and shares every other class. A class that was never
 * rewritten has no stored original and is returned as it is.
 */
public final class Originals {

    /** Resource folder holding the original class files. */
    public static final String RESOURCE_PREFIX = "META-INF/stride/original/";

    private static final ConcurrentMap<Class<?>, Class<?>> PLAIN_COPIES = new ConcurrentHashMap<>();

    private Originals() {}

    /**
     * The plain version of {@code kernelClass}: its original bytecode, defined in a separate loader.
     *
     * @param kernelClass a class that may have been rewritten by Stride
     * @return the plain copy, or {@code kernelClass} itself when it has no stored original
     */
    public static Class<?> plainCopy(Class<?> kernelClass) {
        return PLAIN_COPIES.computeIfAbsent(kernelClass, Originals::definePlainCopy);
    }

    /**
     * Whether {@code kernelClass} was rewritten by Stride (it has a stored original).
     *
     * @param kernelClass any class
     * @return true when a stored original exists for it
     */
    public static boolean isRewritten(Class<?> kernelClass) {
        return originalBytes(kernelClass) != null;
    }

    private static Class<?> definePlainCopy(Class<?> kernelClass) {
        byte[] original = originalBytes(kernelClass);
        if (original == null) {
            return kernelClass;
        }
        return new PlainLoader(kernelClass.getClassLoader(), kernelClass.getName(), original).load();
    }

    private static byte[] originalBytes(Class<?> kernelClass) {
        ClassLoader loader = kernelClass.getClassLoader();
        String resource = RESOURCE_PREFIX + kernelClass.getName().replace('.', '/') + ".class";
        try (InputStream in = loader == null
                ? ClassLoader.getSystemResourceAsStream(resource)
                : loader.getResourceAsStream(resource)) {
            return in == null ? null : in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
    }

    /** Defines one original class; every other class comes from the parent. */
    private static final class PlainLoader extends ClassLoader {
        private final String className;
        private final byte[] bytes;

        PlainLoader(ClassLoader parent, String className, byte[] bytes) {
            super("stride-plain:" + className, parent);
            this.className = className;
            this.bytes = bytes;
        }

        Class<?> load() {
            try {
                return loadClass(className);
            } catch (ClassNotFoundException e) {
                throw new IllegalStateException("cannot define the plain copy of " + className, e);
            }
        }

        @Override
        protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
            synchronized (getClassLoadingLock(name)) {
                if (!name.equals(className)) {
                    return super.loadClass(name, resolve);
                }
                Class<?> loaded = findLoadedClass(name);
                if (loaded == null) {
                    loaded = defineClass(name, bytes, 0, bytes.length);
                }
                if (resolve) {
                    resolveClass(loaded);
                }
                return loaded;
            }
        }
    }
}
