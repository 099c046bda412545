package dev.stride.compiler.kernels;

import dev.stride.Jit;

/**
 * The before/after examples of {@code docs/reasons.md}, one pair per rejection reason: {@code xBefore} is the loop
 * as written that gets the reason, {@code xAfter} the rewrite that vectorises (absent where no rewrite exists).
 * {@code ReasonExamplesTest} asserts every verdict and that the document quotes these loops verbatim, so the
 * document cannot drift from what the compiler does. Test input for the compiler.
 */
public final class ReasonExamples {
    /** A tuning constant kept in a field, for the field-read example. */
    static double scale = 0.5;

    private ReasonExamples() {}

    // NOT_COUNTED

    @Jit
    public static void notCountedBefore(double[] a, double[] out) {
        int i = 0;
        while (i < out.length) {
            i++;
            out[i - 1] = a[i - 1] > 0 ? a[i - 1] : 0.0;
        }
    }

    @Jit
    public static void notCountedAfter(double[] a, double[] out) {
        int i = 0;
        while (i < out.length) {
            out[i] = a[i] > 0 ? a[i] : 0.0;
            i++;
        }
    }

    // BOUND_NOT_INVARIANT

    @Jit
    public static void boundNotInvariantBefore(double[] a, int[] size) {
        for (int i = 0; i < size[0]; i++) {
            a[i] = a[i] > 0 ? a[i] : 0.0;
        }
    }

    @Jit
    public static void boundNotInvariantAfter(double[] a, int[] size) {
        int n = size[0];
        for (int i = 0; i < n; i++) {
            a[i] = a[i] > 0 ? a[i] : 0.0;
        }
    }

    // UNSUPPORTED_CONDITION

    @Jit
    public static void unsupportedConditionBefore(double[] a) {
        for (int i = a.length - 1; i >= 0; i--) {
            a[i] = a[i] > 0 ? a[i] : 0.0;
        }
    }

    @Jit
    public static void unsupportedConditionAfter(double[] a) {
        for (int i = 0; i < a.length; i++) {
            a[i] = a[i] > 0 ? a[i] : 0.0;
        }
    }

    // NON_UNIT_STRIDE

    @Jit
    public static void nonUnitStrideBefore(double[] xy) {
        for (int i = 0; i < xy.length; i += 2) {
            xy[i] = xy[i] > 0 ? xy[i] : 0.0;
        }
    }

    @Jit
    public static void nonUnitStrideAfter(double[] x) {
        for (int i = 0; i < x.length; i++) {
            x[i] = x[i] > 0 ? x[i] : 0.0;
        }
    }

    // MULTIPLE_EXITS

    @Jit
    public static boolean multipleExitsBefore(double[] a) {
        for (int i = 0; i < a.length; i++) {
            if (a[i] < 0) {
                return true;
            }
        }
        return false;
    }

    @Jit
    public static boolean multipleExitsAfter(double[] a) {
        double lowest = Double.POSITIVE_INFINITY;
        for (int i = 0; i < a.length; i++) {
            lowest = Math.min(lowest, a[i]);
        }
        return lowest < 0;
    }

    // TRY_CATCH

    @Jit
    public static void tryCatchBefore(double[] a, double[] out) {
        try {
            for (int i = 0; i < out.length; i++) {
                out[i] = a[i] > 0 ? a[i] : 0.0;
            }
        } catch (ArrayIndexOutOfBoundsException e) {
            throw new IllegalArgumentException("a is shorter than out", e);
        }
    }

    @Jit
    public static void tryCatchAfter(double[] a, double[] out) {
        if (a.length < out.length) {
            throw new IllegalArgumentException("a is shorter than out");
        }
        for (int i = 0; i < out.length; i++) {
            out[i] = a[i] > 0 ? a[i] : 0.0;
        }
    }

    // UNSUPPORTED_INSTRUCTION

    @Jit
    public static void unsupportedInstructionBefore(double[] a, double[] out) {
        for (int i = 0; i < out.length; i++) {
            out[i] = a[i] > 0 ? a[i] * scale : 0.0;
        }
    }

    @Jit
    public static void unsupportedInstructionAfter(double[] a, double[] out) {
        double s = scale;
        for (int i = 0; i < out.length; i++) {
            out[i] = a[i] > 0 ? a[i] * s : 0.0;
        }
    }

    // UNSUPPORTED_CALL

    @Jit
    public static void unsupportedCallBefore(double[] a, double[] out) {
        for (int i = 0; i < out.length; i++) {
            out[i] = Math.signum(a[i]);
        }
    }

    @Jit
    public static void unsupportedCallAfter(double[] a, double[] out) {
        for (int i = 0; i < out.length; i++) {
            out[i] = a[i] > 0 ? 1.0 : a[i] < 0 ? -1.0 : a[i];
        }
    }

    private static double twiceAt(double[] a, int i) {
        return a[i] * 2;
    }

