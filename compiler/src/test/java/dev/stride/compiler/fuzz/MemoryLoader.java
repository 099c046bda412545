package dev.stride.compiler.fuzz;

import java.util.Map;

/** Defines a set of classes from bytes in a fresh loader, delegating everything else to the test's loader. */
final class MemoryLoader extends ClassLoader {
    private final Map<String, byte[]> classes;

    private MemoryLoader(Map<String, byte[]> classes) {
        super("stride-fuzz", MemoryLoader.class.getClassLoader());
        this.classes = classes;
    }

    /**
     * Loads and initialises one class of a set in its own loader.
     *
     * @param binaryName the class to return
     * @param classes every class the loader defines, by binary name
     * @return the class
     * @throws ClassNotFoundException when it is not in the set
     */
    static Class<?> load(String binaryName, Map<String, byte[]> classes) throws ClassNotFoundException {
        return Class.forName(binaryName, true, new MemoryLoader(classes));
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
        synchronized (getClassLoadingLock(name)) {
            byte[] bytes = classes.get(name);
            if (bytes == null) {
                return super.loadClass(name, resolve);
            }
            Class<?> loaded = findLoadedClass(name);
            return loaded != null ? loaded : defineClass(name, bytes, 0, bytes.length);
        }
    }
}
