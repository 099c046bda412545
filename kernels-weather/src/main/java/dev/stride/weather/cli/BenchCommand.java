package dev.stride.weather.cli;

import dev.stride.weather.OutlierDetector;
import dev.stride.weather.engine.KernelEngine;
import dev.stride.weather.io.ChunkSource;
import dev.stride.weather.io.ColumnChunk;
import dev.stride.weather.io.InputSources;
import java.io.IOException;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code bench}: the compute phase timed with the peers' protocol ({@code docs/peers.md}): all columns loaded
 * before timing, the first run reported on its own (it includes the JIT's warm-up of the SIMD code, as Numba's
 * first call includes its compilation), then the median of the timed runs, for each engine, with a check that
 * every engine found the same outlier rows. Besides wall time it reports the process's CPU time per run (all
 * threads added, the median), which is steadier than wall time on a shared machine and shows how much work a
 * parallel run adds.
 */
@Command(
        name = "bench",
        mixinStandardHelpOptions = true,
        description = "Time the compute phase of detection per engine (load first, first run separate, median).")
final class BenchCommand implements Callable<Integer> {

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Option(names = "--input", required = true, arity = "1..*", description = "HDF5 files or ISD-Lite input.")
    private List<Path> inputs;

    @Option(names = "--measurement", defaultValue = "wind_speed_rate", description = "Dataset to read.")
    private String measurement;

    @Option(names = "--runs", defaultValue = "5", description = "Timed runs per engine (default: ${DEFAULT-VALUE}).")
    private int runs;

    @Option(names = "--engines", defaultValue = "stride,plain", split = ",", description = "Engines to time.")
    private List<String> engines;

    @Option(names = "--exclude-point", description = "Test the point right after each window.")
    private boolean excludePoint;

    @Override
    public Integer call() throws IOException {
        if (runs < 1) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--runs must be positive");
        }
        PrintWriter out = spec.commandLine().getOut();
        ColumnChunk columns;
        try (ChunkSource source = InputSources.open(inputs, measurement, Integer.MAX_VALUE - 8)) {
            columns = source.next();
        }
        int rows = columns.value().length;
        out.printf("%,d rows loaded; %d timed runs per engine after one first run%n", rows, runs);
        int[] reference = null;
        for (String engine : engines) {
            OutlierDetector.Parameters defaults = OutlierDetector.Parameters.defaults();
            OutlierDetector detector = new OutlierDetector(
                    new OutlierDetector.Parameters(
                            defaults.window(),
                            defaults.threshold(),
                            excludePoint,
                            defaults.slidingSum(),
                            defaults.threads()),
                    KernelEngine.byName(engine));
            long firstStart = System.nanoTime();
            int[] found = detector.detect(columns.station(), columns.timestamp(), columns.value())
                    .rows();
            double first = (System.nanoTime() - firstStart) / 1e6;
            double[] timed = new double[runs];
            double[] cpu = new double[runs];
            for (int run = 0; run < runs; run++) {
                long cpuStart = processCpuNanos();
                long start = System.nanoTime();
                detector.detect(columns.station(), columns.timestamp(), columns.value());
                timed[run] = (System.nanoTime() - start) / 1e6;
                cpu[run] = (processCpuNanos() - cpuStart) / 1e6;
            }
            Arrays.sort(timed);
            Arrays.sort(cpu);
            double median = timed[runs / 2];
            out.printf(
                    "%-7s first run %,9.1f ms   median %,9.1f ms   best %,9.1f ms   CPU %,9.1f ms"
                            + "   %,7.1f M rows/s (median)   %,d outliers%n",
                    engine, first, median, timed[0], cpu[runs / 2], rows / median / 1e3, found.length);
            if (reference != null && !Arrays.equals(reference, found)) {
                spec.commandLine()
                        .getErr()
                        .println("stride weather bench: engine " + engine + " found different outlier rows than "
                                + engines.getFirst());
                return 1;
            }
            reference = found;
        }
        out.flush();
        return 0;
    }

    /** The CPU time of this process so far, all threads, or -1 when the JVM does not report it. */
    private static long processCpuNanos() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getProcessCpuTime();
        }
        return -1;
    }
}
