package dev.stride.compiler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.stride.compiler.kernels.ConversionKernels;
import dev.stride.compiler.kernels.HelperKernels;
import dev.stride.compiler.kernels.MapKernels;
import dev.stride.compiler.kernels.ParallelKernels;
import dev.stride.compiler.kernels.ParallelRejectedKernels;
import dev.stride.compiler.kernels.ReductionKernels;
import dev.stride.compiler.kernels.RejectedKernels;
import dev.stride.compiler.kernels.ScanKernels;
import dev.stride.compiler.kernels.TernaryReductionKernels;
import dev.stride.compiler.kernels.WindowKernels;
import dev.stride.compiler.report.ReportFormat;
import dev.stride.compiler.testing.RewriteHarness;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Golden files for the text and JSON reports of every corpus class: the verdict of every loop (vectorised with N
 * lanes, left to C2, rejected with reason R at line L) is pinned. Regenerate with
 * {@code ./stride mvn -pl compiler -am test -Dtest=ReportGoldenTest -Dstride.golden.update=true} and review the
 * diff.
 */
class ReportGoldenTest {
    private static final Path GOLDEN = Path.of("src/test/resources/golden");
    private static final boolean UPDATE = Boolean.getBoolean("stride.golden.update");

    @TestFactory
    Stream<DynamicTest> reportsMatchGoldenFiles() {
        return Stream.of(
                        ReductionKernels.class,
                        MapKernels.class,
                        ConversionKernels.class,
                        RejectedKernels.class,
                        WindowKernels.class,
                        HelperKernels.class,
                        ParallelKernels.class,
                        ParallelRejectedKernels.class,
                        TernaryReductionKernels.class,
                        ScanKernels.class)
                .flatMap(kernels -> Stream.of("text", "json")
                        .map(format -> DynamicTest.dynamicTest(
                                kernels.getSimpleName() + " " + format, () -> compare(kernels, format))));
    }

    private static void compare(Class<?> kernels, String format) throws IOException {
        ReportFormat renderer = ReportFormat.named(format, false);
        String actual = renderer.render(
                List.of(RewriteHarness.compile(kernels).rewrite().report()));
        Path file = GOLDEN.resolve(kernels.getSimpleName() + "." + renderer.extension());
        if (UPDATE) {
            Files.createDirectories(GOLDEN);
            Files.writeString(file, actual);
        }
        assertTrue(Files.exists(file), "missing golden file " + file + " (run with -Dstride.golden.update=true)");
        assertEquals(Files.readString(file), actual, "report differs from " + file);
    }
}
