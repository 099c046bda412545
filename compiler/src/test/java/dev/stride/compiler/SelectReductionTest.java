package dev.stride.compiler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.stride.compiler.kernels.TernaryReductionKernels;
import dev.stride.compiler.report.LoopReport;
import dev.stride.compiler.report.LoopVerdict;
import dev.stride.compiler.report.MethodReport;
import dev.stride.compiler.testing.RewriteHarness;
import java.lang.invoke.MethodHandle;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Minimum and maximum written as comparisons ({@link TernaryReductionKernels}): which forms are recognised, what
 * the report says for each, and the rewritten code against plain Java on inputs full of the values where a select
 * and {@code Math.max} differ (NaN elements, a NaN start, {@code -0.0} and {@code 0.0}, infinities, extremes).
 */
class SelectReductionTest {
    private static final RewriteHarness.Compiled COMPILED = RewriteHarness.compile(TernaryReductionKernels.class);
    private static final double[] SPECIAL = {
        Double.NaN,
        -0.0,
        0.0,
        Double.POSITIVE_INFINITY,
        Double.NEGATIVE_INFINITY,
        Double.MAX_VALUE,
        -Double.MAX_VALUE,
        Double.MIN_VALUE,
        1.0,
        -1.0
    };

    @ParameterizedTest
    @CsvSource({
        "maxIntGreater, vectorized, max",
        "maxIntAccumulatorFirst, vectorized, max",
        "minIntLessOrEqual, vectorized, min",
        "minIntElementLast, vectorized, max",
        "maxLongIf, vectorized, max",
        "minLongIfOfExpression, vectorized, min",
        "maxIntWithStores, vectorized, max",
        "maxDoubleStrict, NEEDS_FASTMATH_REDUCTION, -",
        "maxDoubleFastmath, vectorized, max",
        "minDoubleIfFastmath, vectorized, min",
        "maxFloatAccumulatorFirstFastmath, vectorized, max",
        "maxFloatTakingNaN, LOOP_CARRIED_SCALAR, -",
        "notAReductionMixedDirections, LOOP_CARRIED_SCALAR, -",
        "maxIntReadElsewhere, LOOP_CARRIED_SCALAR, -",
        "maxLongThroughHelper, vectorized, max",
        "maxIntAssignedAndStored, LOOP_CARRIED_SCALAR, -",
        "liveOutLastMax, LIVE_OUT_SCALAR, -"
    })
    void form_getsItsVerdict(String method, String expected, String operator) {
        LoopVerdict verdict = loop(method).verdict();

        switch (verdict) {
            case LoopVerdict.Vectorized vectorized -> {
                assertEquals(expected, vectorized.kind(), method);
                assertEquals(operator, vectorized.reductions().getFirst().operator(), method);
            }
            case LoopVerdict.Rejected rejected ->
                assertEquals(expected, rejected.reason().name(), method);
            default -> throw new AssertionError(method + ": " + verdict);
        }
    }

    @Test
    void doubleSelectWithoutFastmath_saysWhyInTheDetail() {
        LoopVerdict.Rejected rejected =
                (LoopVerdict.Rejected) loop("maxDoubleStrict").verdict();

        assertTrue(rejected.detail().contains("-0.0 and 0.0"), rejected.detail());
        assertTrue(rejected.detail().contains("Math.max (exact)"), rejected.detail());
    }

    @Test
    void floatingSelectUnderFastmath_reportsTheZeroSignCaveat() {
        LoopVerdict.Vectorized vectorized =
                (LoopVerdict.Vectorized) loop("maxDoubleFastmath").verdict();

        assertTrue(vectorized.reductions().getFirst().exactness().contains("NaN exact"));
    }

    @Test
    void integerSelects_matchPlainJavaExactly() throws Throwable {
        Random random = new Random(7);
        for (int trial = 0; trial < 400; trial++) {
            int length = trial < 80 ? trial : random.nextInt(500);
            int[] ints = new int[length];
            long[] longs = new long[length];
            long[] others = new long[length];
            for (int k = 0; k < length; k++) {
                ints[k] = random.nextInt(8) == 0 ? extremeInt(random) : random.nextInt(2000) - 1000;
                longs[k] = random.nextInt(8) == 0 ? Long.MIN_VALUE + random.nextInt(3) : random.nextLong() >> 8;
                others[k] = random.nextLong() >> 8;
            }
            int start = random.nextBoolean() ? extremeInt(random) : random.nextInt(2000) - 1000;
            long longStart = random.nextLong() >> 4;
            for (String name : new String[] {"maxIntAccumulatorFirst", "minIntLessOrEqual", "minIntElementLast"}) {
                assertEquals(
                        plain(name, int[].class, int.class).invoke(ints, start),
                        (int) rewritten(name, int[].class, int.class).invoke(ints, start),
                        name + " length " + length);
            }
            assertEquals(plain("maxIntGreater", int[].class).invoke(ints), (int)
                    rewritten("maxIntGreater", int[].class).invoke(ints));
            assertEquals(plain("maxLongIf", long[].class, long.class).invoke(longs, longStart), (long)
                    rewritten("maxLongIf", long[].class, long.class).invoke(longs, longStart));
            assertEquals(
                    plain("minLongIfOfExpression", long[].class, long[].class, long.class)
                            .invoke(longs, others, longStart),
                    (long) rewritten("minLongIfOfExpression", long[].class, long[].class, long.class)
                            .invoke(longs, others, longStart));
        }
        assertTrue(COMPILED.simdCodeLoaded(), "the SIMD code never ran");
    }

