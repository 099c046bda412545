package dev.stride.compiler.ufunc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.stride.compiler.report.ReportFormat;
import dev.stride.compiler.testing.UfuncHarness;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Golden files for a small owner: the companion source the processor generates (names, javadoc, checks, loops) and
 * the text report of the rewritten companion (the verdict of every loop). Regenerate with {@code
 * -Dstride.golden.update=true} and review the diff.
 */
class UfuncGoldenTest {
    private static final Path GOLDEN = Path.of("src/test/resources/golden");
    private static final boolean UPDATE = Boolean.getBoolean("stride.golden.update");

    private static final String OWNER = """
            package golden;

            import dev.stride.Vectorize;

            public final class Scale {
                private Scale() {}

                @Vectorize(fastmath = true)
                public static double damp(double x, double rate) {
                    if (x > 0) {
                        return x * Math.exp(-rate);
                    }
                    return x;
                }

                @Vectorize(associative = true, identity = "0")
                public static long plus(long a, long b) {
                    return a + b;
                }
            }
            """;

    private static final UfuncHarness.Build BUILD = UfuncHarness.build(Map.of("golden.Scale", OWNER));

    @Test
    void generatedCompanionSource_matchesGoldenFile() throws IOException {
        compare("ScaleUfuncs.java.txt", BUILD.generatedSources().get("golden.ScaleUfuncs"));
    }

    @Test
    void companionReport_matchesGoldenFile() throws IOException {
        ReportFormat text = ReportFormat.named("text", false);

        String report =
                text.render(List.of(BUILD.rewrites().get("golden.ScaleUfuncs").report()));

        compare("ScaleUfuncs.txt", report);
    }

    private static void compare(String name, String actual) throws IOException {
        Path file = GOLDEN.resolve(name);
        if (UPDATE) {
            Files.writeString(file, actual);
        }
        assertTrue(Files.exists(file), "missing golden file " + file + " (run with -Dstride.golden.update=true)");
        assertEquals(Files.readString(file), actual, "differs from " + file);
    }
}
