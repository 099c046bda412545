package dev.stride.compiler.processor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.stride.compiler.testing.UfuncHarness;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Compile-fail tests for the {@code @Vectorize} body and companion rules: each source is compiled with the
 * processor and must fail with exactly the rule's message, at the offending line; a valid function compiles and
 * its companion with it.
 */
class VectorizeRulesTest {

    /** Compiles {@code class K} holding the given members; returns "K.java:line: message" for each error. */
    private static List<String> errors(String members) {
        String source = "package p;\n\nimport dev.stride.Vectorize;\n\nclass K {\n" + members + "\n}\n";
        return UfuncHarness.errors(Map.of("p.K", source)).stream()
                .filter(e -> e.startsWith("K.java"))
                .toList();
    }

    private static String rule(int line, String construct, String reason) {
        return "K.java:" + line + ": @Vectorize function f: " + construct + " not allowed (" + reason + ")";
    }

    @Test
    void loops_areRejected() {
        List<String> errors = errors("""
                @Vectorize static double f(double x) {
                    double s = 0;
                    for (int i = 0; i < 3; i++) { s += x; }
                    while (s > 100) { s /= 2; }
                    return s;
                }""");

        String reason = "the generated array forms are the loop; the body computes one element";
        assertEquals(List.of(rule(8, "loops are", reason), rule(9, "loops are", reason)), errors);
    }

    @Test
    void allocation_isRejected() {
        List<String> errors = errors("""
                @Vectorize static double f(double x) {
                    Double boxed = new Double(x);
                    double[] pair = {x, x};
                    return boxed + pair.length;
                }""");

        String reason = "a ufunc maps primitives to a primitive without allocating";
        assertTrue(errors.contains(rule(7, "allocation ('new') is", reason)), errors.toString());
        assertTrue(errors.contains(rule(8, "array creation is", reason)), errors.toString());
    }

    @Test
    void arrayAccess_isRejected() {
        List<String> errors = errors("""
                static final double[] TABLE = {1, 2};
                @Vectorize static double f(double x) {
                    return x * TABLE[0];
                }""");

        assertEquals(
                List.of(rule(8, "array access is", "the function sees one element of each array, as a parameter")),
                errors);
    }

    @Test
    void fieldWrites_areRejected() {
        List<String> errors = errors("""
                static double last;
                static int calls;
                @Vectorize static double f(double x) {
                    last = x;
                    calls++;
                    return x;
                }""");

        String reason = "a ufunc has no side effects, so the array forms may run it on any element in any order";
        assertEquals(
                List.of(rule(9, "writing field 'last' is", reason), rule(10, "writing field 'calls' is", reason)),
                errors);
    }

    @Test
    void callsOtherThanMathAndStrideFunctions_areRejected() {
        List<String> errors = errors("""
                static double helper(double x) { return x; }
                @Vectorize static double g(double x) { return x; }
                @Vectorize static double f(double x) {
                    return helper(x) + g(x) + Math.exp(x) + StrictMath.sin(x) + Double.compare(x, 0);
                }""");

        String reason =
                "only Math, StrictMath and other @Vectorize or @Jit functions can be inlined into the array forms";
        assertEquals(
                List.of(rule(9, "calling K.helper is", reason), rule(9, "calling Double.compare is", reason)), errors);
    }

    @Test
    void throwTryAndSynchronized_areRejected() {
        List<String> errors = errors("""
                @Vectorize static double f(double x) {
                    if (x < 0) { throw new IllegalArgumentException(); }
                    try { return x; } finally { }
                }""");

        assertTrue(errors.contains(rule(7, "'throw' is", "exceptions have no lanewise form")), errors.toString());
        assertTrue(errors.contains(rule(8, "'try' is", "exceptions have no lanewise form")), errors.toString());
    }

    @Test
    void synchronizedLambdasAndMethodReferences_areRejected() {
        List<String> errors = errors("""
                @Vectorize static double f(double x) {
                    synchronized (K.class) { x = x + 1; }
                    java.util.function.DoubleUnaryOperator twice = v -> v * 2;
                    java.util.function.DoubleUnaryOperator abs = Math::abs;
                    return x;
                }""");

        String allocating = "a ufunc maps primitives to a primitive without allocating";
        assertEquals(
                List.of(
                        rule(7, "'synchronized' is", "a ufunc has no side effects to guard"),
                        rule(8, "lambdas are", allocating),
                        rule(9, "method references are", allocating)),
                errors);
    }

    @Test
    void privateFunction_isRejected() {
        List<String> errors = errors("@Vectorize private static double f(double x) { return x; }");

        assertEquals(
                List.of("K.java:6: @Vectorize function f must not be private: its array forms in the companion class"
                        + " call it"),
                errors);
    }

    @Test
    void associativeNeedsOneTypeAndTwoParameters() {
        List<String> errors = errors("@Vectorize(associative = true) static double f(double x, int y) { return x; }");

        assertEquals(
                List.of("K.java:6: @Vectorize(associative = true) needs a binary function whose parameters and result"
                        + " have one type; f is (double, int) -> double"),
                errors);
    }

    @Test
    void identityMustParseAsTheResultType() {
        List<String> errors =
                errors("@Vectorize(associative = true, identity = \"zero\") static int f(int x, int y) { return x; }");

        assertEquals(
                List.of("K.java:6: @Vectorize(identity = \"zero\") is not a int value (the result type of f)"), errors);
    }

    @Test
    void identityWithoutAssociative_isRejected() {
        List<String> errors = errors("@Vectorize(identity = \"0\") static int f(int x, int y) { return x; }");

        assertEquals(
                List.of("K.java:6: @Vectorize(identity = \"0\") is used only by associative functions (the reduce"
                        + " forms); f is not declared associative"),
                errors);
    }

    @Test
    void validFunctions_compileWithTheirCompanion() {
        String caller = """
                package p;

                class Caller {
                    static double[] use(double[] x, double[] y) {
                        double[] out = new double[x.length];
                        KUfuncs.f(x, y, out);
                        KUfuncs.f(x, y, out, 0, out.length);
                        KUfuncs.f(x, 2.0, out);
                        return KUfuncs.f(1.0, y);
                    }

                    static int total(int[] x) {
                        return KUfuncs.addReduce(x) + KUfuncs.addReduce(x, 0, x.length);
                    }

                    static float[] nested(float[] x) {
                        return KInnerUfuncs.half(x);
                    }
                }
                """;
        String source = """
                package p;

                import dev.stride.Vectorize;

                class K {
                    static final double LIMIT = 3.0;

                    @Vectorize(fastmath = true)
                    static double f(double x, double y) {
                        double d = x - y;
                        if (d > LIMIT) {
                            return Math.exp(-d);
                        }
                        return d < 0 ? -d : g(d);
                    }

                    @Vectorize
                    static double g(double d) {
                        return d * d;
                    }

                    @Vectorize(associative = true, identity = "0")
                    static int add(int a, int b) {
                        return a + b;
                    }

                    static final class Inner {
                        @Vectorize
                        static float half(float x) {
                            return x * 0.5f;
                        }
                    }
                }
                """;

        List<String> errors = UfuncHarness.errors(Map.of("p.K", source, "p.Caller", caller));

        assertEquals(List.of(), errors);
    }
}
