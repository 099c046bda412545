package dev.stride.weather.cli;

import dev.stride.runtime.Originals;
import dev.stride.weather.DetectionPipeline;
import dev.stride.weather.DetectionReport;
import dev.stride.weather.OutlierDetector;
import dev.stride.weather.engine.KernelEngine;
import dev.stride.weather.generate.DatasetWriter;
import dev.stride.weather.generate.SyntheticWeather;
import dev.stride.weather.io.ChunkSource;
import dev.stride.weather.io.InputSources;
import dev.stride.weather.kernels.WeatherKernels;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code demo}: generates data in a temporary folder, detects twice with the {@code stride} and the {@code plain}
 * engine, checks that the CSVs are identical, prints the compute times of the second (warm) runs and their speedup,
 * and the first runs' times, which include the JIT's warm-up; then deletes the folder.
 */
@Command(
        name = "demo",
        mixinStandardHelpOptions = true,
        description = "Generate, detect with engines stride and plain, compare, and print the speedup.")
final class DemoCommand implements Callable<Integer> {

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Option(names = "--rows", defaultValue = "10000000", description = "Rows to generate (default: ${DEFAULT-VALUE}).")
    private long rows;

    @Option(names = "--seed", defaultValue = "42", description = "Seed (default: ${DEFAULT-VALUE}).")
    private long seed;

    @Override
    public Integer call() throws IOException {
        if (rows < 1) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--rows must be positive");
        }
        PrintWriter out = spec.commandLine().getOut();
        Path folder = Files.createTempDirectory("stride-weather-demo");
        try {
            long start = System.nanoTime();
            List<Path> files = DatasetWriter.write(
                    new SyntheticWeather(seed),
                    rows,
                    DatasetWriter.DEFAULT_MAX_ROWS_PER_FILE,
                    folder.resolve("demo.h5"),
                    "wind_speed_rate");
            out.printf("generated %,d rows in %.3f s%n", rows, (System.nanoTime() - start) / 1e9);
            out.printf(
                    "kernels rewritten by Stride: %s%n",
                    Originals.isRewritten(WeatherKernels.class)
                            ? "yes"
                            : "no (built without the Stride compiler: both engines run the same code)");
            Runs stride = detect(KernelEngine.stride(), files, folder.resolve("stride.csv"), out);
            Runs plain = detect(KernelEngine.plain(), files, folder.resolve("plain.csv"), out);
            boolean same = Arrays.equals(
                    Files.readAllBytes(folder.resolve("stride.csv")), Files.readAllBytes(folder.resolve("plain.csv")));
            out.printf(
                    "engines agree: %s (%,d outliers each)%n",
                    same ? "yes" : "NO", stride.warm().outliers());
            out.printf(
                    "compute, second run: stride %.3f s (%,.0f rows/s), plain %.3f s (%,.0f rows/s), speedup %.2fx%n",
                    stride.warm().computeNanos() / 1e9,
                    stride.warm().rowsPerSecond(stride.warm().computeNanos()),
                    plain.warm().computeNanos() / 1e9,
                    plain.warm().rowsPerSecond(plain.warm().computeNanos()),
                    (double) plain.warm().computeNanos() / stride.warm().computeNanos());
            out.printf(
                    "compute, first run: stride %.3f s, plain %.3f s (the first run includes the JIT's warm-up of the"
                            + " SIMD code: Vector API code is slow until C2 has compiled it)%n",
                    stride.first().computeNanos() / 1e9, plain.first().computeNanos() / 1e9);
            out.flush();
            return same ? 0 : WeatherCommand.EXIT_INTERNAL;
        } finally {
            deleteTree(folder);
        }
    }

    /** A first (cold) and a second (warm) detection over the same files. */
    private record Runs(DetectionReport first, DetectionReport warm) {}

    private static Runs detect(KernelEngine engine, List<Path> files, Path output, PrintWriter out) throws IOException {
        OutlierDetector detector = new OutlierDetector(OutlierDetector.Parameters.defaults(), engine);
        DetectionReport first = detectOnce(detector, files, output);
        DetectionReport warm = detectOnce(detector, files, output);
        out.printf("--- engine %s (second run)%n", engine.name());
        DetectCommand.print(out, warm, detector.parameters(), engine.name());
        return new Runs(first, warm);
    }

    private static DetectionReport detectOnce(OutlierDetector detector, List<Path> files, Path output)
            throws IOException {
        try (ChunkSource source = InputSources.open(files, "wind_speed_rate", InputSources.DEFAULT_CHUNK_ROWS)) {
            return new DetectionPipeline(detector, null).run(source, output);
        }
    }

    private static void deleteTree(Path folder) throws IOException {
        try (Stream<Path> walk = Files.walk(folder)) {
            for (Path path : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
