package dev.stride.compiler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.stride.compiler.kernels.ScanKernels;
import dev.stride.compiler.report.LoopVerdict;
import dev.stride.compiler.report.RejectionReason;
import dev.stride.compiler.testing.RewriteHarness;
import java.lang.reflect.Array;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Scans ({@link ScanKernels}): the verdict of every kernel, and a differential run of every exact scan on inputs
 * dense in the values a scan gets wrong first (runs of NaN with payloads, signed zeros, infinities, the extreme
 * integers), compared bit for bit, with aliased and null arrays and ranges that run out of bounds. The corpus run
 * ({@code DifferentialCorpusTest}) covers the fastmath kernels with its error bound.
 */
class ScanLoopTest {
    private static final RewriteHarness.Compiled COMPILED = RewriteHarness.compile(ScanKernels.class);

    /** Kernels vectorised as scans, by name. */
    private static final List<String> SCANS = List.of(
            "runningMaxInt",
            "runningMinLong",
            "fillForward",
            "fillForwardInPlace",
            "fillForwardSelfCompare",
            "fillForwardFloat",
            "prefixSumInt",
            "prefixDifferenceLong",
            "prefixProductInt",
            "prefixXorLong",
            "prefixSumDouble",
            "prefixSumFloat",
            "triangular",
            "steps",
            "peakWithTemporary",
            "orOfNext");

    /** Kernels that stay scalar, with the reason. */
    private static final Map<String, RejectionReason> SCALAR = Map.of(
            "prefixSumDoubleStrict", RejectionReason.SCAN_NEEDS_FASTMATH,
            "exclusiveMax", RejectionReason.LOOP_CARRIED_SCALAR,
            "twoRunningValues", RejectionReason.LOOP_CARRIED_SCALAR,
            "lastPositive", RejectionReason.LOOP_CARRIED_SCALAR);

    private static final int TRIALS = 200;

    @Test
    void scans_areVectorisedAsInRegisterScans() {
        for (String name : SCANS) {
            LoopVerdict.Vectorized verdict = assertInstanceOf(LoopVerdict.Vectorized.class, verdict(name), name);

            assertTrue(verdict.shape().startsWith("in-register scan of '"), name + ": " + verdict.shape());
            assertTrue(verdict.shape().contains("with a carried last lane"), name);
            assertEquals(
                    !name.startsWith("prefixSumD") && !name.startsWith("prefixSumF"),
                    verdict.shape().contains(", exact:"));
        }
    }

    /** Floating-point running min/max: exact scans, but measured slower than C2's scalar loop. */
    private static final List<String> SLOWER_THAN_SCALAR =
            List.of("runningMax", "runningMinRange", "runningMaxInPlace", "runningMaxFloat", "drawdown");

    @Test
    void floatingPointMinMaxScans_areLeftToC2() {
        for (String name : SLOWER_THAN_SCALAR) {
            LoopVerdict.LeftToC2 verdict = assertInstanceOf(LoopVerdict.LeftToC2.class, verdict(name), name);

            assertTrue(verdict.why().contains("costs more than C2's scalar loop"), name + ": " + verdict.why());
        }
    }

    @Test
    void nearMisses_stayScalarWithTheirReason() {
        for (Map.Entry<String, RejectionReason> entry : SCALAR.entrySet()) {
            LoopVerdict.Rejected verdict =
                    assertInstanceOf(LoopVerdict.Rejected.class, verdict(entry.getKey()), entry.getKey());

            assertEquals(entry.getValue(), verdict.reason(), entry.getKey() + ": " + verdict.detail());
        }
    }

    @Test
    void aScanReallyRunsItsSimdCode() throws Throwable {
        RewriteHarness.Compiled compiled = RewriteHarness.compile(ScanKernels.class);

        compiled.method("fillForward", double[].class, double[].class).invoke(new double[64], new double[64]);

        assertTrue(compiled.simdCodeLoaded(), "the SIMD holder was never loaded: the guard or the checks failed");
    }

