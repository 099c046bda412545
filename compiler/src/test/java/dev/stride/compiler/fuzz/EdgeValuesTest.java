package dev.stride.compiler.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.stride.compiler.fuzz.Kernel.Param;
import dev.stride.compiler.fuzz.Kernel.Role;
import dev.stride.compiler.fuzz.Kernel.Shape;
import java.util.List;
import java.util.function.DoublePredicate;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/**
 * The newer families' edge values reach the arguments the fuzzer passes: in a good share of one kernel's trials
 * an array holds what the family is about (finite values beyond the int range for conversions, a run of NaN for
 * scans, several {@code -0.0} and {@code 0.0} for min/max ties; the ordinary inputs give these rarely or never),
 * and fastmath kernels never get finite values large enough to overflow a reassociated sum.
 */
class EdgeValuesTest {
    private static final int TRIALS = 56;

    @Test
    void conversionKernel_getsValuesBetweenTheIntRangeAndOverflow() {
        Kernel kernel = kernel(Family.CONVERSION, false);

        int trials = trialsWith(kernel, a -> count(a, v -> Math.abs(v) > Integer.MAX_VALUE && Math.abs(v) < 1e301) > 0);

        assertTrue(trials >= 8, trials + " trials");
    }

    @Test
    void scanKernel_getsRunsOfNaN() {
        Kernel kernel = kernel(Family.SCAN, false);

        int trials = trialsWith(kernel, a -> run(a, 3));

        assertTrue(trials >= 4, trials + " trials");
    }

    @Test
    void carriedKernel_getsTiesOfSignedZeros() {
        Kernel kernel = kernel(Family.CARRIED, false);

        int trials = trialsWith(
                kernel,
                a -> count(a, v -> Double.doubleToRawLongBits(v) == Double.doubleToRawLongBits(-0.0)) >= 3
                        && count(a, v -> Double.doubleToRawLongBits(v) == 0) >= 3);

        assertTrue(trials >= 8, trials + " trials");
    }

    @Test
    void fastmathKernel_getsNoFiniteValueBeyondTheLimit() {
        Kernel kernel = kernel(Family.CONVERSION, true);

        int trials = trialsWith(kernel, a -> count(a, v -> Double.isFinite(v) && Math.abs(v) > 1e30) > 0);

        assertEquals(0, trials);
    }

    private static Kernel kernel(Family family, boolean fastmath) {
        List<Param> parameters = List.of(new Param(Kind.DOUBLE, 1, "a", Role.ARRAY));
        return new Kernel("k", fastmath, null, parameters, List.of(), List.of(), new Shape(family, "test"), List.of());
    }

    /** How many trials' array argument satisfies the test, with the fuzzer's own argument choices. */
    private static int trialsWith(Kernel kernel, Predicate<double[]> test) {
        ArgumentFactory factory = new ArgumentFactory(7, !kernel.fastmath());
        int count = 0;
        for (int trial = 0; trial < TRIALS; trial++) {
            Object argument = factory.arguments(kernel, 20 + trial)[0];
            count += argument instanceof double[] array && test.test(array) ? 1 : 0;
        }
        return count;
    }

    private static int count(double[] array, DoublePredicate test) {
        int count = 0;
        for (double value : array) {
            count += test.test(value) ? 1 : 0;
        }
        return count;
    }

    private static boolean run(double[] array, int length) {
        int current = 0;
        for (double value : array) {
            current = Double.isNaN(value) ? current + 1 : 0;
            if (current >= length) {
                return true;
            }
        }
        return false;
    }
}
