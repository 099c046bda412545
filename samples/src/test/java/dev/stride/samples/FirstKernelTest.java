package dev.stride.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.stride.runtime.Originals;
import dev.stride.runtime.Stride;
import dev.stride.samples.lesson01.FirstKernel;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The sample built the way users build: the plugin rewrote it, and it agrees with its own plain copy. */
class FirstKernelTest {

    @Test
    void theBuildRewroteTheSampleAndSimdRunsHere() {
        Stride.Status status = Stride.status(FirstKernel.class);
        assertTrue(status.compiled(), status.toString());
        assertTrue(status.methods().getFirst().startsWith("sum([D)D: L1"), status.toString());
        assertTrue(status.simdEnabled(), status.toString());
        assertFalse(Stride.status(Demo.class).compiled());
    }

    @Test
    void rewrittenSumAgreesWithThePlainCopyWithinTheFastmathBound() throws Throwable {
        var plain = MethodHandles.lookup()
                .findStatic(
                        Originals.plainCopy(FirstKernel.class),
                        "sum",
                        MethodType.methodType(double.class, double[].class));
        Random random = new Random(3);
        for (int length = 0; length < 300; length++) {
            double[] a = random.doubles(length, -1, 1).toArray();
            double magnitude = 0;
            for (double x : a) {
                magnitude += Math.abs(x);
            }
            assertEquals((double) plain.invokeExact(a), FirstKernel.sum(a), 1e-12 * magnitude, "length " + length);
        }
    }
}
