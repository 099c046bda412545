package dev.stride.compiler.processor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;

/** Compile-fail tests: each source is compiled with the processor and must fail with the exact rule, at the element. */
class StrideProcessorTest {

    @Test
    void instanceMethodsAreRejected() {
        List<String> errors = compile("class K { @dev.stride.Jit double sum(double[] a) { return 0; } }");
        assertEquals(
                List.of("4: @Jit methods must be static: Stride compiles static methods only (sum is an instance"
                        + " method)"),
                errors);
    }

    @Test
    void vectorizeNeedsOneToFourPrimitiveParameters() {
        List<String> errors = compile("class K { @dev.stride.Vectorize static double f(double[] a) { return 0; } }");
        assertEquals(List.of("4: @Vectorize parameters must be primitives; 'a' is double[]"), errors);
    }

    @Test
    void vectorizeRejectsFiveParameters() {
        List<String> errors = compile(
                "class K { @dev.stride.Vectorize static double f(double a, double b, double c, double d, double e) {"
                        + " return a; } }");
        assertEquals(List.of("4: @Vectorize functions take 1 to 4 parameters, f takes 5"), errors);
    }

    @Test
    void unsafeSpecialisationIsAnError() {
        List<String> errors = compile("class K { @dev.stride.Jit(alsoFor = dev.stride.ElementKind.INT) static double"
                + " sum(double[] a) { return 0; } }");
        assertEquals(1, errors.size());
        assertTrue(errors.getFirst().contains("is not a safe substitution for sum"), errors.toString());
    }

    @Test
    void validKernelsCompileCleanly() {
        assertEquals(
                List.of(),
                compile("class K { @dev.stride.Jit(fastmath = true, alsoFor = dev.stride.ElementKind.FLOAT)"
                        + " static double sum(double[] a) { return 0; }\n @dev.stride.Vectorize static double f(double x) {"
                        + " return x; } }"));
    }

    /** Compiles one source file with the processor; returns "line: message" for each error. */
    private static List<String> compile(String body) {
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        String source = "package p;\n\n" + body.replace("class K {", "class K {\n");
        JavaFileObject file = new SimpleJavaFileObject(URI.create("string:///p/K.java"), JavaFileObject.Kind.SOURCE) {
            @Override
            public CharSequence getCharContent(boolean ignoreEncodingErrors) {
                return source;
            }
        };
        List<String> options =
                List.of("-proc:only", "-s", generatedSources(), "-classpath", System.getProperty("java.class.path"));
        JavaCompiler.CompilationTask task = javac.getTask(null, null, diagnostics, options, null, List.of(file));
        task.setProcessors(List.of(new StrideProcessor()));
        task.call();
        List<String> errors = new ArrayList<>();
        for (Diagnostic<? extends JavaFileObject> d : diagnostics.getDiagnostics()) {
            if (d.getKind() == Diagnostic.Kind.ERROR) {
                errors.add(d.getLineNumber() + ": " + d.getMessage(Locale.ROOT));
            }
        }
        return errors;
    }

    /** A scratch directory for the overloads classes the processor generates, so none lands in the working directory. */
    private static String generatedSources() {
        try {
            return java.nio.file.Files.createTempDirectory("stride-processor-test")
                    .toString();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
