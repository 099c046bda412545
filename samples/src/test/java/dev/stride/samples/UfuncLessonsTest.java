package dev.stride.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.stride.runtime.Stride;
import dev.stride.samples.lesson05.Ufuncs;
import dev.stride.samples.lesson05.UfuncsUfuncs;
import dev.stride.samples.lesson06.BroadcastAndReduce;
import dev.stride.samples.lesson06.BroadcastAndReduceUfuncs;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Lessons 5 and 6 built the way users build: the processor generated the companions, the plugin rewrote their
 * loops, and the array forms agree with a plain loop calling the scalar function.
 */
class UfuncLessonsTest {
    private static final Random RANDOM = new Random(5);

    @Test
    void theBuildRewroteTheCompanionLoops() {
        Stride.Status ufunc = Stride.status(UfuncsUfuncs.class);
        Stride.Status broadcast = Stride.status(BroadcastAndReduceUfuncs.class);

        assertTrue(ufunc.compiled(), ufunc.toString());
        assertTrue(ufunc.methods().stream().anyMatch(m -> m.startsWith("softClip$0$0(")), ufunc.toString());
        assertTrue(broadcast.methods().stream().anyMatch(m -> m.startsWith("total$1$reduce(")), broadcast.toString());
    }

    @Test
    void softClip_arrayFormsMatchThePlainLoopWithinTheFastmathBound() {
        for (int length = 0; length < 100; length++) {
            double[] x = RANDOM.doubles(length, -6, 6).toArray();
            double[] limit = RANDOM.doubles(length, 0.5, 3).toArray();
            double[] out = new double[length];

            UfuncsUfuncs.softClip(x, limit, out);
            double[] allocated = UfuncsUfuncs.softClip(x, limit);

            for (int i = 0; i < length; i++) {
                double expected = Ufuncs.softClip(x[i], limit[i]);
                assertEquals(expected, out[i], 2 * Math.ulp(expected), "element " + i);
                assertEquals(expected, allocated[i], 2 * Math.ulp(expected), "element " + i);
            }
        }
    }

    @Test
    void softClip_lengthMismatchThrowsBeforeAnyWrite() {
        double[] out = {7, 7, 7};

        IllegalArgumentException thrown = assertThrows(
                IllegalArgumentException.class, () -> UfuncsUfuncs.softClip(new double[3], new double[2], out));

        assertEquals(
                "softClip: arrays differ in length: x.length = 3, limit.length = 2, out.length = 3",
                thrown.getMessage());
        assertEquals(Arrays.toString(new double[] {7, 7, 7}), Arrays.toString(out));
    }

    @Test
    void scaled_broadcastsAScalarInEitherPosition() {
        double[] x = RANDOM.doubles(37, -5, 5).toArray();
        double[] out = new double[x.length];

        BroadcastAndReduceUfuncs.scaled(x, 0.5, out);
        double[] fromScalar = BroadcastAndReduceUfuncs.scaled(2.0, x);

        for (int i = 0; i < x.length; i++) {
            assertEquals(BroadcastAndReduce.scaled(x[i], 0.5), out[i]);
            assertEquals(BroadcastAndReduce.scaled(2.0, x[i]), fromScalar[i]);
        }
    }

    @Test
    void total_reduceIsTheSumWithinTheReassociationBound() {
        for (int length = 0; length < 200; length++) {
            double[] x = RANDOM.doubles(length, -1, 1).toArray();
            double expected = 0;
            double magnitude = 0;
            for (double v : x) {
                expected = BroadcastAndReduce.total(expected, v);
                magnitude += Math.abs(v);
            }

            double reduced = BroadcastAndReduceUfuncs.totalReduce(x);

            assertEquals(expected, reduced, 1e-12 * magnitude, "length " + length);
        }
    }

    @Test
    void largest_reduceIsExactAndAnEmptyArrayHasNoIdentity() {
        double[] x = {3, Double.NaN, 9};
        double[] running = new double[3];

        BroadcastAndReduceUfuncs.largestAccumulate(x, running);

        assertTrue(Double.isNaN(BroadcastAndReduceUfuncs.largestReduce(x)));
        assertEquals(9.0, BroadcastAndReduceUfuncs.largestReduce(new double[] {3, -1, 9, 2}));
        assertEquals("[3.0, NaN, NaN]", Arrays.toString(running));
        assertThrows(IllegalArgumentException.class, () -> BroadcastAndReduceUfuncs.largestReduce(new double[0]));
    }
}
