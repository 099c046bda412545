package dev.stride.compiler;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.stride.compiler.kernels.WindowKernels;
import dev.stride.compiler.report.LoopVerdict;
import dev.stride.compiler.testing.Inputs;
import dev.stride.compiler.testing.RewriteHarness;
import java.lang.invoke.MethodHandle;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * Outer-loop vectorisation of the rolling window nests: bit-identical to plain Java (no fastmath) for every
 * window length, offset and series length around the 4 x 8 interleaved main loop, the 8-lane loop and the scalar
 * tail; with NaN in the data; and with the plain loop's exceptions when a bound is out of range.
 */
class OuterLoopVectorizationTest {
    private static final RewriteHarness.Compiled COMPILED = RewriteHarness.compile(WindowKernels.class);

    @Test
    void rollingLoopsAreOuterLoopVectorised() {
        for (String name : new String[] {"rollingMean", "rollingStd", "meanAndMax"}) {
            LoopVerdict verdict = COMPILED.rewrite().report().methods().stream()
                    .filter(m -> m.name().equals(name))
                    .findFirst()
                    .orElseThrow()
                    .loops()
                    .getFirst()
                    .verdict();
            assertTrue(assertInstanceOf(LoopVerdict.Vectorized.class, verdict).outerLoop(), name);
        }
    }

    @Test
    void rollingMeanAndStdAreBitIdentical() throws Throwable {
        MethodHandle mean =
                COMPILED.method("rollingMean", double[].class, int.class, int.class, int.class, double[].class);
        MethodHandle std = COMPILED.method(
                "rollingStd", double[].class, int.class, int.class, int.class, double[].class, double[].class);
        Inputs inputs = new Inputs(11, true, true);
        for (int length : new int[] {0, 1, 7, 8, 9, 31, 32, 33, 40, 95, 96, 97, 130, 300}) {
            for (int n : new int[] {1, 2, 5, 31, 84}) {
                for (int from : new int[] {0, 3}) {
                    double[] x = (double[]) inputs.array(double[].class, length);
                    double[] plainMean = new double[length];
                    double[] simdMean = new double[length];
                    double[] plainStd = new double[length];
                    double[] simdStd = new double[length];
                    WindowKernels.rollingMean(x, from, length, n, plainMean);
                    mean.invokeExact(x, from, length, n, simdMean);
                    WindowKernels.rollingStd(x, from, length, n, plainMean, plainStd);
                    std.invokeExact(x, from, length, n, plainMean, simdStd);
                    String where = "length " + length + " n " + n + " from " + from;
                    assertArrayEquals(plainMean, simdMean, where);
                    assertBitsEqual(plainStd, simdStd, where);
                }
            }
        }
        assertTrue(COMPILED.simdCodeLoaded(), "the SIMD holder never ran");
    }

    @Test
    void outOfRangeBoundsThrowLikePlainJavaAfterTheSamePartialWrites() throws Throwable {
        MethodHandle mean =
                COMPILED.method("rollingMean", double[].class, int.class, int.class, int.class, double[].class);
        double[] x = new double[100];
        Arrays.fill(x, 1.5);
        double[] plainOut = new double[90];
        double[] simdOut = new double[90];
        assertThrows(ArrayIndexOutOfBoundsException.class, () -> WindowKernels.rollingMean(x, 0, 100, 4, plainOut));
        assertThrows(ArrayIndexOutOfBoundsException.class, () -> {
            mean.invokeExact(x, 0, 100, 4, simdOut);
        });
        assertArrayEquals(plainOut, simdOut);
        assertEquals(1.5, simdOut[89]);
    }

    private static void assertBitsEqual(double[] expected, double[] actual, String where) {
        for (int k = 0; k < expected.length; k++) {
            assertEquals(
                    Double.doubleToRawLongBits(expected[k]),
                    Double.doubleToRawLongBits(actual[k]),
                    where + " at " + k + ": " + expected[k] + " vs " + actual[k]);
        }
    }
}
