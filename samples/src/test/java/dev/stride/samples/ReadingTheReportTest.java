package dev.stride.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.stride.samples.lesson08.ReadingTheReport;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * Lesson 8 describes the report line by line; this test reads the report the plugin wrote during the build and
 * checks that every line the lesson names is there, so the lesson cannot drift from the tool.
 */
class ReadingTheReportTest {
    private static final Path REPORT =
            Path.of("target", "stride-reports", "dev.stride.samples.lesson08.ReadingTheReport.txt");

    @Test
    void theReportHasEverySectionTheLessonDescribes() throws IOException {
        String report = Files.readString(REPORT);

        for (String expected : new String[] {
            "scaledSum(float[], double) double   @Jit(fastmath = true)",
            "compiled at build",
            "variables",
            "float array element widened to double",
            "L1 ",
            "VECTORISED 4 x double (256-bit)",
            "(float lanes in 128-bit vectors, converted per lane)",
            "scaledSumExact(float[], double) double",
            "NEEDS_FASTMATH_REDUCTION",
            "induction i from 0 while i < a.length, step +1",
            "scaledSumFloat(float[], float) float",
            "VECTORISED 8 x float",
            "reduction total + (float, identity -0.0, reassociated under fastmath)",
            "hoisted: scale (broadcast)",
            "check: ",
            "LEFT TO C2"
        }) {
            assertTrue(report.contains(expected), "missing '" + expected + "' in\n" + report);
        }
    }

    @Test
    void theKernelsGiveThePlainResults() {
        float[] a = {1.5f, -2f, 3.25f, 4f, 5f, 6f, 7f, 8f, 9f, 10f};
        double expected = 0;
        for (float x : a) {
            expected += x * 0.5;
        }
        assertEquals(expected, ReadingTheReport.scaledSum(a, 0.5), 1e-12);
        assertEquals(expected, ReadingTheReport.scaledSumExact(a, 0.5));
        assertEquals((float) expected, ReadingTheReport.scaledSumFloat(a, 0.5f), 1e-5f);
        double[] out = new double[3];
        ReadingTheReport.shift(new double[] {1, 2, 3}, 1, out);
        assertEquals(4.0, out[2]);
    }
}
