package dev.stride.weather.cli;

import dev.stride.weather.DetectionPipeline;
import dev.stride.weather.DetectionReport;
import dev.stride.weather.OutlierDetector;
import dev.stride.weather.engine.KernelEngine;
import dev.stride.weather.io.ChunkSource;
import dev.stride.weather.io.InputSources;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code detect}: finds the outliers of HDF5 files or ISD-Lite folders and writes them as CSV. */
@Command(
        name = "detect",
        mixinStandardHelpOptions = true,
        description = "Detect outliers; input: HDF5 files from 'generate' or folders of ISD-Lite files.")
final class DetectCommand implements Callable<Integer> {

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Option(names = "--input", required = true, arity = "1..*", description = "HDF5 files, ISD-Lite folders or files.")
    private List<Path> inputs;

    @Option(names = "--output", required = true, description = "The outlier CSV to write.")
    private Path output;

    @Option(
            names = "--measurement",
            defaultValue = "wind_speed_rate",
            description = "HDF5 dataset or ISD-Lite field (default: ${DEFAULT-VALUE}).")
    private String measurement;

    @Mixin
    private DetectionOptions options;

    @Option(names = "--threads", defaultValue = "0", description = "Worker threads (default: all cores).")
    private int threads;

    @Option(
            names = "--engine",
            defaultValue = "stride",
            description = "stride (the rewritten kernels) or plain (the original code); spark: see docs/spark.md"
                    + " (default: ${DEFAULT-VALUE}).")
    private String engineName;

    @Option(
            names = "--chunk-rows",
            defaultValue = "4000000",
            description = "Target rows per chunk; memory is about 49 bytes per chunk row (default: ${DEFAULT-VALUE}).")
    private int chunkRows;

    /**
     * Why {@code --engine spark} does not run here: Spark lives in the {@code kernels-weather-spark} module, so
     * this module stays free of it; the launcher routes {@code detect --engine spark} to that module.
     */
    static final String SPARK_ENGINE_HINT = "--engine spark runs in the kernels-weather-spark module: use"
            + " ./stride weather detect --engine spark --master local[N] ... (the launcher routes it there), or"
            + " spark-submit the module's stride-weather-spark.jar (docs/spark.md)";

    @Override
    public Integer call() throws IOException {
        CommandLine commandLine = spec.commandLine();
        OutlierDetector.Parameters parameters = options.parameters(commandLine, threads);
        if (chunkRows < 1) {
            throw new CommandLine.ParameterException(commandLine, "--chunk-rows must be positive");
        }
        if (threads > 0) {
            System.setProperty("stride.threads", Integer.toString(threads));
        }
        if (engineName.equalsIgnoreCase("spark")) {
            throw new CommandLine.ParameterException(commandLine, SPARK_ENGINE_HINT);
        }
        KernelEngine engine;
        try {
            engine = KernelEngine.byName(engineName);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(commandLine, e.getMessage());
        }
        PrintWriter out = commandLine.getOut();
        DetectionReport report;
        try (ChunkSource source = InputSources.open(inputs, measurement, chunkRows)) {
            OutlierDetector detector;
            try {
                detector = new OutlierDetector(parameters, engine);
            } catch (IllegalArgumentException e) {
                throw new CommandLine.ParameterException(commandLine, "--threads: " + e.getMessage());
            }
            report = new DetectionPipeline(detector, commandLine.getErr()).run(source, output);
        }
        print(out, report, parameters, engine.name());
        return 0;
    }

    static void print(PrintWriter out, DetectionReport report, OutlierDetector.Parameters parameters, String engine) {
        out.printf(
                "stations: %,d found, %,d kept (at least %d rows, one window)%n",
                report.stations(), report.keptStations(), parameters.window());
        out.printf("outliers: %,d in %,d rows (engine %s)%n", report.outliers(), report.rows(), engine);
        printPhase(out, "load", report.loadNanos(), report);
        printPhase(out, "compute", report.computeNanos(), report);
        printPhase(out, "write", report.writeNanos(), report);
        out.flush();
    }

    private static void printPhase(PrintWriter out, String phase, long nanos, DetectionReport report) {
        out.printf("%-8s %9.3f s  %,15.0f rows/s%n", phase + ":", nanos / 1e9, report.rowsPerSecond(nanos));
    }
}
