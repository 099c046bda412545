package dev.stride.compiler.ufunc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.stride.compiler.testing.UfuncHarness;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Array;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Differential tests of every generated form of the functions in {@code src/test/resources/ufunc/UfuncKernels.java}
 * (double, float, int and long; arity 1 to 4; every broadcast position): the rewritten companion, and the plain
 * one as javac compiled it, against a plain loop that calls the scalar function on each element, for every length
 * from 0 to 3 * lanes + 1 of the widest vector, with NaN, infinities, signed zeros and integer overflow edges.
 * Results are bit-identical except for the function declared {@code fastmath} (a stated ulp bound) and the
 * reassociated double sum (a stated relative bound). Exceptions are the same type and message, thrown before any
 * element is written.
 */
class UfuncDifferentialTest {
    /** 3 * lanes + 1 for the most lanes any loop has (16 ints at 512 bits). */
    static final int MAX_LENGTH = 3 * 16 + 1;

    /** Functions declared {@code fastmath}: their array forms may differ from the scalar function by 1 ulp. */
    private static final Set<String> FASTMATH = Set.of("softplus");

    /** Double sums the reduce form reassociates (declared associative). */
    private static final Set<String> REASSOCIATED = Set.of("add");

    static final UfuncHarness.Build BUILD = UfuncHarness.build(Map.of("ufunc.UfuncKernels", source()));
    private static final Class<?> REWRITTEN = BUILD.rewrittenClass("ufunc.UfuncKernelsUfuncs");
    private static final Class<?> PLAIN = BUILD.plainClass("ufunc.UfuncKernelsUfuncs");

