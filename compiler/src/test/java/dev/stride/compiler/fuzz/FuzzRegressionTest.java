package dev.stride.compiler.fuzz;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.stride.compiler.kernels.FuzzRegressionKernels;
import dev.stride.compiler.report.MethodReport;
import dev.stride.compiler.testing.Inputs;
import dev.stride.compiler.testing.RewriteHarness;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The fuzzer's shrunk findings ({@link FuzzRegressionKernels}): each compiles without an internal error, takes
 * the optimised path, and matches plain Java on every length and window width around the vector widths.
 */
class FuzzRegressionTest {
    private static final RewriteHarness.Compiled COMPILED = RewriteHarness.compile(FuzzRegressionKernels.class);

    @Test
    void longWindowNests_areOuterVectorised() {
        for (MethodReport method : COMPILED.rewrite().report().methods()) {
            String optimisation = KernelRunner.optimisation(COMPILED.rewrite(), method.name());

            assertEquals("outer-vectorized", optimisation, method.name());
        }
    }

    @Test
    void longWindowNests_matchPlainJava() throws ReflectiveOperationException {
        Inputs inputs = new Inputs(7, true, true);
        Random random = inputs.random();
        for (Method plain : FuzzRegressionKernels.class.getDeclaredMethods()) {
            Method rewritten = COMPILED.rewrittenClass().getMethod(plain.getName(), plain.getParameterTypes());
            for (int length = 0; length < 80; length++) {
                long[] x = (long[]) inputs.array(long[].class, length);
                int n = random.nextInt(Math.min(length, 20) + 2) - (random.nextInt(20) == 0 ? 2 : 0);
                long[] expected = new long[length];
                long[] actual = new long[length];

                Class<?> plainException = invoke(plain, x, n, expected);
                Class<?> rewrittenException = invoke(rewritten, x.clone(), n, actual);

                String where = plain.getName() + " length " + length + " n " + n + " " + Arrays.toString(x);
                assertEquals(plainException, rewrittenException, where);
                assertArrayEquals(expected, actual, where);
            }
        }
    }

    private static Class<?> invoke(Method method, Object... arguments) throws IllegalAccessException {
        try {
            method.invoke(null, arguments);
            return null;
        } catch (InvocationTargetException e) {
            return e.getCause().getClass();
        }
    }
}
