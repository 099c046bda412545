package dev.stride.compiler.processor;

import static org.junit.jupiter.api.Assertions.assertEquals;

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

/**
 * Compile-fail tests for {@code @Jit(alsoFor = ...)}: each source is compiled with the processor and must fail with
 * the rule's message at the line of the offending construct (line 6 is {@code class K}).
 */
class SpecialisationRulesTest {
    private static final String PREFIX = "@Jit(alsoFor = FLOAT) cannot specialise f: ";
    private static final String INT_PREFIX = "@Jit(alsoFor = INT) cannot specialise f: ";

    @Test
    void callTakingTheReplacedType_isRejectedAtTheCall() {
        List<String> errors = compile("""
                class K {
                    static double square(double x) { return x * x; }
                    @Jit(alsoFor = ElementKind.FLOAT) static double f(double[] a) {
                        double s = 0;
                        for (int i = 0; i < a.length; i++) {
                            s += square(a[i]);
                        }
                        return s;
                    }
                }""");

        assertEquals(
                List.of("11: " + PREFIX + "it calls K.square(double), which takes or returns double; only Math"
                        + " and StrictMath calls are adapted to the new type"),
                errors);
    }

    @Test
    void fieldOfTheReplacedType_isRejected() {
        List<String> errors = compile("""
                class K {
                    static double scale = 2;
                    @Jit(alsoFor = ElementKind.FLOAT) static double f(double[] a) {
                        return a[0] * scale;
                    }
                }""");

        assertEquals(
                List.of("9: " + PREFIX + "it uses the field scale of type double, which keeps its type (copy it"
                        + " into a local)"),
                errors);
    }

    @Test
    void literalOutsideFloatRange_isRejected() {
        List<String> errors = compile("""
                class K {
                    @Jit(alsoFor = ElementKind.FLOAT) static double f(double[] a) {
                        return a[0] * 1e300;
                    }
                }""");

        assertEquals(List.of("8: " + PREFIX + "the constant 1.0E300 is outside the range of float"), errors);
    }

    @Test
    void constantFieldOutsideFloatRange_isRejected() {
        List<String> errors = compile("""
                class K {
                    @Jit(alsoFor = ElementKind.FLOAT) static double f(double[] a) {
                        return Math.min(a[0], Double.MAX_VALUE);
                    }
                }""");

        assertEquals(
                List.of("8: " + PREFIX + "the constant MAX_VALUE = 1.7976931348623157E308 is outside the range of"
                        + " float"),
                errors);
    }

    @Test
    void longLiteralOutsideIntRange_isRejected() {
        List<String> errors = compile("""
                class K {
                    @Jit(alsoFor = ElementKind.INT) static long f(long[] a) {
                        return a[0] + 10_000_000_000L;
                    }
                }""");

        assertEquals(List.of("8: " + INT_PREFIX + "the constant 10000000000L is outside the range of int"), errors);
    }

    @Test
    void lambdasAndMethodReferences_areRejected() {
        List<String> errors = compile("""
                class K {
                    @Jit(alsoFor = ElementKind.FLOAT) static double f(double[] a) {
                        java.util.function.DoubleUnaryOperator twice = x -> 2 * x;
                        java.util.function.DoubleUnaryOperator abs = Math::abs;
                        return twice.applyAsDouble(abs.applyAsDouble(a[0]));
                    }
                }""");

        assertEquals(
                List.of(
                        "8: " + PREFIX + "lambdas are not specialised (their body is a separate method that keeps its"
                                + " types)",
                        "9: " + PREFIX + "method references are not specialised (the referenced method keeps its"
                                + " types)",
                        "10: " + PREFIX + "it calls DoubleUnaryOperator.applyAsDouble(double), which takes or returns"
                                + " double; only Math and StrictMath calls are adapted to the new type",
                        "10: " + PREFIX + "it calls DoubleUnaryOperator.applyAsDouble(double), which takes or returns"
                                + " double; only Math and StrictMath calls are adapted to the new type"),
                errors);
    }

    @Test
    void stringConcatenationOfTheReplacedType_isRejected() {
        List<String> errors = compile("""
                class K {
                    @Jit(alsoFor = ElementKind.FLOAT) static int f(double[] a) {
                        String s = "first " + a[0];
                        return s.length();
                    }
                }""");

        assertEquals(
                List.of("8: " + PREFIX + "string concatenation of a double would print a different number of"
                        + " digits"),
                errors);
    }

    @Test
    void privateMembers_areRejected() {
        List<String> errors = compile("""
                class K {
                    private static int offset = 1;
                    private static int next(int i) { return i + offset; }
                    @Jit(alsoFor = ElementKind.FLOAT) static double f(double[] a) {
                        return a[next(0)];
                    }
                }""");

        assertEquals(
                List.of("10: " + PREFIX + "it calls the private K.next(int); the build-time specialisation lives"
                        + " in the generated overloads class, which cannot call it (make it package-private)"),
                errors);
    }

    @Test
    void privateKernel_isRejected() {
        List<String> errors = compile("""
                class K {
                    @Jit(alsoFor = ElementKind.FLOAT) private static double f(double[] a) {
                        return a[0];
                    }
                }""");

        assertEquals(
                List.of("7: @Jit(alsoFor = FLOAT) needs a kernel the generated overloads class can call; f is"
                        + " private"),
                errors);
    }

    @Test
    void clashingOverloads_areRejected() {
        List<String> errors = compile("""
                class K {
                    @Jit(alsoFor = ElementKind.FLOAT) static double f(double[] a) {
                        return a[0];
                    }
                    @Jit static float f(float[] a) {
                        return a[0];
                    }
                    @Jit(alsoFor = ElementKind.FLOAT) static double f(double[] a, int n) {
                        return a[n];
                    }
                }""");

        assertEquals(List.of(), errors);
        List<String> clash = compile("""
                class K {
                    @Jit(alsoFor = ElementKind.FLOAT) static double f(double[] a, float b) {
                        return a[0] + b;
                    }
                    @Jit(alsoFor = ElementKind.FLOAT) static double f(float[] a, double b) {
                        return a[0] + b;
                    }
                }""");

        assertEquals(
                List.of("10: the FLOAT overload f(float[], float) would clash with another generated overload"), clash);
    }

    @Test
    void substitutableKernel_compilesCleanly() {
        List<String> errors = compile("""
                class K {
                    static final double HALF = 0.5;
                    static int clampIndex(int i, int n) { return Math.min(i, n - 1); }
                    @Jit(alsoFor = ElementKind.FLOAT) static double f(double[] a, double lo) {
                        double s = Double.NaN;
                        for (int i = 0; i < a.length; i++) {
                            s = Math.max(s, Math.exp(a[clampIndex(i, a.length)] * HALF) + lo);
                        }
                        return s + 1e-3 + (int) s;
                    }
                }""");

        assertEquals(List.of(), errors);
    }

    /** Compiles one source file with the processor; returns "line: message" for each error. */
    private static List<String> compile(String body) {
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        String source = "package p;\n\nimport dev.stride.ElementKind;\nimport dev.stride.Jit;\n\n" + body;
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