    static String source() {
        try {
            return Files.readString(Path.of("src/test/resources/ufunc/UfuncKernels.java"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Stream<UfuncForms.Form> forms() {
        try {
            Class<?> owner = Class.forName("ufunc.UfuncKernels", true, REWRITTEN.getClassLoader());
            return UfuncForms.of(REWRITTEN, owner).stream();
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }

    static Stream<UfuncForms.Form> elementForms() {
        return forms().filter(f -> f.shape() == UfuncForms.Shape.OUT
                || f.shape() == UfuncForms.Shape.ALLOCATING
                || f.shape() == UfuncForms.Shape.RANGE);
    }

    static Stream<UfuncForms.Form> checkedForms() {
        return elementForms().filter(f -> arrays(f).size() >= 2);
    }

    @ParameterizedTest
    @MethodSource("elementForms")
    void elementForm_matchesPlainLoop(UfuncForms.Form form) throws Exception {
        EdgeValues values = new EdgeValues(form.toString().hashCode(), true);

        for (int length = 0; length <= MAX_LENGTH; length++) {
            Object[] arguments = arguments(form, length, values);
            Object[] expectedArguments = deepCopy(arguments);
            Outcome expected = outcome(() -> expected(form, expectedArguments));

            for (Class<?> companion : List.of(REWRITTEN, PLAIN)) {
                Object[] copy = deepCopy(arguments);
                Outcome actual = outcome(() -> invoke(companion, form.method(), copy));
                String where = "length " + length + " in " + companion.getSimpleName();
                assertEquals(String.valueOf(expected.thrown), String.valueOf(actual.thrown), form + " " + where);
                if (actual.thrown != null && form.shape() != UfuncForms.Shape.ALLOCATING) {
                    // the elements before the failing one were written, as by the plain loop
                    assertSame(form, out(form, expectedArguments), out(form, copy), where + " after the exception");
                } else if (actual.thrown == null) {
                    Object result = form.shape() == UfuncForms.Shape.ALLOCATING ? actual.value : out(form, copy);
                    assertSame(form, expected.value, result, where);
                }
            }
        }
    }

    @org.junit.jupiter.api.Test
    void parallelTarget_largeArraysMatchThePlainLoop() throws Exception {
        Method form = REWRITTEN.getMethod("parallelClamp", double[].class, double[].class, double[].class);
        Method function = Class.forName("ufunc.UfuncKernels", true, REWRITTEN.getClassLoader())
                .getDeclaredMethod("parallelClamp", double.class, double.class);
        function.setAccessible(true);
        EdgeValues values = new EdgeValues(7, true);
        double[] x = (double[]) values.array(double[].class, 300_001);
        double[] lo = (double[]) values.array(double[].class, 300_001);
        double[] out = new double[x.length];

        form.invoke(null, x, lo, out);

        for (int i = 0; i < x.length; i++) {
            double expected = (double) function.invoke(null, x[i], lo[i]);
            assertEquals(Double.doubleToLongBits(expected), Double.doubleToLongBits(out[i]), "element " + i);
        }
    }

    @ParameterizedTest
    @MethodSource("forms")
    void reduceForms_matchPlainFold(UfuncForms.Form form) throws Exception {
        if (form.shape() == UfuncForms.Shape.OUT
                || form.shape() == UfuncForms.Shape.ALLOCATING
                || form.shape() == UfuncForms.Shape.RANGE) {
            return;
        }
        String name = form.function().getName();
        EdgeValues values = new EdgeValues(form.toString().hashCode(), !REASSOCIATED.contains(name));
        Class<?> type = form.function().getReturnType();
        Class<?> arrayType = type.arrayType();

        for (int length = 0; length <= MAX_LENGTH; length++) {
            Object x = values.array(arrayType, length);
            int offset = length == 0 ? 0 : values.nextInt(length);
            int count = length - offset == 0 ? 0 : values.nextInt(length - offset + 1);
            Object[] arguments = switch (form.shape()) {
                case REDUCE -> new Object[] {x};
                case REDUCE_RANGE -> new Object[] {x, offset, count};
                default -> new Object[] {x, Array.newInstance(type, length)};
            };
            int from = form.shape() == UfuncForms.Shape.REDUCE_RANGE ? offset : 0;
            int to = form.shape() == UfuncForms.Shape.REDUCE_RANGE ? offset + count : length;

            for (Class<?> companion : List.of(REWRITTEN, PLAIN)) {
                Object[] copy = deepCopy(arguments);
                Outcome outcome = outcome(() -> invoke(companion, form.method(), copy));
                if (form.shape() == UfuncForms.Shape.ACCUMULATE) {
                    assertEquals(null, outcome.thrown, form + " length " + length);
                    assertSame(form, scan(form.function(), x, length), copy[1], "accumulate, length " + length);
                    continue;
                }
                Outcome fold = outcome(() -> fold(form, x, from, to));
                if (fold.thrown != null || outcome.thrown != null) {
                    assertEquals(String.valueOf(fold.thrown), String.valueOf(outcome.thrown), form + " " + length);
                } else if (REASSOCIATED.contains(name)) {
                    assertClose(sumOfMagnitudes(x, from, to), (double) fold.value, (double) outcome.value, form);
                } else {
                    assertEquals(fold.value, outcome.value, form + " length " + length + " range " + from + ".." + to);
                }
            }
        }
    }

    @ParameterizedTest
    @MethodSource("checkedForms")
    void lengthMismatch_throwsBeforeAnyWrite(UfuncForms.Form form) throws Exception {
        List<Integer> arrays = arrays(form);
        EdgeValues values = new EdgeValues(1, true);
        for (int longer : arrays) {
            Object[] arguments = arguments(form, 5, values);
            Class<?> type = form.method().getParameterTypes()[longer];
            arguments[longer] = values.array(type, 6);
            if (form.shape() == UfuncForms.Shape.RANGE) {
                arguments[arguments.length - 2] = 3; // offset 3 + length 3 is outside the five-element arrays
                arguments[arguments.length - 1] = 3;
                arguments[longer] = values.array(type, 7);
            }

            List<String> outcomes = new ArrayList<>();
            for (Class<?> companion : List.of(REWRITTEN, PLAIN)) {
                Object[] copy = deepCopy(arguments);
                Outcome outcome = outcome(() -> invoke(companion, form.method(), copy));
                assertUnchanged(arguments, copy);
                outcomes.add(String.valueOf(outcome.thrown));
            }
            Class<?> expected = form.shape() == UfuncForms.Shape.RANGE
                    ? IndexOutOfBoundsException.class
                    : IllegalArgumentException.class;
            assertTrue(outcomes.getFirst().startsWith(expected.getName()), outcomes.getFirst());
            if (form.shape() != UfuncForms.Shape.RANGE) {
                String name = form.method().getParameters()[longer].getName();
                assertTrue(outcomes.getFirst().contains(".length = 6"), outcomes.getFirst() + " should name " + name);
            }
            assertEquals(outcomes.getFirst(), outcomes.getLast());
        }
    }

    @ParameterizedTest
    @MethodSource("checkedForms")
    void nullArray_throwsNullPointerExceptionBeforeAnyWrite(UfuncForms.Form form) throws Exception {
        EdgeValues values = new EdgeValues(2, true);
        for (int position : arrays(form)) {
            Object[] arguments = arguments(form, 9, values);
            arguments[position] = null;

            for (Class<?> companion : List.of(REWRITTEN, PLAIN)) {
                Object[] copy = deepCopy(arguments);
                Outcome outcome = outcome(() -> invoke(companion, form.method(), copy));

                assertTrue(outcome.thrown instanceof NullPointerException, String.valueOf(outcome.thrown));
                assertUnchanged(arguments, copy);
            }
        }
    }

    // ---- the oracle: a plain loop calling the scalar function ----

    /** The plain loop; writes into the {@code out} argument itself, so a thrown exception leaves its partial writes. */
    private static Object expected(UfuncForms.Form form, Object[] arguments) throws Exception {
        Method function = form.function();
        int arity = function.getParameterCount();
        int length = lengthOf(form, arguments);
        Object out = form.shape() == UfuncForms.Shape.ALLOCATING
                ? Array.newInstance(function.getReturnType(), length)
                : arguments[arity];
        int from = form.shape() == UfuncForms.Shape.RANGE ? (int) arguments[arity + 1] : 0;
        int to = form.shape() == UfuncForms.Shape.RANGE ? from + (int) arguments[arity + 2] : length;
        for (int i = from; i < to; i++) {
            Object[] element = new Object[arity];
            for (int k = 0; k < arity; k++) {
                element[k] = form.scalars()[k] ? arguments[k] : Array.get(arguments[k], i);
            }
            try {
                Array.set(out, i, function.invoke(null, element));
            } catch (InvocationTargetException e) {
                throw (Exception) e.getCause();
            }
        }
        return out;
    }

    private static Object fold(UfuncForms.Form form, Object x, int from, int to) throws Exception {
        boolean hasIdentity = !Set.of("maximum").contains(form.function().getName());
        if (!hasIdentity && from == to) {
            throw new IllegalArgumentException(form.method().getName() + ": cannot reduce an empty range: "
                    + form.function().getName() + " has no identity (declare @Vectorize(identity = ...))");
        }
        Object acc = hasIdentity ? identity(form.function()) : Array.get(x, from);
        for (int i = hasIdentity ? from : from + 1; i < to; i++) {
            acc = form.function().invoke(null, acc, Array.get(x, i));
        }
        return acc;
    }

    private static Object identity(Method function) {
        return switch (function.getName()) {
            case "add" -> 0.0;
            case "addInts" -> 0;
            case "largest" -> Long.MIN_VALUE;
            default -> throw new AssertionError("no identity for " + function);
        };
    }

    private static Object scan(Method function, Object x, int length) throws Exception {
        Object out = Array.newInstance(function.getReturnType(), length);
        Object acc = null;
        for (int i = 0; i < length; i++) {
            acc = i == 0 ? Array.get(x, 0) : function.invoke(null, acc, Array.get(x, i));
            Array.set(out, i, acc);
        }
        return out;
    }

    // ---- arguments and comparison ----

    private static Object[] arguments(UfuncForms.Form form, int length, EdgeValues values) {
        Class<?>[] types = form.method().getParameterTypes();
        Object[] arguments = new Object[types.length];
        int arity = form.function().getParameterCount();
        for (int k = 0; k < types.length; k++) {
            arguments[k] = types[k].isArray() ? values.array(types[k], length) : values.value(types[k]);
        }
        if (form.shape() == UfuncForms.Shape.RANGE) {
            int offset = length == 0 ? 0 : values.nextInt(length);
            arguments[arity + 1] = offset;
            arguments[arity + 2] = values.nextInt(length - offset + 1);
        }
        return arguments;
    }

    private static List<Integer> arrays(UfuncForms.Form form) {
        List<Integer> arrays = new ArrayList<>();
        Class<?>[] types = form.method().getParameterTypes();
        for (int k = 0; k < types.length; k++) {
            if (types[k].isArray()) {
                arrays.add(k);
            }
        }
        return arrays;
    }

    private static int lengthOf(UfuncForms.Form form, Object[] arguments) {
        return Array.getLength(arguments[arrays(form).getFirst()]);
    }

    private static Object out(UfuncForms.Form form, Object[] arguments) {
        return arguments[form.function().getParameterCount()];
    }

    private static Object invoke(Class<?> companion, Method method, Object[] arguments) throws Exception {
        Method target = companion.getMethod(method.getName(), method.getParameterTypes());
        try {
            return target.invoke(null, arguments);
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof Exception cause) {
                throw cause;
            }
            throw e;
        }
    }

    private record Outcome(Object value, Throwable thrown) {}

    private interface Call {
        Object call() throws Exception;
    }

    private static Outcome outcome(Call call) {
        try {
            return new Outcome(call.call(), null);
        } catch (Exception e) {
            return new Outcome(null, e);
        }
    }

    private static Object[] deepCopy(Object[] arguments) {
        Object[] copy = arguments.clone();
        for (int k = 0; k < copy.length; k++) {
            if (copy[k] != null && copy[k].getClass().isArray()) {
                int length = Array.getLength(copy[k]);
                Object array = Array.newInstance(copy[k].getClass().getComponentType(), length);
                System.arraycopy(copy[k], 0, array, 0, length);
                copy[k] = array;
            }
        }
        return copy;
    }

    private static void assertUnchanged(Object[] before, Object[] after) {
        for (int k = 0; k < before.length; k++) {
            if (before[k] != null && before[k].getClass().isArray()) {
                assertSame(null, before[k], after[k], "argument " + k + " was written before the exception");
            }
        }
    }

    /** Bit-identical arrays (NaN equal to NaN, -0.0 distinct from 0.0), or within 2 ulp for fastmath. */
    private static void assertSame(UfuncForms.Form form, Object expected, Object actual, String where) {
        int length = Array.getLength(expected);
        assertEquals(length, Array.getLength(actual), where);
        boolean approximate = form != null && FASTMATH.contains(form.function().getName());
        for (int i = 0; i < length; i++) {
            Object e = Array.get(expected, i);
            Object a = Array.get(actual, i);
            if (e.equals(a)) {
                continue;
            }
            if (approximate
                    && e instanceof Double d
                    && a instanceof Double g
                    && Double.isFinite(d)
                    && Math.abs(d - g) <= 2 * Math.ulp(d)) {
                continue;
            }
            fail((form == null ? "" : form + ": ") + where + ": element " + i + " expected " + e + " but was " + a);
        }
    }

    private static double sumOfMagnitudes(Object x, int from, int to) {
        double sum = 0;
        for (int i = from; i < to; i++) {
            sum += Math.abs(Array.getDouble(x, i));
        }
        return sum;
    }

    /** Reassociating n additions moves the result by at most about n ulp of the sum of magnitudes. */
    private static void assertClose(double magnitudes, double expected, double actual, UfuncForms.Form form) {
        double bound = 64 * Math.ulp(magnitudes);
        assertTrue(Math.abs(expected - actual) <= bound, form + ": " + actual + " vs " + expected);
    }
}
