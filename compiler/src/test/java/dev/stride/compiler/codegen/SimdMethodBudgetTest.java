package dev.stride.compiler.codegen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.stride.compiler.report.LoopVerdict;
import dev.stride.compiler.report.MethodReport;
import dev.stride.compiler.report.RejectionReason;
import dev.stride.compiler.testing.RewriteHarness;
import java.io.IOException;
import java.lang.invoke.MethodHandle;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.Random;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The size budget of generated SIMD methods ({@link SimdMethodBudget}), on kernels generated with long
 * straight-line bodies: one whose four-accumulator form is too large but whose single-accumulator form fits
 * (vectorised in the single shape), one too large in every shape (rejected with {@code METHOD_TOO_LARGE}), and a
 * normal one (unaffected). The rewritten class runs against the plain one on the same inputs.
 */
class SimdMethodBudgetTest {
    /** Terms of the max-reduction polynomial: 4 body copies exceed the limit, 1 does not. */
    private static final int REDUCTION_TERMS = 60;

    /** Terms of the conditional map: one body copy exceeds the limit. */
    private static final int MAP_TERMS = 400;

    @TempDir
    static Path directory;

    private static Class<?> plain;
    private static RewriteHarness.Compiled compiled;

    @BeforeAll
    static void compileGeneratedKernels() throws Exception {
        plain = javac("dev.stride.gen.LargeBodies", source());
        compiled = RewriteHarness.compile(plain);
    }

    @Test
    void interleavedTooLarge_fallsBackToOneAccumulator() {
        LoopVerdict.Vectorized verdict = (LoopVerdict.Vectorized) verdict("maxOfPolynomial");

        assertTrue(verdict.shape().contains("one vector accumulator"), verdict.shape());
        assertTrue(verdict.shape().contains("above the limit of 7000"), verdict.shape());
    }

    @Test
    void tooLargeInEveryShape_staysScalarWithMethodTooLarge() {
        LoopVerdict.Rejected verdict = (LoopVerdict.Rejected) verdict("conditionalPolynomial");

        assertEquals(RejectionReason.METHOD_TOO_LARGE, verdict.reason());
        assertTrue(
                verdict.detail()
                        .matches("the SIMD method would have \\d+ bytes of bytecode, above Stride's limit"
                                + " of 7000 \\(HotSpot does not JIT-compile methods above 8000 bytes\\).*"),
                verdict.detail());
        int bytes = Integer.parseInt(verdict.detail().replaceAll("\\D*(\\d+) bytes.*", "$1"));
        assertTrue(bytes > SimdMethodBudget.LIMIT, verdict.detail());
    }

    @Test
    void outerLoopNestTooLarge_fallsBackToOneGroupOfLanes() {
        LoopVerdict.Vectorized verdict = (LoopVerdict.Vectorized) verdict("windowPolynomial");

        assertTrue(verdict.outerLoop());
        assertTrue(verdict.shape().contains("consecutive outer iterations at a time"), verdict.shape());
        assertTrue(verdict.shape().contains("not interleaved 4 deep"), verdict.shape());
    }

    @Test
    void normalKernel_keepsTheInterleavedShape() {
        LoopVerdict.Vectorized verdict = (LoopVerdict.Vectorized) verdict("smallMax");

        assertTrue(verdict.shape().contains("4 independent vector accumulators"), verdict.shape());
    }

    @Test
    void everyEmittedHolderMethod_isWithinTheLimit() {
        Map<String, byte[]> holders = compiled.rewrite().addedClasses();

        assertEquals(1, holders.size());
        Map<String, Integer> sizes = CodeSizes.of(holders.values().iterator().next());
        assertTrue(sizes.keySet().stream().anyMatch(name -> name.startsWith("maxOfPolynomial")), sizes.toString());
        sizes.forEach((name, bytes) -> assertTrue(bytes <= SimdMethodBudget.LIMIT, name + ": " + bytes));
    }

    @Test
    void rewrittenKernels_matchPlainJava() throws Throwable {
        Random random = new Random(3);
        for (int trial = 0; trial < 120; trial++) {
            int length = trial < 70 ? trial : random.nextInt(400);
            double[] a = new double[length];
            Arrays.setAll(a, k -> random.nextInt(20) == 0 ? Double.NaN : random.nextGaussian());
            for (String name : new String[] {"maxOfPolynomial", "smallMax"}) {
                assertEquals(
                        (double) handle(plain, name, double[].class).invoke(a),
                        (double) handle(compiled.rewrittenClass(), name, double[].class)
                                .invoke(a),
                        name + " length " + length);
            }
            double[] expected = new double[length];
            double[] actual = new double[length];
            handle(plain, "conditionalPolynomial", double[].class, double[].class)
                    .invoke(a, expected);
            handle(compiled.rewrittenClass(), "conditionalPolynomial", double[].class, double[].class)
                    .invoke(a, actual);
            assertTrue(Arrays.equals(expected, actual), "conditionalPolynomial length " + length);
            int window = 1 + random.nextInt(9);
            double[] plainWindows = new double[length];
            double[] rewrittenWindows = new double[length];
            handle(plain, "windowPolynomial", double[].class, int.class, double[].class)
                    .invoke(a, window, plainWindows);
            handle(compiled.rewrittenClass(), "windowPolynomial", double[].class, int.class, double[].class)
                    .invoke(a, window, rewrittenWindows);
            assertTrue(Arrays.equals(plainWindows, rewrittenWindows), "windowPolynomial length " + length);
        }
        assertTrue(compiled.simdCodeLoaded());
    }

