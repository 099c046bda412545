package dev.stride.runtime.parallel;

import static java.lang.invoke.MethodType.methodType;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.invoke.CallSite;
import java.lang.invoke.LambdaConversionException;
import java.lang.invoke.LambdaMetafactory;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import org.junit.jupiter.api.Test;

/**
 * The calling protocol of docs/parallel-runtime.md, done the way rewritten bytecode does it: outlined static
 * chunk methods bound to the functional interfaces by {@link LambdaMetafactory#metafactory}, which is what an
 * {@code invokedynamic} instruction with that bootstrap method runs.
 */
class RewriterProtocolTest {

    private static final MethodHandles.Lookup LOOKUP = MethodHandles.lookup();
    private static final int N = 10_000;

    /** Outlined from {@code for (int i = 0; i < prange(n); i++) out[i] = in[i] * scale;}. */
    static void scaleChunk(double[] in, double[] out, double scale, int lo, int hi) {
        for (int i = lo; i < hi; i++) {
            out[i] = in[i] * scale;
        }
    }

    /** Outlined from {@code for (...) total = Math.max(total, a[i]);}: the accumulator is a parameter. */
    static double maxChunk(double[] a, int lo, int hi, double total) {
        for (int i = lo; i < hi; i++) {
            total = Math.max(total, a[i]);
        }
        return total;
    }

    /** Outlined from a loop with an {@code int} count, a {@code double} sum and a {@code float} maximum. */
    static void statsChunk(double[] a, int lo, int hi, long[] longSlots, double[] doubleSlots) {
        long positives = longSlots[0]; // int accumulator, carried in long arithmetic
        double sum = doubleSlots[0];
        float largest = (float) doubleSlots[1]; // float accumulator in a double slot
        for (int i = lo; i < hi; i++) {
            positives += a[i] > 0 ? 1 : 0;
            sum += a[i];
            largest = Math.max(largest, (float) a[i]);
        }
        longSlots[0] = positives;
        doubleSlots[0] = sum;
        doubleSlots[1] = largest;
    }

    @Test
    void metafactory_capturedValuesBeforeTheRange_bindsAChunkBody() throws Throwable {
        double[] in = Inputs.doubles(ReductionOperator.SUM, 7);
        double[] out = new double[in.length];
        MethodType captured = methodType(ChunkBody.class, double[].class, double[].class, double.class);

        ChunkBody body = (ChunkBody) bind("scaleChunk", "run", captured, methodType(void.class, int.class, int.class))
                .invoke(in, out, 2.5);
        ParallelLoops.forRange(0, in.length, 1, 4, body);

        double[] expected = new double[in.length];
        for (int i = 0; i < in.length; i++) {
            expected[i] = in[i] * 2.5;
        }
        assertArrayEquals(expected, out);
    }

    @Test
    void metafactory_reductionAccumulatorAsLastParameter_bindsAReducer() throws Throwable {
        double[] a = Inputs.doubles(ReductionOperator.MAX, 8);
        MethodType captured = methodType(DoubleChunkReducer.class, double[].class);
        MethodType reduce = methodType(double.class, int.class, int.class, double.class);

        DoubleChunkReducer body = (DoubleChunkReducer)
                bind("maxChunk", "reduce", captured, reduce).invoke(a);
        double result = ParallelLoops.reduceDouble(0, N, 1, 4, ReductionOperator.MAX, Double.NEGATIVE_INFINITY, body);

        assertEquals(maxChunk(a, 0, N, Double.NEGATIVE_INFINITY), result);
    }

    @Test
    void metafactory_slotReducer_combinesSeveralReductionsOfMixedTypes() throws Throwable {
        double[] a = Inputs.doubles(ReductionOperator.SUM, 9);
        MethodType captured = methodType(SlotChunkReducer.class, double[].class);
        MethodType reduce = methodType(void.class, int.class, int.class, long[].class, double[].class);
        SlotChunkReducer body = (SlotChunkReducer)
                bind("statsChunk", "reduce", captured, reduce).invoke(a);
        long[] longSlots = {0};
        double[] doubleSlots = {0.0, Float.NEGATIVE_INFINITY};
        ReductionOperator[] longOperators = {ReductionOperator.SUM};
        ReductionOperator[] doubleOperators = {ReductionOperator.SUM, ReductionOperator.MAX};

        ParallelLoops.reduceSlots(0, N, 1, 4, longOperators, longSlots, doubleOperators, doubleSlots, body);

        long[] serialLongs = {0};
        double[] serialDoubles = {0.0, Float.NEGATIVE_INFINITY};
        statsChunk(a, 0, N, serialLongs, serialDoubles);
        assertEquals((int) serialLongs[0], (int) longSlots[0]);
        assertEquals((float) serialDoubles[1], (float) doubleSlots[1]);
        assertTrue(Math.abs(serialDoubles[0] - doubleSlots[0]) < 1e-9, doubleSlots[0] + " vs " + serialDoubles[0]);
    }

    @Test
    void metafactory_capturedValuesAfterTheRange_isRejected() throws ReflectiveOperationException {
        MethodHandle trailing = LOOKUP.findStatic(
                RewriterProtocolTest.class,
                "trailingCaptureChunk",
                methodType(void.class, int.class, int.class, double[].class));
        MethodType run = methodType(void.class, int.class, int.class);

        assertThrows(
                LambdaConversionException.class,
                () -> LambdaMetafactory.metafactory(
                        LOOKUP, "run", methodType(ChunkBody.class, double[].class), run, trailing, run));
    }

    static void trailingCaptureChunk(int lo, int hi, double[] a) {
        for (int i = lo; i < hi; i++) {
            a[i] = 0;
        }
    }

    /** Does what {@code invokedynamic} with the {@code LambdaMetafactory.metafactory} bootstrap does. */
    private static MethodHandle bind(String chunkMethod, String interfaceMethod, MethodType captured, MethodType erased)
            throws ReflectiveOperationException, LambdaConversionException {
        MethodType implementationType = erased.insertParameterTypes(0, captured.parameterArray());
        MethodHandle implementation = LOOKUP.findStatic(RewriterProtocolTest.class, chunkMethod, implementationType);
        CallSite site =
                LambdaMetafactory.metafactory(LOOKUP, interfaceMethod, captured, erased, implementation, erased);
        return site.getTarget();
    }
}
