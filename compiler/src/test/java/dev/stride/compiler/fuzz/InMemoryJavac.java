package dev.stride.compiler.fuzz;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.net.URI;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
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
 * Compiles generated sources in memory with the JDK's javac ({@code -g}, the test JVM's class path, which holds
 * {@code stride-annotations}). One instance reuses its file manager, which makes repeated compilations cheap.
 */
final class InMemoryJavac {
    private final JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
    private final StandardJavaFileManager standard = compiler.getStandardFileManager(null, Locale.ROOT, null);

    /** A generated source javac rejected: a generator bug, or a shrinking step that broke the code. */
    static final class CompilationFailed extends Exception {
        private static final long serialVersionUID = 1L;

        CompilationFailed(String message) {
            super(message);
        }
    }

    /**
     * Compiles one compilation unit.
     *
     * @param binaryName the class's binary name, e.g. {@code dev.stride.fuzzgen.Batch7}
     * @param source its source
     * @return class file bytes by binary name
     * @throws CompilationFailed with javac's messages when the source does not compile
     */
    Map<String, byte[]> compile(String binaryName, String source) throws CompilationFailed {
        Map<String, byte[]> classes = new HashMap<>();
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        JavaFileObject unit = new SourceObject(binaryName, source);
        JavaFileManager manager = new CapturingManager(standard, classes);
        List<String> options =
                List.of("-g", "-proc:none", "-nowarn", "-classpath", System.getProperty("java.class.path"));
        boolean ok = compiler.getTask(null, manager, diagnostics, options, null, List.of(unit))
                .call();
        if (!ok) {
            StringBuilder message = new StringBuilder();
            diagnostics
                    .getDiagnostics()
                    .forEach(d -> message.append(d.getLineNumber())
                            .append(": ")
                            .append(d.getMessage(Locale.ROOT))
                            .append('\n'));
            throw new CompilationFailed(message.toString());
        }
        return classes;
    }

    private static final class SourceObject extends SimpleJavaFileObject {
        private final String source;

        SourceObject(String binaryName, String source) {
            super(
                    URI.create("string:///" + binaryName.replace('.', '/') + JavaFileObject.Kind.SOURCE.extension),
                    JavaFileObject.Kind.SOURCE);
            this.source = source;
        }

        @Override
        public CharSequence getCharContent(boolean ignoreEncodingErrors) {
            return source;
        }
    }

    private static final class ClassObject extends SimpleJavaFileObject {
        private final String binaryName;
        private final Map<String, byte[]> classes;

        ClassObject(String binaryName, Map<String, byte[]> classes) {
            super(
                    URI.create("bytes:///" + binaryName.replace('.', '/') + JavaFileObject.Kind.CLASS.extension),
                    JavaFileObject.Kind.CLASS);
            this.binaryName = binaryName;
            this.classes = classes;
        }

        @Override
        public OutputStream openOutputStream() {
            return new ByteArrayOutputStream() {
                @Override
                public void close() {
                    classes.put(binaryName, toByteArray());
                }
            };
        }
    }

    private static final class CapturingManager extends ForwardingJavaFileManager<JavaFileManager> {
        private final Map<String, byte[]> classes;

        CapturingManager(JavaFileManager delegate, Map<String, byte[]> classes) {
            super(delegate);
            this.classes = classes;
        }

        @Override
        public JavaFileObject getJavaFileForOutput(
                Location location, String className, JavaFileObject.Kind kind, FileObject sibling) {
            return new ClassObject(className, classes);
        }
    }
}