    @Test
    void codeSizes_readTheCodeAttribute() {
        Map<String, Integer> sizes = CodeSizes.of(RewriteHarness.classBytes(SimdMethodBudgetTest.class));

        assertEquals(5, sizes.get("<init>()V")); // aload_0, invokespecial #n, return
    }

    @Test
    void userMethodPushedOverHotSpotsLimit_getsAWarning() throws Exception {
        int base = CodeSizes.of(javacBytes("NearLimit0", nearLimitSource("NearLimit0", 0)))
                .get(NEAR_LIMIT_METHOD);
        int padding = (SimdMethodBudget.HOTSPOT_HUGE_METHOD_LIMIT - 1 - base) / 3; // each x += 1 is a 3-byte iinc
        Class<?> near = javac("dev.stride.gen.NearLimit", nearLimitSource("NearLimit", padding));

        RewriteHarness.Compiled rewritten = RewriteHarness.compile(near);

        assertTrue(CodeSizes.of(RewriteHarness.classBytes(near)).get(NEAR_LIMIT_METHOD) <= 8000);
        assertTrue(
                rewritten.rewrite().diagnostics().stream()
                        .anyMatch(d -> d.message().startsWith(NEAR_LIMIT_METHOD + ": with the SIMD entry code")),
                rewritten.rewrite().diagnostics().toString());
        assertTrue(compiled.rewrite().diagnostics().stream()
                .noneMatch(d -> d.message().contains("above HotSpot's limit")));
    }

    private static final String NEAR_LIMIT_METHOD = "clampAfterPadding([D[D)I";

    private static String nearLimitSource(String name, int padding) {
        String increments = "x += 1;\n".repeat(padding);
        return """
                package dev.stride.gen;

                import dev.stride.Jit;

                public final class %s {
                    @Jit
                    public static int clampAfterPadding(double[] a, double[] out) {
                        int x = 0;
                        %s
                        for (int i = 0; i < out.length; i++) {
                            out[i] = a[i] > 0 ? a[i] : 0.0;
                        }
                        return x;
                    }
                }
                """.formatted(name, increments);
    }

    private static LoopVerdict verdict(String method) {
        MethodReport report = compiled.rewrite().report().methods().stream()
                .filter(m -> m.name().equals(method))
                .findFirst()
                .orElseThrow();
        return report.loops().getFirst().verdict();
    }

    private static MethodHandle handle(Class<?> owner, String name, Class<?>... types) {
        return RewriteHarness.handle(owner, name, types);
    }

    private static String source() {
        StringBuilder polynomial = new StringBuilder("a[i]");
        for (int k = 1; k <= REDUCTION_TERMS; k++) {
            polynomial.append(" + a[i] * ").append(1.0 + k / 64.0);
        }
        StringBuilder large = new StringBuilder("a[i]");
        for (int k = 1; k <= MAP_TERMS; k++) {
            large.append(" + a[i] * ").append(1.0 + k / 512.0);
        }
        return """
                package dev.stride.gen;

                import dev.stride.Jit;

                public final class LargeBodies {
                    @Jit
                    public static double maxOfPolynomial(double[] a) {
                        double m = Double.NEGATIVE_INFINITY;
                        for (int i = 0; i < a.length; i++) {
                            m = Math.max(m, %s);
                        }
                        return m;
                    }

                    @Jit
                    public static void conditionalPolynomial(double[] a, double[] out) {
                        for (int i = 0; i < out.length; i++) {
                            out[i] = a[i] > 0 ? %s : 0.0;
                        }
                    }

                    @Jit
                    public static void windowPolynomial(double[] x, int n, double[] out) {
                        for (int k = 0; k + n <= x.length; k++) {
                            double acc = 0.0;
                            for (int j = 0; j < n; j++) {
                                acc += %s;
                            }
                            out[k] = acc;
                        }
                    }

                    @Jit
                    public static double smallMax(double[] a) {
                        double m = Double.NEGATIVE_INFINITY;
                        for (int i = 0; i < a.length; i++) {
                            m = Math.max(m, a[i] * 2.0 + 1.0);
                        }
                        return m;
                    }
                }
                """.formatted(polynomial, large, polynomial.toString().replace("a[i]", "x[k + j]"));
    }

    /** Compiles a class of package {@code dev.stride.gen} and returns its class file. */
    private static byte[] javacBytes(String simpleName, String source) throws IOException, ClassNotFoundException {
        javac("dev.stride.gen." + simpleName, source);
        return Files.readAllBytes(directory.resolve("dev/stride/gen/" + simpleName + ".class"));
    }

    /** Compiles one source with the JDK's javac ({@code -g}, the test class path) and loads the class. */
    private static Class<?> javac(String binaryName, String source) throws IOException, ClassNotFoundException {
        Path file = directory.resolve(binaryName.substring(binaryName.lastIndexOf('.') + 1) + ".java");
        Files.writeString(file, source);
        int status = ToolProvider.getSystemJavaCompiler()
                .run(
                        null,
                        null,
                        null,
                        "-g",
                        "-proc:none",
                        "-nowarn",
                        "-d",
                        directory.toString(),
                        "-classpath",
                        System.getProperty("java.class.path"),
                        file.toString());
        assertEquals(0, status, "javac failed");
        URLClassLoader loader = new URLClassLoader(
                new java.net.URL[] {directory.toUri().toURL()}, SimdMethodBudgetTest.class.getClassLoader());
        return Class.forName(binaryName, true, loader);
    }
}