    @TestFactory
    Stream<DynamicTest> exactScans_matchPlainJavaBitForBit() {
        List<DynamicTest> tests = new ArrayList<>();
        for (Method plain : ScanKernels.class.getDeclaredMethods()) {
            if (Modifier.isStatic(plain.getModifiers())
                    && Modifier.isPublic(plain.getModifiers())
                    && !plain.getName().startsWith("prefixSumD")
                    && !plain.getName().startsWith("prefixSumF")) {
                tests.add(DynamicTest.dynamicTest(plain.getName(), () -> differential(plain)));
            }
        }
        return tests.stream();
    }

    private static LoopVerdict verdict(String name) {
        return COMPILED.rewrite().report().methods().stream()
                .filter(m -> m.name().equals(name))
                .findFirst()
                .orElseThrow()
                .loops()
                .getFirst()
                .verdict();
    }

    private static void differential(Method plain) throws Exception {
        Method rewritten = COMPILED.rewrittenClass().getDeclaredMethod(plain.getName(), plain.getParameterTypes());
        Random random = new Random(plain.getName().hashCode());
        for (int trial = 0; trial < TRIALS; trial++) {
            int length = trial < 50 ? trial : random.nextInt(trial < 190 ? 300 : 5000);
            Object[] arguments = arguments(plain.getParameterTypes(), length, random);
            Object[] copy = copyKeepingAliases(arguments);

            Outcome expected = invoke(plain, arguments);
            Outcome actual = invoke(rewritten, copy);

            String where = plain.getName() + " trial " + trial + " length " + length;
            assertEquals(expected.exception(), actual.exception(), where + ": exception");
            boolean payloads = plain.getName().startsWith("fillForward");
            assertBits(expected.result(), actual.result(), payloads, where + ": result");
            for (int k = 0; k < arguments.length; k++) {
                assertBits(arguments[k], copy[k], payloads, where + ": argument " + k);
            }
        }
    }

    private record Outcome(Object result, Class<?> exception) {}

    private static Outcome invoke(Method method, Object[] arguments) throws IllegalAccessException {
        try {
            return new Outcome(method.invoke(null, arguments), null);
        } catch (InvocationTargetException e) {
            return new Outcome(null, e.getCause().getClass());
        }
    }

    /** Arguments: arrays dense in special values, sometimes aliased or null; ints sometimes out of range. */
    private static Object[] arguments(Class<?>[] types, int length, Random random) {
        Object[] arguments = new Object[types.length];
        for (int k = 0; k < types.length; k++) {
            Class<?> type = types[k];
            if (type.isArray()) {
                int previous = List.of(types).subList(0, k).indexOf(type);
                int choice = random.nextInt(40);
                arguments[k] = choice == 0
                        ? null
                        : previous >= 0 && choice < 8
                                ? arguments[previous]
                                : SpecialValues.array(type, length + (choice == 8 ? -1 : 0), random);
            } else if (type == int.class) {
                int choice = random.nextInt(12);
                arguments[k] =
                        choice < 7 ? length : choice < 9 ? random.nextInt(length + 1) : choice == 9 ? length + 1 : -1;
            } else if (type == double.class) {
                arguments[k] = SpecialValues.nextDouble(random);
            } else if (type == long.class) {
                arguments[k] = SpecialValues.nextLong(random);
            } else {
                throw new AssertionError("no input for " + type);
            }
        }
        return arguments;
    }

    private static Object[] copyKeepingAliases(Object[] arguments) {
        Object[] copy = new Object[arguments.length];
        for (int k = 0; k < arguments.length; k++) {
            int same = -1;
            for (int j = 0; j < k; j++) {
                if (arguments[j] != null && arguments[j] == arguments[k]) {
                    same = j;
                }
            }
            copy[k] = same >= 0 ? copy[same] : cloneArray(arguments[k]);
        }
        return copy;
    }

