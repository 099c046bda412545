package dev.stride.runtime.parallel;

import java.util.Random;

/**
 * Seeded inputs for the differential tests, the "original loop" semantics of each operator written out
 * independently of {@link ReductionOperator}, and deliberately uneven per-iteration work.
 */
final class Inputs {

    static final int LENGTH = 20_000;
    static final int LO = 3;
    static final int HI = LENGTH - 5;

    /** Iterations below this index do {@link #HEAVY_STEPS} steps of extra work; later ones almost none. */
    static final int HEAVY_END = LENGTH / 5;

    static final int HEAVY_STEPS = 200;

    private static final long[] SINK = new long[LENGTH];

    private Inputs() {}

    static int[] ints(ReductionOperator operator, long seed) {
        Random random = new Random(seed);
        int[] values = new int[LENGTH];
        for (int i = 0; i < LENGTH; i++) {
            int value = random.nextInt();
            // odd factors keep a wrapping product from collapsing to 0 after 32 factors of two
            values[i] = operator == ReductionOperator.PRODUCT ? value | 1 : value;
        }
        return values;
    }

    static long[] longs(ReductionOperator operator, long seed) {
        Random random = new Random(seed);
        long[] values = new long[LENGTH];
        for (int i = 0; i < LENGTH; i++) {
            long value = random.nextLong();
            values[i] = operator == ReductionOperator.PRODUCT ? value | 1 : value;
        }
        return values;
    }

    static double[] doubles(ReductionOperator operator, long seed) {
        Random random = new Random(seed);
        double[] values = new double[LENGTH];
        for (int i = 0; i < LENGTH; i++) {
            values[i] = operator == ReductionOperator.PRODUCT
                    ? 1 + (random.nextDouble() - 0.5) * 1e-3
                    : (random.nextDouble() - 0.5) * Math.pow(10, random.nextInt(7) - 3);
        }
        return values;
    }

    static float[] floats(ReductionOperator operator, long seed) {
        double[] doubles = doubles(operator, seed);
        float[] values = new float[LENGTH];
        for (int i = 0; i < LENGTH; i++) {
            values[i] = (float) doubles[i];
        }
        return values;
    }

    /** Extra work for iteration {@code i}, heavy at the start of the range so chunks cost unevenly. */
    static void work(int i) {
        if (i >= HEAVY_END) {
            return;
        }
        long state = i + 1;
        for (int step = 0; step < HEAVY_STEPS; step++) {
            state ^= state << 13;
            state ^= state >>> 7;
            state ^= state << 17;
        }
        SINK[i] = state;
    }

    static int apply(ReductionOperator operator, int left, int right) {
        return switch (operator) {
            case SUM -> left + right;
            case PRODUCT -> left * right;
            case MIN -> left < right ? left : right;
            case MAX -> left > right ? left : right;
            case AND -> left & right;
            case OR -> left | right;
            case XOR -> left ^ right;
        };
    }

    static long apply(ReductionOperator operator, long left, long right) {
        return switch (operator) {
            case SUM -> left + right;
            case PRODUCT -> left * right;
            case MIN -> left < right ? left : right;
            case MAX -> left > right ? left : right;
            case AND -> left & right;
            case OR -> left | right;
            case XOR -> left ^ right;
        };
    }

    static double apply(ReductionOperator operator, double left, double right) {
        return switch (operator) {
            case SUM -> left + right;
            case PRODUCT -> left * right;
            case MIN -> Math.min(left, right);
            case MAX -> Math.max(left, right);
            case AND, OR, XOR -> throw new AssertionError(operator);
        };
    }

    static float apply(ReductionOperator operator, float left, float right) {
        return switch (operator) {
            case SUM -> left + right;
            case PRODUCT -> left * right;
            case MIN -> Math.min(left, right);
            case MAX -> Math.max(left, right);
            case AND, OR, XOR -> throw new AssertionError(operator);
        };
    }

    /** The value a chunk other than the first starts from, written out for the oracle. */
    static double floatingStart(ReductionOperator operator) {
        return switch (operator) {
            case SUM -> -0.0;
            case PRODUCT -> 1.0;
            case MIN -> Double.POSITIVE_INFINITY;
            case MAX -> Double.NEGATIVE_INFINITY;
            case AND, OR, XOR -> throw new AssertionError(operator);
        };
    }
}
