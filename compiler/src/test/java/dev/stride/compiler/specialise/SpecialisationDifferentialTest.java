package dev.stride.compiler.specialise;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.stride.compiler.ClassRewrite;
import dev.stride.compiler.codegen.ClassVerification;
import dev.stride.compiler.report.LoopVerdict;
import dev.stride.compiler.report.MethodReport;
import dev.stride.runtime.specialise.SpecialisationCompiler;
import java.io.IOException;
import java.io.InputStream;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Each specialisation of {@code spec/SpecialKernels.java} (a test resource, compiled here with the annotation
 * processor) against the version of the new type written by hand in the same file, through every path: the
 * run-time class (vectorised), the same with the vectoriser off (what the kill switch runs), and the
 * build-time rewrite of the overloads class. Lengths 0 to 3 x 16 + 1 cover no SIMD iteration, full vectors and
 * tails at every width; inputs include NaN, infinities, signed zeros, subnormals and int overflow edges, and calls
 * that throw half-way.
 */
class SpecialisationDifferentialTest {
    private static final int MAX_LENGTH = 3 * 16 + 1;
    private static final int SEEDS = 3;

    @TempDir
    static Path root;

    private static Map<String, ClassRewrite> rewrites;
    private static Class<?> kernels;
    private static Class<?> runtimeOverloads;
    private static Class<?> builtOverloads;

    @BeforeAll
    static void build() throws Exception {
        Path classes = SpecialisationBuild.javac(root, Map.of("spec.SpecialKernels", source()));
        rewrites = SpecialisationBuild.rewrite(classes, root.resolve("rewritten"));
        ClassLoader plain = SpecialisationBuild.loader(classes);
        kernels = plain.loadClass("spec.SpecialKernels");
        runtimeOverloads = plain.loadClass("spec.SpecialKernelsOverloads");
        builtOverloads =
                SpecialisationBuild.loader(root.resolve("rewritten")).loadClass("spec.SpecialKernelsOverloads");
    }

    @Test
    void sum_fastmathFloatWithinReassociationBound() throws Exception {
        MethodType type = MethodType.methodType(float.class, float[].class);
        List<Outcome[]> outcomes = differential(
                "sum",
                "([D)D",
                "FLOAT",
                "sumByHand",
                type,
                (n, seed) -> new Object[] {Inputs.floats(n, seed, seed > 0, true)},
                false);

        for (Outcome[] outcome : outcomes) {
            float byHand = (Float) outcome[0].result();
            float specialised = (Float) outcome[1].result();
            double magnitude = 0;
            for (float value : (float[]) outcome[0].arrays().getFirst()) {
                magnitude += Math.abs(value);
            }
            boolean close = Float.isNaN(byHand)
                    ? Float.isNaN(specialised)
                    : Math.abs(byHand - specialised) <= MAX_LENGTH * Math.ulp(1.0f) * magnitude;
            assertTrue(close, "by hand " + byHand + ", specialised " + specialised);
        }
    }

    @Test
    void sumExact_equalsHandWrittenFloat() throws Exception {
        MethodType type = MethodType.methodType(float.class, float[].class);
        differential(
                "sumExact",
                "([D)D",
                "FLOAT",
                "sumExactByHand",
                type,
                (n, seed) -> new Object[] {Inputs.floats(n, seed, seed > 0, false)},
                true);
    }

    @Test
    void meanVariance_equalsHandWrittenFloatIncludingMathCalls() throws Exception {
        MethodType type = MethodType.methodType(float.class, float[].class, float[].class);
        differential(
                "meanVariance",
                "([D[D)D",
                "FLOAT",
                "meanVarianceByHand",
                type,
                (n, seed) -> new Object[] {Inputs.floats(n, seed, seed > 0, false), new float[n % 3]},
                true);
    }

    @Test
    void clamp_equalsHandWrittenFloatWithScalarParameters() throws Exception {
        MethodType type =
                MethodType.methodType(void.class, float[].class, float.class, int.class, float.class, float[].class);
        differential(
                "clamp",
                "([DDID[D)V",
                "FLOAT",
                "clampByHand",
                type,
                (n, seed) -> new Object[] {
                    Inputs.floats(n, seed, seed > 0, false), -50f, 3, 75.5f, new float[Math.max(0, n - seed.intValue())]
                },
                true);
    }