    private static Object cloneArray(Object value) {
        if (value == null || !value.getClass().isArray()) {
            return value;
        }
        Object copy = Array.newInstance(value.getClass().getComponentType(), Array.getLength(value));
        System.arraycopy(value, 0, copy, 0, Array.getLength(value));
        return copy;
    }

    /**
     * Equality of bits: the sign of zero must survive every scan, and NaN payloads a fill-forward (it only copies).
     * {@code Math.max}'s result for a NaN operand is "NaN" (its javadoc), and HotSpot's own intrinsic may return
     * either operand's NaN, so for arithmetic scans all NaNs are one value ({@code doubleToLongBits}).
     */
    private static void assertBits(Object expected, Object actual, boolean payloads, String where) {
        if (expected == null || actual == null) {
            assertEquals(expected, actual, where);
        } else if (expected.getClass().isArray()) {
            assertEquals(Array.getLength(expected), Array.getLength(actual), where + " length");
            for (int k = 0; k < Array.getLength(expected); k++) {
                assertBits(Array.get(expected, k), Array.get(actual, k), payloads, where + "[" + k + "]");
            }
        } else if (expected instanceof Double d) {
            boolean bothNan = !payloads && Double.isNaN(d) && Double.isNaN((Double) actual);
            assertTrue(
                    bothNan || Double.doubleToRawLongBits(d) == Double.doubleToRawLongBits((Double) actual),
                    where + ": " + d + " vs " + actual);
        } else if (expected instanceof Float f) {
            boolean bothNan = !payloads && Float.isNaN(f) && Float.isNaN((Float) actual);
            assertTrue(
                    bothNan || Float.floatToRawIntBits(f) == Float.floatToRawIntBits((Float) actual),
                    where + ": " + f + " vs " + actual);
        } else {
            assertEquals(expected, actual, where);
        }
    }

    /** Values that break a wrong scan: NaNs with payloads in runs, signed zeros, infinities, extreme integers. */
    private static final class SpecialValues {
        private static final double[] DOUBLES = {
            Double.NaN,
            Double.longBitsToDouble(0x7ff8_0000_0000_0abcL),
            Double.longBitsToDouble(0xfff0_0000_0000_0001L),
            0.0,
            -0.0,
            Double.POSITIVE_INFINITY,
            Double.NEGATIVE_INFINITY,
            Double.MAX_VALUE,
            -Double.MAX_VALUE,
            Double.MIN_VALUE
        };
        private static final long[] LONGS = {Long.MIN_VALUE, Long.MAX_VALUE, 0, -1, 1, Integer.MIN_VALUE};
        private static final int[] INTS = {Integer.MIN_VALUE, Integer.MAX_VALUE, 0, -1, 1};

        static Object array(Class<?> type, int length, Random random) {
            int size = Math.max(0, length);
            Class<?> component = type.getComponentType();
            Object array = Array.newInstance(component, size);
            boolean nanRun = false;
            for (int k = 0; k < size; k++) {
                nanRun = random.nextInt(6) == 0 ? !nanRun : nanRun;
                double d = nanRun && random.nextBoolean() ? DOUBLES[random.nextInt(3)] : nextDouble(random);
                if (component == double.class) {
                    Array.setDouble(array, k, d);
                } else if (component == float.class) {
                    Array.setFloat(array, k, (float) d);
                } else if (component == int.class) {
                    Array.setInt(
                            array, k, random.nextInt(5) == 0 ? INTS[random.nextInt(INTS.length)] : nextSmall(random));
                } else {
                    Array.setLong(array, k, nextLong(random));
                }
            }
            return array;
        }

        static double nextDouble(Random random) {
            return random.nextInt(4) == 0 ? DOUBLES[random.nextInt(DOUBLES.length)] : (random.nextInt(21) - 10) * 0.5;
        }

        static long nextLong(Random random) {
            return random.nextInt(5) == 0 ? LONGS[random.nextInt(LONGS.length)] : nextSmall(random);
        }

        private static int nextSmall(Random random) {
            return random.nextInt(201) - 100;
        }
    }
}
