package dev.stride.compiler.specialise;

import java.util.Random;

/**
 * Array inputs for the differential tests: ordinary values, and values at the edges of the new type (NaN, the
 * infinities, signed zeros, subnormals and the largest floats; the {@code int} overflow boundaries).
 */
final class Inputs {
    private static final float[] FLOAT_EDGES = {
        Float.NaN,
        Float.POSITIVE_INFINITY,
        Float.NEGATIVE_INFINITY,
        -0.0f,
        0.0f,
        Float.MIN_VALUE,
        1e-40f,
        Float.MAX_VALUE,
        -Float.MAX_VALUE,
        1.0f
    };
    private static final int[] INT_EDGES = {
        Integer.MAX_VALUE, Integer.MIN_VALUE, -1, 0, 1, Integer.MAX_VALUE - 1, Integer.MIN_VALUE + 1, 1 << 30, 46341
    };

    private Inputs() {}

    /**
     * Floats of length n.
     *
     * @param n the length
     * @param seed the seed
     * @param edges whether about a quarter are edge values
     * @param finite whether to leave out values whose sum may overflow in one order and not another
     * @return the array
     */
    static float[] floats(int n, long seed, boolean edges, boolean finite) {
        Random random = new Random(seed);
        float[] values = new float[n];
        for (int i = 0; i < n; i++) {
            if (edges && random.nextInt(4) == 0) {
                float edge = FLOAT_EDGES[random.nextInt(FLOAT_EDGES.length)];
                values[i] = finite && Math.abs(edge) > 1e30f ? 2.5f : edge;
            } else {
                values[i] = (float) (random.nextGaussian() * 100);
            }
        }
        return values;
    }

    /**
     * Ints of length n.
     *
     * @param n the length
     * @param seed the seed
     * @param edges whether about a quarter are overflow-boundary values
     * @return the array
     */
    static int[] ints(int n, long seed, boolean edges) {
        Random random = new Random(seed);
        int[] values = new int[n];
        for (int i = 0; i < n; i++) {
            values[i] = edges && random.nextInt(4) == 0
                    ? INT_EDGES[random.nextInt(INT_EDGES.length)]
                    : random.nextInt(2001) - 1000;
        }
        return values;
    }
}