    private static double twice(double x) {
        return x * 2;
    }

    @Jit
    public static void unsupportedCallHelperBefore(double[] a, double[] out) {
        for (int i = 0; i < out.length; i++) {
            out[i] = a[i] > 0 ? twiceAt(a, i) : 0.0;
        }
    }

    @Jit
    public static void unsupportedCallHelperAfter(double[] a, double[] out) {
        for (int i = 0; i < out.length; i++) {
            out[i] = a[i] > 0 ? twice(a[i]) : 0.0;
        }
    }

    // CALL_NOT_INLINED

    @Jit
    public static void callNotInlinedBefore(double[] a, double[] out) {
        for (int i = 0; i < out.length; i++) {
            out[i] = a[i] > 0 ? Series.cubic(a[i]) : 0.0;
        }
    }

    @Jit
    public static void callNotInlinedAfter(double[] a, double[] out) {
        for (int i = 0; i < out.length; i++) {
            out[i] = a[i] > 0 ? Series.cubicUnrolled(a[i]) : 0.0;
        }
    }

    // NEEDS_FASTMATH_MATH

    @Jit
    public static void needsFastmathMathBefore(double[] a, double[] out) {
        for (int i = 0; i < out.length; i++) {
            out[i] = Math.exp(a[i]);
        }
    }

    @Jit(fastmath = true)
    public static void needsFastmathMathAfter(double[] a, double[] out) {
        for (int i = 0; i < out.length; i++) {
            out[i] = Math.exp(a[i]);
        }
    }

    // NEEDS_FASTMATH_REDUCTION

    @Jit
    public static double needsFastmathReductionBefore(double[] a) {
        double total = 0;
        for (int i = 0; i < a.length; i++) {
            total += a[i];
        }
        return total;
    }

    @Jit(fastmath = true)
    public static double needsFastmathReductionAfter(double[] a) {
        double total = 0;
        for (int i = 0; i < a.length; i++) {
            total += a[i];
        }
        return total;
    }

