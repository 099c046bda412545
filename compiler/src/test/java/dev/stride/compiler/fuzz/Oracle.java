package dev.stride.compiler.fuzz;

import java.lang.reflect.Array;
import java.util.List;

/**
 * Decides whether a rewritten kernel behaved like the plain one on one call: the same exception type (or none),
 * the same result and the same array contents afterwards, bit for bit ({@code -0.0} differs from {@code 0.0};
 * NaNs are compared as NaN, not by payload).
 *
 * <p>Under fastmath two relaxations, both stated in {@code dev.stride}'s package documentation: a result built
 * from reassociated floating-point sums may differ by {@code 8 * (length + 2) * epsilon * scale}, where the scale
 * is the sum of the magnitudes of every term (computed by the kernel's {@code $scale} companion); an element of
 * an array holding running sums (a prefix sum, a recurrence, {@code total[0] += x}) may differ by the same bound
 * with that element's own scale; and when the kernel calls {@code Math.exp log sin cos pow}, array elements may
 * differ by 1 ulp.
 */
final class Oracle {
    private Oracle() {}

    /**
     * The result of one call.
     *
     * @param result the returned value (null for void or when it threw)
     * @param exception the exception class thrown, or null
     */
    record Outcome(Object result, Class<?> exception) {}

    /**
     * What the oracle may relax for a kernel.
     *
     * @param resultTolerance the absolute tolerance of a floating result (0 for exact)
     * @param ulps the ulps an array element may differ by (0 for exact)
     * @param elementTolerances per argument position, the absolute tolerance of each element of a running-sum
     *     array, or null where elements must agree exactly (the whole list may be empty)
     */
    record Tolerance(double resultTolerance, int ulps, List<double[]> elementTolerances) {
        static final Tolerance EXACT = new Tolerance(0, 0, List.of());

        Tolerance(double resultTolerance, int ulps) {
            this(resultTolerance, ulps, List.of());
        }

        /** @return the element tolerances of the argument at a position, or null */
        double[] elements(int position) {
            return position < elementTolerances.size() ? elementTolerances.get(position) : null;
        }
    }

    /**
     * Compares one call.
     *
     * @param expected the plain outcome
     * @param actual the rewritten outcome
     * @param plainArguments the plain call's arguments afterwards
     * @param rewrittenArguments the rewritten call's arguments afterwards
     * @param tolerance what may differ
     * @return null when they agree, else what differs
     */
    static String compare(
            Outcome expected,
            Outcome actual,
            Object[] plainArguments,
            Object[] rewrittenArguments,
            Tolerance tolerance) {
        if (expected.exception() != actual.exception()) {
            return "exception: plain " + name(expected.exception()) + ", rewritten " + name(actual.exception());
        }
        String result = value(expected.result(), actual.result(), tolerance.resultTolerance(), 0);
        if (result != null) {
            return "result: " + result;
        }
        for (int k = 0; k < plainArguments.length; k++) {
            String argument = value(plainArguments[k], rewrittenArguments[k], tolerance.elements(k), tolerance.ulps());
            if (argument != null) {
                return "argument " + k + " afterwards: " + argument;
            }
        }
        return null;
    }

    private static String name(Class<?> exception) {
        return exception == null ? "nothing" : exception.getSimpleName();
    }

    private static String value(Object expected, Object actual, double[] elementTolerances, int ulps) {
        if (expected != null && actual != null && expected.getClass().isArray()) {
            return array(expected, actual, elementTolerances, ulps);
        }
        return value(expected, actual, 0, ulps);
    }

    private static String value(Object expected, Object actual, double tolerance, int ulps) {
        if (expected == null || actual == null) {
            return expected == actual ? null : expected + " vs " + actual;
        }
        if (expected.getClass().isArray()) {
            return array(expected, actual, null, ulps);
        }
        if (expected instanceof Double || expected instanceof Float) {
            double e = ((Number) expected).doubleValue();
            double a = ((Number) actual).doubleValue();
            boolean same = expected instanceof Double
                    ? Double.doubleToLongBits(e) == Double.doubleToLongBits(a)
                    : Float.floatToIntBits((float) e) == Float.floatToIntBits((float) a);
            return same || close(e, a, tolerance, ulps, expected instanceof Float) ? null : expected + " vs " + actual;
        }
        return expected.equals(actual) ? null : expected + " vs " + actual;
    }

    private static boolean close(double expected, double actual, double tolerance, int ulps, boolean single) {
        if (!Double.isFinite(expected) || !Double.isFinite(actual)) {
            return false;
        }
        if (Math.abs(expected - actual) <= tolerance) {
            return true;
        }
        double ulp = single
                ? Math.max(Math.ulp((float) expected), Math.ulp((float) actual))
                : Math.max(Math.ulp(expected), Math.ulp(actual));
        return Math.abs(expected - actual) <= ulps * ulp;
    }

    private static String array(Object expected, Object actual, double[] elementTolerances, int ulps) {
        int length = Array.getLength(expected);
        if (length != Array.getLength(actual)) {
            return "length " + length + " vs " + Array.getLength(actual);
        }
        for (int k = 0; k < length; k++) {
            double tolerance = elementTolerances != null && k < elementTolerances.length ? elementTolerances[k] : 0;
            String element = value(Array.get(expected, k), Array.get(actual, k), tolerance, ulps);
            if (element != null) {
                return "[" + k + "] " + element;
            }
        }
        return null;
    }
}
