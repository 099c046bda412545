package ufunc;

import dev.stride.Vectorize;

/** Scalar functions over every element type, compiled by UfuncDifferentialTest with the Stride processor. */
public final class UfuncKernels {
    private UfuncKernels() {}

    @Vectorize
    static double clampScale(double x, double lo) {
        if (x < lo) {
            return lo;
        }
        return x * 2.0;
    }

    @Vectorize
    static double hypot3(double x, double y, double z) {
        return Math.sqrt(x * x + y * y + z * z);
    }

    @Vectorize
    static double negate(double x) {
        return -x;
    }

    @Vectorize
    static double twiceNegated(double x) {
        return negate(x) * 2.0;
    }

    @Vectorize
    static double select(double a, double b, double c, double d) {
        return a > b ? c : d;
    }

    @Vectorize(fastmath = true)
    static double softplus(double x, double y, double t) {
        if (x > t) {
            return x + y;
        }
        return Math.exp(x) * y;
    }

    @Vectorize(associative = true, identity = "0")
    static double add(double a, double b) {
        return a + b;
    }

    @Vectorize(associative = true)
    static double maximum(double a, double b) {
        return Math.max(a, b);
    }

    @Vectorize
    static float lerp(float a, float b, float t) {
        return a + (b - a) * t;
    }

    @Vectorize
    static float absDiff(float a, float b) {
        return a > b ? a - b : b - a;
    }

    @Vectorize
    static int mulAdd(int a, int b, int c) {
        return a * b + c;
    }

    @Vectorize
    static int sign(int x) {
        if (x > 0) {
            return 1;
        }
        if (x < 0) {
            return -1;
        }
        return 0;
    }

    @Vectorize(associative = true, identity = "0")
    static int addInts(int a, int b) {
        return a + b;
    }

    @Vectorize
    static long shiftXor(long a, long b) {
        return (a << 3) ^ b;
    }

    @Vectorize(associative = true, identity = "MIN_VALUE")
    static long largest(long a, long b) {
        return a > b ? a : b;
    }

    @Vectorize(target = Vectorize.ExecutionTarget.PARALLEL)
    static double parallelClamp(double x, double lo) {
        return x < lo ? lo : x;
    }

    @Vectorize
    static int quotient(int a, int b) {
        return a / b + 1;
    }
}