    @Jit
    public static double needsFastmathSelectBefore(double[] a) {
        double highest = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < a.length; i++) {
            highest = a[i] > highest ? a[i] : highest;
        }
        return highest;
    }

    @Jit
    public static double needsFastmathSelectAfter(double[] a) {
        double highest = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < a.length; i++) {
            highest = Math.max(highest, a[i]);
        }
        return highest;
    }

    @Jit
    public static int selectOnIntegersIsExact(int[] a) {
        int highest = Integer.MIN_VALUE;
        for (int i = 0; i < a.length; i++) {
            if (a[i] > highest) {
                highest = a[i];
            }
        }
        return highest;
    }

    // SCAN_NEEDS_FASTMATH

    @Jit
    public static double scanNeedsFastmathBefore(double[] a, double[] out) {
        double total = 0;
        for (int i = 0; i < a.length; i++) {
            total += a[i];
            out[i] = total;
        }
        return total;
    }

    @Jit(fastmath = true)
    public static double scanNeedsFastmathAfter(double[] a, double[] out) {
        double total = 0;
        for (int i = 0; i < a.length; i++) {
            total += a[i];
            out[i] = total;
        }
        return total;
    }

    // INTEGER_DIVISION

    @Jit
    public static void integerDivisionBefore(int[] a, int n, int[] out) {
        for (int i = 0; i < out.length; i++) {
            out[i] = a[i] > 0 ? a[i] * (n / 2) : 0;
        }
    }

    @Jit
    public static void integerDivisionAfter(int[] a, int n, int[] out) {
        int half = n / 2;
        for (int i = 0; i < out.length; i++) {
            out[i] = a[i] > 0 ? a[i] * half : 0;
        }
    }

    @Jit
    public static void integerDivisionPerElement(int[] a, int[] b, int[] out) {
        for (int i = 0; i < out.length; i++) {
            out[i] = a[i] / b[i];
        }
    }

    // NON_AFFINE_INDEX

    @Jit
    public static void nonAffineIndexBefore(double[] a, int[] index, double[] out) {
        for (int i = 0; i < out.length; i++) {
            out[i] = a[index[i]];
        }
    }

    // ARRAY_NOT_INVARIANT

    @Jit
    public static void arrayNotInvariantBefore(double[][] points, double[] out) {
        for (int i = 0; i < out.length; i++) {
            out[i] = points[i][0] > 0 ? points[i][0] : 0.0;
        }
    }

    @Jit
    public static void arrayNotInvariantAfter(double[] x, double[] out) {
        for (int i = 0; i < out.length; i++) {
            out[i] = x[i] > 0 ? x[i] : 0.0;
        }
    }

    // INVARIANT_STORE

    @Jit
    public static void invariantStoreBefore(double[] a, double[] total) {
        for (int i = 0; i < a.length; i++) {
            total[0] += a[i];
        }
    }

    @Jit(fastmath = true)
    public static void invariantStoreAfter(double[] a, double[] total) {
        double sum = total[0];
        for (int i = 0; i < a.length; i++) {
            sum += a[i];
        }
        total[0] = sum;
    }

    @Jit
    public static void invariantStoreAtIndex(double[] a, int k, double[] out) {
        for (int i = 0; i < a.length; i++) {
            out[k] = a[i] > 0 ? a[i] : 0.0;
        }
    }

    // LOOP_CARRIED_ARRAY_DEPENDENCE

    @Jit
    public static void loopCarriedArrayDependenceBefore(double[] a) {
        for (int i = 1; i < a.length; i++) {
            a[i] = a[i] > a[i - 1] ? a[i] : a[i - 1];
        }
    }

    @Jit
    public static void loopCarriedArrayDependenceAfter(double[] a, double[] out) {
        for (int i = 1; i < out.length; i++) {
            out[i] = a[i] > a[i - 1] ? a[i] : a[i - 1];
        }
    }

    // MULTIPLE_STORES_SAME_ARRAY

    @Jit
    public static void multipleStoresSameArrayBefore(double[] a, double[] out) {
        for (int i = 0; i < a.length; i++) {
            out[i] = 0.0;
            out[i + 1] = a[i] > 0 ? a[i] : 0.0;
        }
    }

    @Jit
    public static void multipleStoresSameArrayAfter(double[] a, double[] out) {
        out[0] = 0.0;
        for (int i = 1; i <= a.length; i++) {
            out[i] = a[i - 1] > 0 ? a[i - 1] : 0.0;
        }
    }

    @Jit
    public static void multipleStoresSameArrayFarApart(double[] a, double[] b, double[] out) {
        for (int i = 0; i < a.length; i++) {
            out[i] = Math.max(a[i], b[i]);
            out[i + a.length] = Math.min(a[i], b[i]);
        }
    }

    @Jit
    public static void multipleStoresSameArrayFarApartAfter(double[] a, double[] b, double[] high, double[] low) {
        for (int i = 0; i < a.length; i++) {
            high[i] = Math.max(a[i], b[i]);
            low[i] = Math.min(a[i], b[i]);
        }
    }

    // LOOP_CARRIED_SCALAR

    @Jit
    public static void loopCarriedScalarBefore(double[] a, double[] out) {
        double previous = 0;
        for (int i = 0; i < out.length; i++) {
            out[i] = a[i] > previous ? a[i] : previous;
            previous = a[i];
        }
    }

    @Jit
    public static void loopCarriedScalarAfter(double[] a, double[] out) {
        if (out.length > 0) {
            out[0] = a[0] > 0 ? a[0] : 0.0;
        }
        for (int i = 1; i < out.length; i++) {
            out[i] = a[i] > a[i - 1] ? a[i] : a[i - 1];
        }
    }

    // LIVE_OUT_SCALAR

    @Jit
    public static double liveOutScalarBefore(double[] a, double[] out) {
        double last = 0;
        for (int i = 0; i < out.length; i++) {
            last = a[i] > 0 ? a[i] : 0.0;
            out[i] = last;
        }
        return last;
    }

    @Jit
    public static double liveOutScalarAfter(double[] a, double[] out) {
        for (int i = 0; i < out.length; i++) {
            out[i] = a[i] > 0 ? a[i] : 0.0;
        }
        if (out.length == 0) {
            return 0;
        }
        return out[out.length - 1];
    }

    @Jit
    public static double liveOutScalarConditional(double[] a, double[] out) {
        double lastPositive = 0;
        for (int i = 0; i < out.length; i++) {
            if (a[i] > 0) {
                lastPositive = a[i];
            }
            out[i] = a[i] * 2;
        }
        return lastPositive;
    }

    // UNSUPPORTED_TYPE

    @Jit
    public static void unsupportedTypeBefore(byte[] a) {
        for (int i = 0; i < a.length; i++) {
            a[i] = a[i] > 0 ? a[i] : 0;
        }
    }

    @Jit
    public static void unsupportedTypeAfter(int[] a) {
        for (int i = 0; i < a.length; i++) {
            a[i] = a[i] > 0 ? a[i] : 0;
        }
    }

    // INNER_LOOP

    @Jit
    public static void innerLoopBefore(double[][] rows) {
        for (int r = 0; r < rows.length; r++) {
            double[] row = rows[r];
            for (int c = 0; c < row.length; c++) {
                row[c] = row[c] > 0 ? row[c] : 0.0;
            }
        }
    }

    // NO_ARRAY_WORK

    @Jit
    public static long noArrayWorkBefore(int n, long step) {
        long total = 0;
        for (int i = 0; i < n; i++) {
            total += step;
        }
        return total;
    }

    // LeftToC2 (not a rejection)

    @Jit
    public static void leftToC2Example(double[] a, double[] b, double[] c, double[] out) {
        for (int i = 0; i < out.length; i++) {
            out[i] = a[i] * b[i] + c[i];
        }
    }
}
