package dev.stride.compiler.fuzz;

import java.lang.reflect.Array;
import java.util.Random;

/**
 * Array contents at the edges the newer kernel families are sensitive to, mixed into the ordinary random inputs
 * of {@link ArgumentFactory}. Conversions get doubles and floats beyond the {@code int} and {@code long} ranges
 * (where {@code (int)} and {@code (long)} saturate), halves (where rounding and truncation differ), NaN (which
 * converts to 0), longs beyond 2^24 and 2^53 (where {@code (float)} and {@code (double)} round) and the integer
 * extremes. Scans and min/max reductions get few distinct values, so ties are frequent: {@code -0.0} against
 * {@code 0.0} (equal for {@code <} but not for {@code Math.max}), NaN (every comparison false), the infinities,
 * and runs of NaN for fill-forward.
 */
final class EdgeValues {
    private static final double[] CONVERSION_DOUBLES = {
        Double.NaN,
        Double.POSITIVE_INFINITY,
        Double.NEGATIVE_INFINITY,
        -0.0,
        0.5,
        -0.5,
        1.5,
        -2.5,
        2147483647.0,
        2147483647.5,
        2147483648.0,
        -2147483648.0,
        -2147483648.5,
        -2147483649.0,
        3e9,
        -3e9,
        4294967296.0,
        0x1p63,
        -0x1p63,
        1e19,
        -1e19,
        0x1p53 + 2,
        16777217.0,
        Double.MIN_VALUE,
        1e300,
        -1e300
    };
    private static final long[] CONVERSION_LONGS = {
        Long.MIN_VALUE,
        Long.MAX_VALUE,
        Integer.MIN_VALUE,
        Integer.MAX_VALUE,
        (1L << 53) + 1,
        -(1L << 53) - 1,
        1L << 31,
        -(1L << 31) - 1,
        0xFFFFFFFFL,
        1L << 62,
        16777217,
        -16777217,
        Long.MAX_VALUE - 1023,
        -1,
        0
    };
    private static final int[] CONVERSION_INTS = {
        Integer.MIN_VALUE,
        Integer.MAX_VALUE,
        Integer.MIN_VALUE + 1,
        Integer.MAX_VALUE - 1,
        16777217,
        -16777217,
        16777216,
        0x7FFFFFC0,
        -1,
        0,
        1
    };
    private static final double[] TIE_DOUBLES = {
        -0.0, 0.0, -0.0, 0.0, Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, 1, -1, 1
    };
    private static final long[] TIE_LONGS = {0, -1, 1, 1, Long.MIN_VALUE, Long.MAX_VALUE, Integer.MIN_VALUE};
    /**
     * Under fastmath, the largest finite double magnitude: products of a few such values, and sums of a few hundred, stay
     * far below overflow, which reassociated sums would reach in an order-dependent way.
     */
    private static final double FASTMATH_DOUBLE_LIMIT = 1e30;
    /** The same for floats: still beyond the int range, which the conversions are about. */
    private static final double FASTMATH_FLOAT_LIMIT = 1e10;

    private final Random random;
    private final boolean extremes;

    /**
     * Edge values.
     *
     * @param random the source of choices (the argument factory's)
     * @param extremes whether the largest magnitudes may appear (off under fastmath)
     */
    EdgeValues(Random random, boolean extremes) {
        this.random = random;
        this.extremes = extremes;
    }

    /**
     * Mixes a family's edge values into an array: left alone in 2 of 5 calls, about a third of the elements in
     * 2 of 5, every element in 1 of 5; for scans sometimes a run of NaN instead.
     *
     * @param array a one-dimensional primitive array, changed in place
     * @param family the kernel's family (classic kernels keep their inputs)
     */
    void mix(Object array, Family family) {
        if (family == Family.CLASSIC
                || array == null
                || !array.getClass().getComponentType().isPrimitive()) {
            return;
        }
        int choice = random.nextInt(5);
        int length = Array.getLength(array);
        if (choice < 2 || length == 0) {
            return;
        }
        if (family == Family.SCAN && choice == 2 && isFloating(array)) {
            nanRun(array, length);
            return;
        }
        for (int k = 0; k < length; k++) {
            if (choice == 4 || random.nextInt(3) == 0) {
                set(array, k, family);
            }
        }
    }

    /**
     * A scalar argument of a newer family: sometimes an edge value.
     *
     * @param value the ordinary random value
     * @param family the kernel's family
     * @return the value, or an edge value of the same type
     */
    Object scalar(Object value, Family family) {
        if (family == Family.CLASSIC || random.nextInt(4) != 0) {
            return value;
        }
        Object holder = Array.newInstance(primitive(value), 1);
        set(holder, 0, family);
        return Array.get(holder, 0);
    }

    private static Class<?> primitive(Object boxed) {
        return switch (boxed) {
            case Double d -> double.class;
            case Float f -> float.class;
            case Long l -> long.class;
            case Integer i -> int.class;
            case Byte b -> byte.class;
            default -> boolean.class;
        };
    }

    private static boolean isFloating(Object array) {
        return array instanceof double[] || array instanceof float[];
    }

    private void nanRun(Object array, int length) {
        int start = random.nextInt(length);
        int end = Math.min(length, start + 1 + random.nextInt(20));
        for (int k = start; k < end; k++) {
            Array.set(array, k, array instanceof double[] ? (Object) Double.NaN : (Object) Float.NaN);
        }
    }

    private void set(Object array, int index, Family family) {
        boolean conversion = family == Family.CONVERSION;
        switch (array) {
            case double[] doubles -> doubles[index] = floating(conversion, FASTMATH_DOUBLE_LIMIT);
            case float[] floats -> floats[index] = (float) floating(conversion, FASTMATH_FLOAT_LIMIT);
            case long[] longs -> longs[index] = conversion ? pick(CONVERSION_LONGS) : pick(TIE_LONGS);
            case int[] ints ->
                ints[index] =
                        conversion ? CONVERSION_INTS[random.nextInt(CONVERSION_INTS.length)] : (int) pick(TIE_LONGS);
            default -> {}
        }
    }

    private double floating(boolean conversion, double fastmathLimit) {
        double[] palette = conversion ? CONVERSION_DOUBLES : TIE_DOUBLES;
        double value = palette[random.nextInt(palette.length)];
        return extremes || Double.isInfinite(value) || !(Math.abs(value) > fastmathLimit) ? value : 0.5;
    }

    private long pick(long[] palette) {
        return palette[random.nextInt(palette.length)];
    }
}
