package dev.stride.compiler.ufunc;

import java.lang.reflect.Array;
import java.util.Random;

/**
 * Test inputs for ufuncs: arrays of a primitive type where about a third of the elements are edge values (NaN,
 * infinities, signed zeros, the extremes of each integer type, so products overflow) and the rest ordinary
 * values, in random positions so every lane of every vector meets them.
 */
final class EdgeValues {
    private static final double[] DOUBLES = {
        Double.NaN,
        Double.POSITIVE_INFINITY,
        Double.NEGATIVE_INFINITY,
        -0.0,
        0.0,
        Double.MIN_VALUE,
        Double.MAX_VALUE,
        -Double.MAX_VALUE,
        1.0,
        -1.0,
        709.0,
        -745.0
    };
    private static final float[] FLOATS = {
        Float.NaN,
        Float.POSITIVE_INFINITY,
        Float.NEGATIVE_INFINITY,
        -0.0f,
        0.0f,
        Float.MIN_VALUE,
        Float.MAX_VALUE,
        -Float.MAX_VALUE,
        1.0f,
        -1.0f
    };
    private static final int[] INTS = {Integer.MIN_VALUE, Integer.MAX_VALUE, -1, 0, 1, 1 << 16, -(1 << 16)};
    private static final long[] LONGS = {Long.MIN_VALUE, Long.MAX_VALUE, -1L, 0L, 1L, 1L << 32, -(1L << 61)};

    private final Random random;
    private final boolean edges;

    /**
     * A generator.
     *
     * @param seed the seed
     * @param edges whether to mix in edge values (off for reassociated sums, whose bound holds for finite inputs)
     */
    EdgeValues(long seed, boolean edges) {
        this.random = new Random(seed);
        this.edges = edges;
    }

    /**
     * One value.
     *
     * @param type a primitive type
     * @return a boxed value of it
     */
    Object value(Class<?> type) {
        boolean edge = edges && random.nextInt(3) == 0;
        if (type == double.class) {
            return edge ? DOUBLES[random.nextInt(DOUBLES.length)] : (random.nextDouble() - 0.5) * 20;
        }
        if (type == float.class) {
            return edge ? FLOATS[random.nextInt(FLOATS.length)] : (float) ((random.nextDouble() - 0.5) * 20);
        }
        if (type == int.class) {
            return edge ? INTS[random.nextInt(INTS.length)] : random.nextInt(2001) - 1000;
        }
        if (type == long.class) {
            return edge ? LONGS[random.nextInt(LONGS.length)] : random.nextLong(2001) - 1000;
        }
        throw new IllegalArgumentException("no values for " + type);
    }

    /**
     * An array.
     *
     * @param arrayType an array class of a primitive element type
     * @param length its length
     * @return a filled array
     */
    Object array(Class<?> arrayType, int length) {
        Object array = Array.newInstance(arrayType.getComponentType(), length);
        for (int i = 0; i < length; i++) {
            Array.set(array, i, value(arrayType.getComponentType()));
        }
        return array;
    }

    /**
     * A random int in {@code [0, bound)}.
     *
     * @param bound the bound
     * @return the int
     */
    int nextInt(int bound) {
        return random.nextInt(bound);
    }
}
