package dev.stride.compiler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.stride.compiler.codegen.ClassVerification;
import dev.stride.compiler.kernels.ReductionKernels;
import dev.stride.compiler.report.LoopVerdict;
import dev.stride.compiler.report.MethodReport;
import dev.stride.compiler.testing.RewriteHarness;
import java.lang.invoke.MethodHandle;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The foundation kernel end to end: {@code @Jit(fastmath = true) double sum(double[])}. */
class SumEndToEndTest {
    private static final RewriteHarness.Compiled COMPILED = RewriteHarness.compile(ReductionKernels.class);

    private static MethodReport report(String name) {
        return COMPILED.rewrite().report().methods().stream()
                .filter(m -> m.name().equals(name))
                .findFirst()
                .orElseThrow();
    }

    @Test
    void sumIsVectorisedAsAReduction() {
        LoopVerdict verdict = report("sum").loops().getFirst().verdict();
        LoopVerdict.Vectorized vectorized = assertInstanceOf(LoopVerdict.Vectorized.class, verdict);
        assertEquals("double", vectorized.elementType());
        assertEquals("+", vectorized.reductions().getFirst().operator());
        assertTrue(vectorized.reductions().getFirst().reassociated());
    }

    @Test
    void emittedClassesPassTheVerifier() {
        assertTrue(COMPILED.rewrite().changed());
        assertNull(ClassVerification.problem(COMPILED.rewrite().rewrittenClass()));
        COMPILED.rewrite().addedClasses().values().forEach(bytes -> assertNull(ClassVerification.problem(bytes)));
    }

    @Test
    void sumMatchesPlainWithinRelativeBoundOnEveryTailLength() throws Throwable {
        MethodHandle rewritten = COMPILED.method("sum", double[].class);
        Random random = new Random(42);
        for (int length = 0; length <= 1000; length++) {
            double[] a = random.doubles(length, -1e3, 1e3).toArray();
            double plain = ReductionKernels.sum(a);
            double simd = (double) rewritten.invokeExact(a);
            double bound = 1e-12 * sumOfMagnitudes(a);
            assertEquals(plain, simd, bound, "length " + length);
        }
    }

    @Test
    void sumHandlesSpecialValuesLikePlainJava() throws Throwable {
        MethodHandle rewritten = COMPILED.method("sum", double[].class);
        double[][] cases = {
            {},
            {-0.0},
            {-0.0, -0.0, -0.0, -0.0, -0.0, -0.0, -0.0, -0.0, -0.0, -0.0},
            {1, 2, Double.NaN, 4, 5, 6, 7, 8, 9},
            {Double.POSITIVE_INFINITY, 1, 2, 3, 4, 5, 6, 7, 8},
            {Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, 1, 2, 3, 4, 5, 6, 7, 8},
        };
        for (double[] a : cases) {
            double plain = ReductionKernels.sum(a);
            double simd = (double) rewritten.invokeExact(a);
            assertEquals(
                    Double.doubleToRawLongBits(plain), Double.doubleToRawLongBits(simd), java.util.Arrays.toString(a));
        }
    }

    @Test
    void sumOfNullThrowsNullPointerExceptionLikePlainJava() {
        MethodHandle rewritten = COMPILED.method("sum", double[].class);
        assertThrows(NullPointerException.class, () -> ReductionKernels.sum(null));
        assertThrows(NullPointerException.class, () -> {
            double ignored = (double) rewritten.invokeExact((double[]) null);
        });
    }

    @Test
    void strictSumStaysScalarBecauseItNeedsFastmath() {
        LoopVerdict.Rejected rejected = assertInstanceOf(
                LoopVerdict.Rejected.class,
                report("sumStrict").loops().getFirst().verdict());
        assertEquals(dev.stride.compiler.report.RejectionReason.NEEDS_FASTMATH_REDUCTION, rejected.reason());
    }

    private static double sumOfMagnitudes(double[] a) {
        double total = 0;
        for (double value : a) {
            total += Math.abs(value);
        }
        return total;
    }
}