    @Test
    void doubleSelectsUnderFastmath_matchPlainJavaOnNanAndSignedZeros() throws Throwable {
        Random random = new Random(11);
        int zeroSignDifferences = 0;
        for (int trial = 0; trial < 2000; trial++) {
            int length = trial < 80 ? trial : random.nextInt(300);
            double[] a = new double[length];
            for (int k = 0; k < length; k++) {
                a[k] = random.nextInt(3) == 0 ? SPECIAL[random.nextInt(SPECIAL.length)] : random.nextGaussian();
            }
            double start = random.nextInt(4) == 0 ? SPECIAL[random.nextInt(SPECIAL.length)] : random.nextGaussian();
            for (String name : new String[] {"maxDoubleFastmath", "minDoubleIfFastmath"}) {
                double expected =
                        (double) plain(name, double[].class, double.class).invoke(a, start);
                double actual =
                        (double) rewritten(name, double[].class, double.class).invoke(a, start);
                zeroSignDifferences += assertSameUpToZeroSign(expected, actual, name + " trial " + trial);
            }
            float[] f = new float[length];
            for (int k = 0; k < length; k++) {
                f[k] = (float) a[k];
            }
            float expected = (float) plain("maxFloatAccumulatorFirstFastmath", float[].class, float.class)
                    .invoke(f, (float) start);
            float actual = (float) rewritten("maxFloatAccumulatorFirstFastmath", float[].class, float.class)
                    .invoke(f, (float) start);
            zeroSignDifferences += assertSameUpToZeroSign(expected, actual, "float trial " + trial);
        }
        assertTrue(zeroSignDifferences < 200, zeroSignDifferences + " zero-sign differences");
    }

    @Test
    void allNanElements_keepTheStart_andANanStartSticks() throws Throwable {
        double[] nans = new double[200];
        java.util.Arrays.fill(nans, Double.NaN);
        double[] values = new double[200];
        java.util.Arrays.setAll(values, k -> k - 100.0);
        MethodHandle max = rewritten("maxDoubleFastmath", double[].class, double.class);

        assertEquals(3.0, (double) max.invoke(nans, 3.0));
        assertTrue(Double.isNaN((double) max.invoke(values, Double.NaN)));
        assertEquals(99.0, (double) max.invoke(values, Double.NEGATIVE_INFINITY));
    }

    @Test
    void signedZeroTie_isTheOneDifferenceFastmathAllows() throws Throwable {
        double[] zeros = new double[64];
        java.util.Arrays.fill(zeros, 0.0);
        zeros[0] = -0.0;

        double expected = (double)
                plain("maxDoubleFastmath", double[].class, double.class).invoke(zeros, Double.NEGATIVE_INFINITY);
        double actual = (double)
                rewritten("maxDoubleFastmath", double[].class, double.class).invoke(zeros, Double.NEGATIVE_INFINITY);

        // the scalar loop keeps the first zero it meets; lane 0 holds -0.0, the other lanes 0.0, and max picks 0.0
        assertEquals(Double.doubleToRawLongBits(-0.0), Double.doubleToRawLongBits(expected));
        assertEquals(Double.doubleToRawLongBits(0.0), Double.doubleToRawLongBits(actual));
    }

    /** Equal bits, or both zero of either sign (the one difference fastmath allows); returns 1 for the latter. */
    private static int assertSameUpToZeroSign(double expected, double actual, String where) {
        if (Double.doubleToRawLongBits(expected) == Double.doubleToRawLongBits(actual)
                || Double.isNaN(expected) && Double.isNaN(actual)) {
            return 0;
        }
        assertTrue(expected == 0.0 && actual == 0.0, where + ": expected " + expected + " but was " + actual);
        return 1;
    }

    private static int extremeInt(Random random) {
        return random.nextBoolean() ? Integer.MIN_VALUE + random.nextInt(2) : Integer.MAX_VALUE - random.nextInt(2);
    }

    private static MethodHandle plain(String name, Class<?>... types) {
        return RewriteHarness.handle(TernaryReductionKernels.class, name, types);
    }

    private static MethodHandle rewritten(String name, Class<?>... types) {
        return RewriteHarness.handle(COMPILED.rewrittenClass(), name, types);
    }

    private static LoopReport loop(String method) {
        MethodReport report = COMPILED.rewrite().report().methods().stream()
                .filter(m -> m.name().equals(method))
                .findFirst()
                .orElseThrow();
        return report.loops().getFirst();
    }
}