    @Test
    void mix_equalsHandWrittenIntWithOverflow() throws Exception {
        MethodType type = MethodType.methodType(int.class, int[].class, int[].class, int.class, int[].class);
        differential(
                "mix",
                "([J[JJ[J)J",
                "INT",
                "mixByHand",
                type,
                (n, seed) -> new Object[] {
                    Inputs.ints(n, seed, seed > 0),
                    Inputs.ints(n + seed.intValue() % 2, seed + 7, seed > 0),
                    seed == 2 ? Integer.MAX_VALUE : 7,
                    new int[n]
                },
                true);
    }

    @Test
    void axpy_equalsHandWrittenIntWithOverflow() throws Exception {
        MethodType type = MethodType.methodType(int.class, int.class, int[].class, int[].class);
        differential(
                "axpy",
                "(J[J[J)J",
                "INT",
                "axpyByHand",
                type,
                (n, seed) -> new Object[] {
                    seed == 1 ? Integer.MIN_VALUE + 3 : 65537,
                    Inputs.ints(n, seed, seed > 0),
                    Inputs.ints(n, seed + 3, true)
                },
                true);
    }

    @Test
    void prefix_chainedAssignmentsReshapeTheStack() throws Exception {
        MethodType type = MethodType.methodType(float.class, float[].class, float[].class, float[].class);
        MethodHandle byHand = MethodHandles.publicLookup().findStatic(kernels, "prefixByHand", type);
        MethodHandle scalar = ScalarSpecialisation.handle(kernels, "prefix", "([D[D[D)D", "FLOAT", type);

        for (int n = 0; n <= MAX_LENGTH; n++) {
            Object[] arguments = {Inputs.floats(n, n, true, false), new float[n], new float[n / 2]};
            Outcome expected = Outcome.of(byHand, arguments);
            Outcome actual = Outcome.of(scalar, arguments);

            assertTrue(expected.same(actual), "n=" + n + ": by hand " + expected + " vs " + actual);
        }
    }

    @Test
    void checkedSum_throwsTheKernelsCheckedExceptionUnchanged() throws Exception {
        MethodType type = MethodType.methodType(float.class, float[].class);
        List<Outcome[]> outcomes = differential(
                "checkedSum",
                "([D)D",
                "FLOAT",
                "checkedSumByHand",
                type,
                (n, seed) -> new Object[] {Inputs.floats(n, seed, seed > 0, false)},
                true);

        assertEquals("java.io.IOException: empty input", outcomes.getFirst()[1].thrown());
        assertEquals("java.io.IOException: empty input", outcomes.getFirst()[3].thrown());
    }

    @Test
    void nullArrays_throwTheSameExceptionOnEveryPath() throws Exception {
        MethodType type = MethodType.methodType(float.class, float[].class);

        Outcome byHand = Outcome.of(
                MethodHandles.publicLookup().findStatic(kernels, "sumExactByHand", type), new Object[] {null});
        Outcome runtime = Outcome.of(
                MethodHandles.publicLookup().findStatic(runtimeOverloads, "sumExact", type), new Object[] {null});
        Outcome built = Outcome.of(
                MethodHandles.publicLookup().findStatic(builtOverloads, "sumExact", type), new Object[] {null});

        assertTrue(byHand.thrown().startsWith("java.lang.NullPointerException"), byHand.toString());
        assertEquals(byHand.thrown(), runtime.thrown());
        assertEquals(byHand.thrown(), built.thrown());
    }

    @Test
    void buildTimeRewrite_vectorisesSpecialisationsAndReportsThem() {
        ClassRewrite rewrite = rewrites.get("spec/SpecialKernelsOverloads");

        MethodReport sum = method(rewrite, "sum", "([F)F");
        MethodReport axpy = method(rewrite, "axpy", "(I[I[I)I");

        assertTrue(rewrite.changed());
        assertTrue(rewrite.addedClasses().containsKey("spec/SpecialKernelsOverloads$StrideSimd"));
        assertTrue(
                sum.annotation().endsWith("specialisation of sum(double[]) for FLOAT (lines of SpecialKernels.java)"),
                sum.annotation());
        assertEquals("float", vectorized(sum).elementType());
        assertEquals("int", vectorized(axpy).elementType());
        assertNull(ClassVerification.problem(rewrite.rewrittenClass()));
        for (byte[] added : rewrite.addedClasses().values()) {
            assertNull(ClassVerification.problem(added));
        }
    }

