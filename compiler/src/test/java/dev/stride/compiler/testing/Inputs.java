package dev.stride.compiler.testing;

import java.util.Random;

/** Random kernel inputs that favour the values where SIMD code and scalar code could disagree. */
public final class Inputs {
    private static final double[] DOUBLE_EDGES = {
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
        // conversions: beyond int and long range, just outside int range, float rounding, truncation
        3.0e9,
        -3.0e9,
        2147483648.0,
        -2147483649.0,
        1.0e19,
        -1.0e19,
        16777217.0,
        2.5,
        -2.5
    };
    private static final int[] INT_EDGES = {
        Integer.MIN_VALUE, Integer.MAX_VALUE, 0, -1, 1, 16_777_217, -16_777_217, (1 << 30) + 1
    };
    private static final long[] LONG_EDGES = {
        Long.MIN_VALUE, Long.MAX_VALUE, 0, -1, 1, (1L << 53) + 1, (1L << 40) | 1, 2_147_483_648L, -2_147_483_649L
    };

    private final Random random;
    private final boolean edges;
    private final boolean extremes;

    /**
     * A generator.
     *
     * @param seed the seed
     * @param edges whether to mix edge values in
     * @param extremes whether edge values include huge finite doubles (+-MAX_VALUE, 1e19, 3e9: their sums overflow
     *     or cancel in an order-dependent way)
     */
    public Inputs(long seed, boolean edges, boolean extremes) {
        this.random = new Random(seed);
        this.edges = edges;
        this.extremes = extremes;
    }

    /** @return the underlying random source */
    public Random random() {
        return random;
    }

    /** @return a double, sometimes an edge value */
    public double nextDouble() {
        if (edges && random.nextInt(8) == 0) {
            double edge = DOUBLE_EDGES[random.nextInt(DOUBLE_EDGES.length)];
            // huge finite values cancel in an order-dependent way in a reassociated sum
            return extremes || Double.isInfinite(edge) || Math.abs(edge) < 1e9 ? edge : 0.0;
        }
        return random.nextInt(4) == 0 ? random.nextInt(5) - 2 : (random.nextDouble() - 0.4) * 10;
    }

    /** @return an int, sometimes an edge value */
    public int nextInt() {
        if (edges && random.nextInt(8) == 0) {
            return INT_EDGES[random.nextInt(INT_EDGES.length)];
        }
        return random.nextInt(200) - 100;
    }

    /** @return a long, sometimes an edge value */
    public long nextLong() {
        if (edges && random.nextInt(8) == 0) {
            return LONG_EDGES[random.nextInt(LONG_EDGES.length)];
        }
        return random.nextInt(2000) - 1000;
    }

    /**
     * An array of a primitive component type.
     *
     * @param type the array class
     * @param length its length
     * @return a new array
     */
    public Object array(Class<?> type, int length) {
        Class<?> component = type.getComponentType();
        if (component == double.class) {
            double[] a = new double[length];
            for (int k = 0; k < length; k++) {
                a[k] = nextDouble();
            }
            return a;
        }
        if (component == float.class) {
            float[] a = new float[length];
            for (int k = 0; k < length; k++) {
                a[k] = (float) nextDouble();
            }
            return a;
        }
        if (component == int.class) {
            int[] a = new int[length];
            for (int k = 0; k < length; k++) {
                a[k] = nextInt();
            }
            return a;
        }
        if (component == long.class) {
            long[] a = new long[length];
            for (int k = 0; k < length; k++) {
                a[k] = nextLong();
            }
            return a;
        }
        if (component == byte.class) {
            byte[] a = new byte[length];
            random.nextBytes(a);
            return a;
        }
        Object[] rows = (Object[]) java.lang.reflect.Array.newInstance(component, 1 + random.nextInt(3));
        for (int k = 0; k < rows.length; k++) {
            rows[k] = array(component, length);
        }
        return rows;
    }

    /**
     * A deep copy of call arguments that keeps aliasing: two parameters holding the same array still do in the
     * copy.
     *
     * @param arguments the arguments
     * @return the copy
     */
    public static Object[] deepCopy(Object[] arguments) {
        Object[] copy = new Object[arguments.length];
        for (int k = 0; k < arguments.length; k++) {
            int alias = -1;
            for (int j = 0; j < k; j++) {
                if (arguments[j] != null && arguments[j] == arguments[k]) {
                    alias = j;
                }
            }
            copy[k] = alias >= 0 ? copy[alias] : copyValue(arguments[k]);
        }
        return copy;
    }

    private static Object copyValue(Object value) {
        if (value == null || !value.getClass().isArray()) {
            return value;
        }
        int length = java.lang.reflect.Array.getLength(value);
        Object copy = java.lang.reflect.Array.newInstance(value.getClass().getComponentType(), length);
        for (int k = 0; k < length; k++) {
            java.lang.reflect.Array.set(copy, k, copyValue(java.lang.reflect.Array.get(value, k)));
        }
        return copy;
    }
}
