package dev.stride.compiler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.stride.compiler.kernels.ConversionKernels;
import dev.stride.compiler.kernels.HelperKernels;
import dev.stride.compiler.kernels.MapKernels;
import dev.stride.compiler.kernels.ParallelKernels;
import dev.stride.compiler.kernels.ParallelRejectedKernels;
import dev.stride.compiler.kernels.ReasonExamples;
import dev.stride.compiler.kernels.ReductionKernels;
import dev.stride.compiler.kernels.RejectedKernels;
import dev.stride.compiler.kernels.ScanKernels;
import dev.stride.compiler.kernels.TernaryReductionKernels;
import dev.stride.compiler.kernels.WindowKernels;
import dev.stride.compiler.testing.Inputs;
import dev.stride.compiler.testing.RewriteHarness;
import dev.stride.runtime.parallel.ParallelLoops;
import java.lang.reflect.Array;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The default oracle: every kernel of the corpus runs plain and rewritten on the same random inputs (lengths
 * 0..3*16+1 and longer, edge values, aliased arrays, out-of-range bounds) and must give the same result, the same
 * array contents and the same exception type. Exact, except under fastmath: reassociated sums within a relative
 * bound, transcendental lanes within 1 ulp.
 */
class DifferentialCorpusTest {
    private static final Class<?>[] CORPUS = {
        ReductionKernels.class,
        MapKernels.class,
        ConversionKernels.class,
        RejectedKernels.class,
        WindowKernels.class,
        HelperKernels.class,
        ParallelKernels.class,
        ParallelRejectedKernels.class,
        ReasonExamples.class,
        TernaryReductionKernels.class,
        ScanKernels.class
    };
    /** The parallel kernels run rewritten at each of these thread counts ({@code ParallelLoops.withThreads}). */
    private static final int[] THREADS = {1, 2, 4};

    private static final int TRIALS = 160;

    @Test
    void vectorisedCorpusKernelsReallyRunTheirSimdCode() throws Throwable {
        RewriteHarness.Compiled compiled = RewriteHarness.compile(MapKernels.class);
        assertTrue(compiled.rewrite().changed());
        double[] input = new double[64];
        compiled.method("nanToZeroInPlace", double[].class).invoke(input);
        assertTrue(compiled.simdCodeLoaded(), "the SIMD holder was never loaded: the guard or the checks failed");
    }

    @TestFactory
    Stream<DynamicTest> everyKernelMatchesPlainJava() {
        List<DynamicTest> tests = new ArrayList<>();
        for (Class<?> kernels : CORPUS) {
            RewriteHarness.Compiled compiled = RewriteHarness.compile(kernels);
            for (Method plain : kernels.getDeclaredMethods()) {
                if (!Modifier.isStatic(plain.getModifiers()) || !Modifier.isPublic(plain.getModifiers())) {
                    continue;
                }
                int[] threadCounts = kernels.getSimpleName().startsWith("Parallel") ? THREADS : new int[] {1};
                for (int threads : threadCounts) {
                    tests.add(DynamicTest.dynamicTest(
                            kernels.getSimpleName() + "." + plain.getName() + " threads " + threads,
                            () -> differential(plain, compiled, threads)));
                }
            }
        }
        return tests.stream();
    }

    /**
     * Runs one kernel plain and rewritten. After an exception, arrays are compared only at one thread: in
     * parallel, iterations after the failing one may have run (docs/parallel-runtime.md, "Exceptions").
     */
    private static void differential(Method plain, RewriteHarness.Compiled compiled, int threads) throws Exception {
        Method rewritten = compiled.rewrittenClass().getDeclaredMethod(plain.getName(), plain.getParameterTypes());
        boolean fastmath = compiled.rewrite().report().methods().stream()
                .filter(m -> m.name().equals(plain.getName()))
                .anyMatch(m -> m.annotation().contains("fastmath = true"));
        Inputs inputs = new Inputs(plain.getName().hashCode() + threads, true, !fastmath);
        for (int trial = 0; trial < TRIALS; trial++) {
            int length = trial < 50 ? trial : inputs.random().nextInt(300);
            Object[] arguments = arguments(plain.getParameterTypes(), length, inputs);
            Object[] copy = Inputs.deepCopy(arguments);
            Outcome expected = invoke(plain, arguments);
            Outcome actual = ParallelLoops.withThreads(threads, () -> invokeUnchecked(rewritten, copy));
            String where = plain.getName() + " threads " + threads + " trial " + trial + " length " + length;
            assertEquals(expected.exception(), actual.exception(), where + ": exception");
            magnitude = magnitude(arguments);
            assertSame(expected.result(), actual.result(), fastmath, where + ": result");
            if (expected.exception() != null && threads > 1) {
                continue;
            }
            for (int k = 0; k < arguments.length; k++) {
                assertSame(arguments[k], copy[k], fastmath, where + ": argument " + k + " after the call");
            }
        }
    }

