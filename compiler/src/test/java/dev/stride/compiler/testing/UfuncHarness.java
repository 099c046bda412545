package dev.stride.compiler.testing;

import dev.stride.compiler.ClassLibrary;
import dev.stride.compiler.ClassRewrite;
import dev.stride.compiler.CompilerOptions;
import dev.stride.compiler.Diagnostic;
import dev.stride.compiler.StrideCompiler;
import dev.stride.compiler.processor.StrideProcessor;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import javax.tools.DiagnosticCollector;
import javax.tools.FileObject;
import javax.tools.ForwardingJavaFileManager;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileManager;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * Builds a ufunc source as a user's build does: javac with the Stride processor (which generates the companion
 * {@code <Owner>Ufuncs}), then the Stride compiler over every annotated class with a {@link ClassLibrary} over the
 * compiled classes, as the Maven plugin does. Both the plain and the rewritten classes can be loaded, each set in
 * its own class loader.
 */
public final class UfuncHarness {

    private UfuncHarness() {}

    /**
     * The output of one build.
     *
     * @param plain the class files javac wrote, by binary name (the generated companion included)
     * @param generatedSources the sources the processor generated, by binary name
     * @param rewrites the Stride compiler's output for each class it changed or reported on, by binary name
     */
    public record Build(
            Map<String, byte[]> plain, Map<String, String> generatedSources, Map<String, ClassRewrite> rewrites) {

        /**
         * Loads the classes as javac wrote them.
         *
         * @param name a binary name
         * @return the class
         */
        public Class<?> plainClass(String name) {
            return load(plain, name);
        }

        /**
         * Loads the classes as Stride rewrote them (with their SIMD holder classes).
         *
         * @param name a binary name
         * @return the class
         */
        public Class<?> rewrittenClass(String name) {
            Map<String, byte[]> classes = new HashMap<>(plain);
            rewrites.forEach((owner, rewrite) -> {
                if (rewrite.changed()) {
                    classes.put(owner, rewrite.rewrittenClass());
                    rewrite.addedClasses().forEach((added, bytes) -> classes.put(added.replace('/', '.'), bytes));
                }
            });
            return load(classes, name);
        }
    }

    /**
     * Compiles sources with the processor, then rewrites them.
     *
     * @param sources compilation units by binary name of their top-level class
     * @return the build
     * @throws AssertionError with javac's or Stride's errors when either fails
     */
    public static Build build(Map<String, String> sources) {
        Map<String, byte[]> classes = new HashMap<>();
        Map<String, String> generated = new HashMap<>();
        List<String> errors = compile(sources, classes, generated);
        if (!errors.isEmpty()) {
            throw new AssertionError("javac failed: " + errors);
        }
        ClassLibrary library = name -> Optional.ofNullable(classes.get(name.replace('/', '.')));
        Map<String, ClassRewrite> rewrites = new HashMap<>();
        StrideCompiler compiler = new StrideCompiler(CompilerOptions.defaults());
        for (Map.Entry<String, byte[]> entry : classes.entrySet()) {
            if (!StrideCompiler.hasStrideAnnotations(entry.getValue())) {
                continue;
            }
            ClassRewrite rewrite = compiler.compile(entry.getValue(), library);
            for (Diagnostic diagnostic : rewrite.diagnostics()) {
                if (diagnostic.severity() == Diagnostic.Severity.ERROR) {
                    throw new AssertionError("compiling " + entry.getKey() + " failed: " + diagnostic.format());
                }
            }
            rewrites.put(entry.getKey(), rewrite);
        }
        return new Build(Map.copyOf(classes), Map.copyOf(generated), Map.copyOf(rewrites));
    }

    /**
     * Compiles sources with the processor and returns javac's errors as {@code "File.java:line: message"}.
     *
     * @param sources compilation units by binary name
     * @return the errors, empty when compilation succeeded
     */
    public static List<String> errors(Map<String, String> sources) {
        return compile(sources, new HashMap<>(), new HashMap<>());
    }

    private static List<String> compile(
            Map<String, String> sources, Map<String, byte[]> classes, Map<String, String> generated) {
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        StandardJavaFileManager standard = javac.getStandardFileManager(null, Locale.ROOT, null);
        List<JavaFileObject> units = new ArrayList<>();
        sources.forEach((name, text) -> units.add(source(name, text)));
        JavaFileManager manager = new Capturing(standard, classes, generated);
        List<String> options = List.of("-g", "-classpath", System.getProperty("java.class.path"));
        JavaCompiler.CompilationTask task = javac.getTask(null, manager, diagnostics, options, null, units);
        task.setProcessors(List.of(new StrideProcessor()));
        task.call();
        List<String> errors = new ArrayList<>();
        for (javax.tools.Diagnostic<? extends JavaFileObject> d : diagnostics.getDiagnostics()) {
            if (d.getKind() == javax.tools.Diagnostic.Kind.ERROR) {
                String file = d.getSource() == null ? "" : d.getSource().getName();
                file = file.substring(file.lastIndexOf('/') + 1);
                errors.add(file + ":" + d.getLineNumber() + ": " + d.getMessage(Locale.ROOT));
            }
        }
        return errors;
    }

    private static JavaFileObject source(String binaryName, String text) {
        URI uri = URI.create("string:///" + binaryName.replace('.', '/') + ".java");
        return new SimpleJavaFileObject(uri, JavaFileObject.Kind.SOURCE) {
            @Override
            public CharSequence getCharContent(boolean ignoreEncodingErrors) {
                return text;
            }
        };
    }

    private static Class<?> load(Map<String, byte[]> classes, String name) {
        ClassLoader loader = new ClassLoader("ufunc-test", UfuncHarness.class.getClassLoader()) {
            @Override
            protected Class<?> loadClass(String className, boolean resolve) throws ClassNotFoundException {
                synchronized (getClassLoadingLock(className)) {
                    byte[] bytes = classes.get(className);
                    if (bytes == null) {
                        return super.loadClass(className, resolve);
                    }
                    Class<?> loaded = findLoadedClass(className);
                    return loaded != null ? loaded : defineClass(className, bytes, 0, bytes.length);
                }
            }
        };
        try {
            return Class.forName(name, true, loader);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Keeps class files and generated sources in memory. */
    private static final class Capturing extends ForwardingJavaFileManager<JavaFileManager> {
        private final Map<String, byte[]> classes;
        private final Map<String, String> generated;

        Capturing(JavaFileManager delegate, Map<String, byte[]> classes, Map<String, String> generated) {
            super(delegate);
            this.classes = classes;
            this.generated = generated;
        }

        @Override
        public JavaFileObject getJavaFileForOutput(
                Location location, String className, JavaFileObject.Kind kind, FileObject sibling) {
            URI uri = URI.create("mem:///" + className.replace('.', '/') + kind.extension);
            return new SimpleJavaFileObject(uri, kind) {
                private final StringBuilder text = new StringBuilder();

                @Override
                public OutputStream openOutputStream() {
                    return new ByteArrayOutputStream() {
                        @Override
                        public void close() {
                            classes.put(className, toByteArray());
                        }
                    };
                }

                @Override
                public java.io.Writer openWriter() {
                    return new java.io.StringWriter() {
                        @Override
                        public void close() {
                            generated.put(className, toString());
                        }
                    };
                }

                @Override
                public CharSequence getCharContent(boolean ignoreEncodingErrors) {
                    return generated.getOrDefault(className, text.toString());
                }
            };
        }
    }
}
