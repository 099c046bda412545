package dev.stride.compiler.testing;

import dev.stride.compiler.ClassLibrary;
import dev.stride.compiler.ClassRewrite;
import dev.stride.compiler.CompilerOptions;
import dev.stride.compiler.StrideCompiler;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.reflect.Method;
import java.util.HashMap;
import java.util.Map;

/**
 * Compiles a test kernel class with Stride and loads the result in its own class loader, next to the plain class
 * the test classpath already has, so tests can call both on the same inputs.
 */
public final class RewriteHarness {

    private RewriteHarness() {}

    /**
     * The compiled form of a class.
     *
     * @param rewrite the compiler's output
     * @param rewrittenClass the class loaded from it (the plain class itself when unchanged)
     */
    public record Compiled(ClassRewrite rewrite, Class<?> rewrittenClass) {

        /**
         * A static method of the rewritten class.
         *
         * @param name the method name
         * @param parameterTypes its parameter types
         * @return a handle
         */
        public MethodHandle method(String name, Class<?>... parameterTypes) {
            return handle(rewrittenClass, name, parameterTypes);
        }

        /**
         * Whether the SIMD holder class has been loaded, which happens only when some rewritten loop entered
         * its SIMD code (the guard was true and the call was made).
         *
         * @return true once SIMD code ran
         */
        public boolean simdCodeLoaded() {
            return rewrittenClass.getClassLoader() instanceof DefiningLoader loader && loader.definedHolder;
        }
    }

    /**
     * Compiles a class with default build options.
     *
     * @param kernelClass a class from the test classpath
     * @return the compiled class
     */
    public static Compiled compile(Class<?> kernelClass) {
        return compile(kernelClass, CompilerOptions.defaults());
    }

    /**
     * Compiles a class.
     *
     * @param kernelClass a class from the test classpath
     * @param options compiler options
     * @return the compiled class
     */
    public static Compiled compile(Class<?> kernelClass, CompilerOptions options) {
        byte[] original = classBytes(kernelClass);
        // the test class path is the library, as the plugin's class path is: functions of other classes inline
        ClassRewrite rewrite =
                new StrideCompiler(options).compile(original, ClassLibrary.of(kernelClass.getClassLoader()));
        rewrite.diagnostics().stream()
                .filter(d -> d.severity() == dev.stride.compiler.Diagnostic.Severity.ERROR)
                .findFirst()
                .ifPresent(d -> {
                    throw new AssertionError("compiling " + kernelClass.getName() + " failed: " + d.format());
                });
        if (!rewrite.changed()) {
            return new Compiled(rewrite, kernelClass);
        }
        Map<String, byte[]> classes = new HashMap<>();
        classes.put(kernelClass.getName(), rewrite.rewrittenClass());
        rewrite.addedClasses().forEach((name, bytes) -> classes.put(name.replace('/', '.'), bytes));
        ClassLoader loader = new DefiningLoader(kernelClass.getClassLoader(), classes);
        try {
            return new Compiled(rewrite, Class.forName(kernelClass.getName(), true, loader));
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * A static method handle of a class, private ones included.
     *
     * @param owner the class
     * @param name the method name
     * @param parameterTypes its parameter types
     * @return the handle
     */
    public static MethodHandle handle(Class<?> owner, String name, Class<?>... parameterTypes) {
        try {
            Method method = owner.getDeclaredMethod(name, parameterTypes);
            method.setAccessible(true);
            return MethodHandles.lookup().unreflect(method);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The class file bytes of a class on the test classpath.
     *
     * @param type the class
     * @return its bytes
     */
    public static byte[] classBytes(Class<?> type) {
        String resource = type.getName().replace('.', '/') + ".class";
        try (InputStream in = type.getClassLoader().getResourceAsStream(resource)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Defines the given classes itself and delegates everything else. */
    private static final class DefiningLoader extends ClassLoader {
        private final Map<String, byte[]> classes;
        private volatile boolean definedHolder;

        DefiningLoader(ClassLoader parent, Map<String, byte[]> classes) {
            super("stride-test", parent);
            this.classes = classes;
        }

        @Override
        protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
            synchronized (getClassLoadingLock(name)) {
                byte[] bytes = classes.get(name);
                if (bytes == null) {
                    return super.loadClass(name, resolve);
                }
                Class<?> loaded = findLoadedClass(name);
                if (loaded == null) {
                    definedHolder |= name.endsWith("$StrideSimd");
                    loaded = defineClass(name, bytes, 0, bytes.length);
                }
                return loaded;
            }
        }
    }
}