    @Test
    void runtimeCompiler_vectorisesWithFloatVectorsAndPassesTheVerifier() {
        SpecialisationCompiler.SpecialisedClass sum =
                new RuntimeSpecialiser().compile(kernels, "sum", "([D)D", "FLOAT", true);
        SpecialisationCompiler.SpecialisedClass axpy =
                new RuntimeSpecialiser().compile(kernels, "axpy", "(J[J[J)J", "INT", true);

        assertEquals("([F)F", sum.descriptor());
        assertTrue(constants(sum.classFile()).contains("jdk/incubator/vector/FloatVector"));
        assertTrue(constants(axpy.classFile()).contains("jdk/incubator/vector/IntVector"));
        assertNull(ClassVerification.problem(sum.classFile()));
        assertNull(ClassVerification.problem(axpy.classFile()));
    }

    /**
     * Runs the kernel's specialisation on every path and the hand-written version on the same inputs; asserts every
     * path agrees with the others exactly and, when {@code exact}, with the hand-written version.
     *
     * @return per input: {by hand, run time, run time scalar, build time}
     */
    private static List<Outcome[]> differential(
            String kernel,
            String descriptor,
            String kind,
            String byHandName,
            MethodType type,
            BiFunction<Integer, Long, Object[]> inputs,
            boolean exact)
            throws Exception {
        MethodHandles.Lookup lookup = MethodHandles.publicLookup();
        MethodHandle byHand = lookup.findStatic(kernels, byHandName, type);
        MethodHandle runtime = lookup.findStatic(runtimeOverloads, kernel, type);
        MethodHandle built = lookup.findStatic(builtOverloads, kernel, type);
        MethodHandle scalar = ScalarSpecialisation.handle(kernels, kernel, descriptor, kind, type);
        List<Outcome[]> all = new ArrayList<>();
        for (int n = 0; n <= MAX_LENGTH; n++) {
            for (long seed = 0; seed < SEEDS; seed++) {
                Object[] arguments = inputs.apply(n, seed);
                Outcome[] outcome = {
                    Outcome.of(byHand, arguments),
                    Outcome.of(runtime, arguments),
                    Outcome.of(scalar, arguments),
                    Outcome.of(built, arguments)
                };
                String where = kernel + " n=" + n + " seed=" + seed + ": ";
                assertTrue(outcome[1].same(outcome[3]), where + "run time " + outcome[1] + " vs build " + outcome[3]);
                assertTrue(outcome[0].same(outcome[2]), where + "by hand " + outcome[0] + " vs scalar " + outcome[2]);
                if (exact) {
                    assertTrue(outcome[0].same(outcome[1]), where + "by hand " + outcome[0] + " vs " + outcome[1]);
                } else {
                    assertEquals(outcome[0].thrown(), outcome[1].thrown(), where);
                }
                all.add(outcome);
            }
        }
        return all;
    }

    private static MethodReport method(ClassRewrite rewrite, String name, String descriptor) {
        return rewrite.report().methods().stream()
                .filter(m -> m.name().equals(name) && m.descriptor().equals(descriptor))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no report for " + name + descriptor));
    }

    private static LoopVerdict.Vectorized vectorized(MethodReport method) {
        return method.loops().stream()
                .map(l -> l.verdict())
                .filter(LoopVerdict.Vectorized.class::isInstance)
                .map(LoopVerdict.Vectorized.class::cast)
                .findFirst()
                .orElseThrow(() -> new AssertionError(method.name() + " has no vectorised loop: " + method.loops()));
    }

    private static String constants(byte[] classFile) {
        return new String(classFile, StandardCharsets.ISO_8859_1);
    }

    private static String source() throws IOException {
        try (InputStream in =
                SpecialisationDifferentialTest.class.getResourceAsStream("/specialise/spec/SpecialKernels.java")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
