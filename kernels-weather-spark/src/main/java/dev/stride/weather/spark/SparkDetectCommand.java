package dev.stride.weather.spark;

import dev.stride.weather.DetectionReport;
import dev.stride.weather.OutlierDetector;
import dev.stride.weather.WeatherInputException;
import dev.stride.weather.cli.DetectionOptions;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code detect} on Spark: the single-machine command's input, output and detection options, plus where to run
 * ({@code --master}) and how to cut the work ({@code --partitions}, {@code --chunk-rows}). Everything that can
 * be checked before Spark starts is (options, master URL); the inputs are checked by the planner before any
 * task runs.
 */
@Command(
        name = "detect",
        mixinStandardHelpOptions = true,
        description = "Detect outliers on Spark; input: HDF5 files from 'generate' or folders of ISD-Lite files.")
final class SparkDetectCommand implements Callable<Integer> {

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Option(names = "--input", required = true, arity = "1..*", description = "HDF5 files, ISD-Lite folders or files.")
    private List<Path> inputs;

    @Option(names = "--output", required = true, description = "The outlier CSV to write (on the driver).")
    private Path output;

    @Option(
            names = "--measurement",
            defaultValue = "wind_speed_rate",
            description = "HDF5 dataset or ISD-Lite field (default: ${DEFAULT-VALUE}).")
    private String measurement;

    @Mixin
    private DetectionOptions detectionOptions;

    @Option(
            names = "--engine",
            defaultValue = "spark",
            description = "Must be spark here (the launcher routes --engine spark to this command).")
    private String engine;

    @Option(
            names = "--master",
            description = "Spark master URL: local[N], spark://HOST:PORT, ... (default: the one spark-submit set).")
    private String master;

    @Option(
            names = "--partitions",
            defaultValue = "0",
            description = "The fewest splits (tasks) to make; 0: twice Spark's default parallelism.")
    private int partitions;

    @Option(
            names = "--chunk-rows",
            defaultValue = "4000000",
            description = "Target rows per split; a task needs about 49 bytes per row (default: ${DEFAULT-VALUE}).")
    private int chunkRows;

    @Option(
            names = "--threads",
            defaultValue = "0",
            description = "Stride threads per task; 0: spark.task.cpus (default 1, Spark runs a task per core).")
    private int threads;

    @Override
    public Integer call() throws IOException {
        CommandLine commandLine = spec.commandLine();
        checkOptions(commandLine);
        for (Path input : inputs) {
            if (!Files.exists(input)) {
                throw new WeatherInputException(input + ": no such file or folder");
            }
        }
        SparkConf conf = SparkJobConf.create(master(commandLine));
        int threadsPerTask = threads > 0 ? threads : conf.getInt("spark.task.cpus", 1);
        JobSettings taskSettings = settings(commandLine, threadsPerTask);
        SparkDetection.Run run;
        long startNanos = System.nanoTime();
        JavaSparkContext spark = new JavaSparkContext(conf);
        long startedNanos = System.nanoTime();
        try (spark) {
            SparkDetection detection = new SparkDetection(spark, taskSettings);
            int minSplits = partitions > 0 ? partitions : detection.defaultMinSplits();
            run = detection.run(inputs, output, chunkRows, minSplits);
        }
        long stopNanos = System.nanoTime() - startedNanos - run.wallNanos();
        print(commandLine.getOut(), run, conf.get("spark.master"), threadsPerTask);
        commandLine
                .getOut()
                .printf(
                        "spark:    %9.3f s to start the context, %.3f s to stop it%n",
                        (startedNanos - startNanos) / 1e9, stopNanos / 1e9);
        commandLine.getOut().flush();
        return 0;
    }

    private void checkOptions(CommandLine commandLine) {
        if (!engine.equalsIgnoreCase("spark")) {
            throw new CommandLine.ParameterException(
                    commandLine, "--engine " + engine + ": this is the Spark job; run stride or plain without Spark");
        }
        if (chunkRows < 1 || partitions < 0 || threads < 0) {
            throw new CommandLine.ParameterException(
                    commandLine, "--chunk-rows must be positive, --partitions and --threads not negative");
        }
        settings(commandLine, 1);
    }

    private JobSettings settings(CommandLine commandLine, int threadsPerTask) {
        OutlierDetector.Parameters parameters = detectionOptions.parameters(commandLine, threadsPerTask);
        try {
            return new JobSettings(
                    measurement,
                    parameters.window(),
                    parameters.threshold(),
                    parameters.excludePoint(),
                    parameters.slidingSum(),
                    threadsPerTask);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(commandLine, e.getMessage(), e);
        }
    }

    private String master(CommandLine commandLine) {
        String chosen = master != null ? master : new SparkConf().get("spark.master", null);
        if (chosen == null) {
            throw new CommandLine.ParameterException(
                    commandLine,
                    "no Spark master: pass --master local[N] or spark://HOST:PORT, or run through"
                            + " spark-submit --master ...");
        }
        try {
            return SparkMaster.check(chosen);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(commandLine, e.getMessage(), e);
        }
    }

    private static void print(PrintWriter out, SparkDetection.Run run, String master, int threadsPerTask) {
        DetectionReport report = run.report();
        out.printf("stations: %,d found, %,d kept (at least one window)%n", report.stations(), report.keptStations());
        out.printf("outliers: %,d in %,d rows (engine spark, master %s)%n", report.outliers(), report.rows(), master);
        out.printf("splits:   %,d tasks, %d Stride thread(s) per task%n", run.splits(), threadsPerTask);
        for (String kernels : run.kernels()) {
            out.printf("kernels:  %s%n", kernels);
        }
        printPhase(out, "read", "summed over tasks", report.loadNanos(), report);
        printPhase(out, "compute", "summed over tasks", report.computeNanos(), report);
        printPhase(out, "cpu", "compute CPU time of the task threads, summed", run.computeCpuNanos(), report);
        printPhase(out, "write", "driver", report.writeNanos(), report);
        printPhase(out, "job", "wall, plan to CSV", run.wallNanos(), report);
        out.flush();
    }

    private static void printPhase(PrintWriter out, String phase, String what, long nanos, DetectionReport report) {
        out.printf("%-8s %9.3f s  %,15.0f rows/s  (%s)%n", phase + ":", nanos / 1e9, report.rowsPerSecond(nanos), what);
    }
}