    private static double magnitude;

    /** The sum of magnitudes of every floating-point input: the scale of a reassociated sum's error. */
    private static double magnitude(Object[] arguments) {
        double total = 0;
        for (Object argument : arguments) {
            if (argument instanceof double[] a) {
                for (double x : a) {
                    total += Double.isFinite(x) ? Math.abs(x) : 0;
                }
            } else if (argument instanceof float[] a) {
                for (float x : a) {
                    total += Float.isFinite(x) ? Math.abs(x) : 0;
                }
            }
        }
        return total;
    }

    private record Outcome(Object result, Class<?> exception) {}

    private static Outcome invoke(Method method, Object[] arguments) throws IllegalAccessException {
        try {
            return new Outcome(method.invoke(null, arguments), null);
        } catch (InvocationTargetException e) {
            return new Outcome(null, e.getCause().getClass());
        }
    }

    private static Outcome invokeUnchecked(Method method, Object[] arguments) {
        try {
            return invoke(method, arguments);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Object[] arguments(Class<?>[] types, int length, Inputs inputs) {
        Object[] arguments = new Object[types.length];
        for (int k = 0; k < types.length; k++) {
            Class<?> type = types[k];
            if (type.isArray()) {
                int previous = sameTypeArgument(types, k);
                boolean alias = previous >= 0 && inputs.random().nextInt(6) == 0;
                boolean nullArray = inputs.random().nextInt(60) == 0;
                int jitter = inputs.random().nextInt(10) == 0 ? inputs.random().nextInt(5) - 2 : 0;
                arguments[k] = nullArray
                        ? null
                        : alias ? arguments[previous] : inputs.array(type, Math.max(0, length + jitter));
            } else if (type == int.class) {
                int choice = inputs.random().nextInt(10);
                arguments[k] = choice < 6
                        ? length
                        : choice < 8 ? inputs.random().nextInt(length + 1) : choice == 8 ? length + 3 : -1;
            } else if (type == double.class) {
                arguments[k] = inputs.nextDouble();
            } else if (type == float.class) {
                arguments[k] = (float) inputs.nextDouble();
            } else if (type == long.class) {
                arguments[k] = inputs.nextLong();
            } else if (type == boolean.class) {
                arguments[k] = inputs.random().nextBoolean();
            } else {
                fail("no input generator for " + type);
            }
        }
        return arguments;
    }

    private static int sameTypeArgument(Class<?>[] types, int k) {
        for (int j = 0; j < k; j++) {
            if (types[j] == types[k]) {
                return j;
            }
        }
        return -1;
    }

    private static void assertSame(Object expected, Object actual, boolean fastmath, String where) {
        if (expected == null || actual == null) {
            assertEquals(expected, actual, where);
        } else if (expected.getClass().isArray()) {
            assertEquals(Array.getLength(expected), Array.getLength(actual), where + " length");
            for (int k = 0; k < Array.getLength(expected); k++) {
                assertSame(Array.get(expected, k), Array.get(actual, k), fastmath, where + "[" + k + "]");
            }
        } else if (expected instanceof Double d && fastmath) {
            assertClose(d, (Double) actual, where);
        } else if (expected instanceof Float f && fastmath) {
            assertCloseFloat(f, (Float) actual, where);
        } else if (expected instanceof Double d) {
            assertEquals(
                    Double.doubleToLongBits(d),
                    Double.doubleToLongBits((Double) actual),
                    where + ": " + d + " vs " + actual);
        } else {
            assertEquals(expected, actual, where);
        }
    }

    /**
     * A reassociated {@code float} sum: both orders are within {@code (n-1) u sum|x|} of the exact sum (u =
     * 2^-24, n at most 302 here), so they differ by at most {@code 2 * 302 * u * sum|x|}.
     */
    private static void assertCloseFloat(float expected, float actual, String where) {
        if (Float.isNaN(expected) || Float.isInfinite(expected)) {
            assertEquals(expected, actual, where);
            return;
        }
        double tolerance = Math.max(4 * Math.ulp(expected), 2 * 302 * Math.scalb(1.0, -24) * magnitude);
        assertTrue(Math.abs((double) expected - actual) <= tolerance, where + ": " + expected + " vs " + actual);
    }

    private static void assertClose(double expected, double actual, String where) {
        if (Double.isNaN(expected) || Double.isInfinite(expected)) {
            assertEquals(expected, actual, where);
            return;
        }
        double tolerance = Math.max(4 * Math.ulp(expected), 1e-9 * Math.max(1, Math.abs(expected)));
        assertTrue(
                Math.abs(expected - actual) <= tolerance
                        || Double.isNaN(actual) == Double.isNaN(expected) && Math.abs(expected - actual) <= 1e-6,
                where + ": " + expected + " vs " + actual + " " + Arrays.toString(new double[] {expected, actual}));
    }
}
