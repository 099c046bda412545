package dev.stride.samples;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.stride.runtime.Stride;
import dev.stride.samples.lesson07.StatisticsOverloads;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Lesson 7's overloads as the build made them (processor, then stride-maven-plugin): each specialisation against the
 * same kernel written by hand for its type, lengths 0 to 3 x 16 + 1 with NaN, infinities and int overflow.
 */
class SpecialisationLessonTest {
    private static final float[] FLOAT_EDGES = {Float.NaN, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY, -0.0f};
    private static final int[] INT_EDGES = {Integer.MAX_VALUE, Integer.MIN_VALUE, -1, 0};

    @Test
    void overloadsAreSpecialisedAtBuildTime() throws IOException {
        String classFile = classFile("dev/stride/samples/lesson07/StatisticsOverloads.class");

        assertTrue(Stride.status(StatisticsOverloads.class).compiled());
        // the run-time path's body (a MethodHandle.invokeExact through a lazy holder) was replaced by the build
        assertFalse(classFile.contains("invokeExact"), "the overloads still compile at run time");
    }

    @Test
    void sum_matchesHandWrittenFloatWithinReassociation() {
        for (int n = 0; n <= 49; n++) {
            float[] a = floats(n, n, false);
            float expected = 0;
            double magnitude = 0;
            for (float value : a) {
                expected += value;
                magnitude += Math.abs(value);
            }

            float actual = StatisticsOverloads.sum(a);

            assertEquals(expected, actual, 49 * Math.ulp(1.0f) * magnitude, "n=" + n);
        }
        assertTrue(Float.isNaN(StatisticsOverloads.sum(new float[] {1, Float.NaN, 2})));
    }

    @Test
    void clamp_matchesHandWrittenFloatExactly() {
        for (int n = 0; n <= 49; n++) {
            float[] a = floats(n, n + 100, true);
            float[] expected = new float[n];
            float[] actual = new float[n];
            for (int i = 0; i < n; i++) {
                float x = a[i];
                if (x < -1.5f) {
                    x = -1.5f;
                }
                expected[i] = x > 2.5f ? 2.5f : x;
            }

            StatisticsOverloads.clamp(a, -1.5f, 2.5f, actual);

            assertArrayEquals(expected, actual, "n=" + n);
        }
        assertThrows(
                ArrayIndexOutOfBoundsException.class,
                () -> StatisticsOverloads.clamp(new float[3], 0, 1, new float[2]));
    }

    @Test
    void sumAbove_matchesHandWrittenIntWithOverflow() {
        Random random = new Random(7);
        for (int n = 0; n <= 49; n++) {
            int[] a = new int[n];
            for (int i = 0; i < n; i++) {
                a[i] = random.nextInt(4) == 0 ? INT_EDGES[random.nextInt(INT_EDGES.length)] : random.nextInt();
            }
            int expected = 0;
            for (int value : a) {
                if (value > -5) {
                    expected += value;
                }
            }

            int actual = StatisticsOverloads.sumAbove(a, -5);

            assertEquals(expected, actual, "n=" + n);
        }
    }

    @Test
    void originalKindOverloadCallsTheKernel() {
        assertEquals(6.0, StatisticsOverloads.sum(new double[] {1, 2, 3}));
        assertEquals(3L + Long.MAX_VALUE, StatisticsOverloads.sumAbove(new long[] {3, Long.MAX_VALUE, -9}, 0));
    }

    private static float[] floats(int n, long seed, boolean edges) {
        Random random = new Random(seed);
        float[] values = new float[n];
        for (int i = 0; i < n; i++) {
            values[i] = edges && random.nextInt(4) == 0
                    ? FLOAT_EDGES[random.nextInt(FLOAT_EDGES.length)]
                    : (float) random.nextGaussian() * 3;
        }
        return values;
    }

    private static String classFile(String resource) throws IOException {
        try (InputStream in = SpecialisationLessonTest.class.getClassLoader().getResourceAsStream(resource)) {
            return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
        }
    }
}
