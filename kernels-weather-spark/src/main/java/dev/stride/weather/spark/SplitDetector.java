package dev.stride.weather.spark;

import dev.stride.runtime.Stride;
import dev.stride.runtime.parallel.ParallelLoops;
import dev.stride.weather.OutlierDetector;
import dev.stride.weather.WeatherInputException;
import dev.stride.weather.engine.KernelEngine;
import dev.stride.weather.io.ColumnChunk;
import dev.stride.weather.kernels.WeatherKernels;
import java.io.IOException;
import java.io.Serial;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.api.java.function.FlatMapFunction;

/**
 * The task body ({@code mapPartitions}): for each split of the partition (one, as planned), reads the split as
 * columns of primitive arrays and runs the library's {@link OutlierDetector} with the Stride engine on them,
 * whole, in one call: the per-station work is the Stride-compiled kernels over arrays, with no per-row Java
 * function in between. The detector's parallel station loop is bounded to the task's cores
 * ({@link JobSettings#threadsPerTask()}), since Spark already runs one task per core.
 */
final class SplitDetector implements FlatMapFunction<Iterator<InputSplit>, SplitResult> {

    @Serial
    private static final long serialVersionUID = 1L;

    /**
     * How the weather kernels run in this JVM: whether the class on the executor's class path is the one the
     * Stride compiler rewrote, and whether its Vector API code can run here (the executor has
     * {@code --add-modules=jdk.incubator.vector} and C2). Reported per task so that a cluster running the scalar
     * fallback is visible in the job's output, not only in executor logs.
     */
    static final String KERNELS = describe(Stride.status(WeatherKernels.class));

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private final JobSettings settings;

    /**
     * Creates the task body.
     *
     * @param settings the job settings
     */
    SplitDetector(JobSettings settings) {
        this.settings = settings;
    }

    @Override
    public Iterator<SplitResult> call(Iterator<InputSplit> splits) {
        List<SplitResult> results = new ArrayList<>();
        while (splits.hasNext()) {
            results.add(detect(splits.next()));
        }
        return results.iterator();
    }

    /**
     * Reads and checks one split.
     *
     * @param split the split
     * @return its outliers, or the input error that stopped it
     */
    SplitResult detect(InputSplit split) {
        long readStart = System.nanoTime();
        ColumnChunk chunk;
        try {
            chunk = SplitReader.read(split, settings.measurement());
        } catch (WeatherInputException e) {
            return failed(split, new SplitResult.Failure(-1, e.getMessage()), System.nanoTime() - readStart);
        } catch (IOException e) {
            throw new UncheckedIOException(split.source() + ": " + e.getMessage(), e);
        }
        long readNanos = System.nanoTime() - readStart;
        KernelEngine engine = KernelEngine.stride();
        int[] starts = runStarts(engine, chunk.station(), chunk.timestamp());
        long computeStart = System.nanoTime();
        long cpuStart = THREADS.getCurrentThreadCpuTime();
        OutlierDetector.Detection detection;
        try {
            OutlierDetector detector = new OutlierDetector(settings.parameters(), engine);
            detection = ParallelLoops.withThreads(
                    settings.threadsPerTask(),
                    () -> detector.detect(chunk.station(), chunk.timestamp(), chunk.value()));
        } catch (WeatherInputException e) {
            SplitResult.Failure failure = e.row() < 0
                    ? new SplitResult.Failure(-1, chunk.source() + ": " + e.getMessage())
                    : new SplitResult.Failure(e.row(), e.detail());
            return withRuns(split, chunk, starts, failure, readNanos, System.nanoTime() - computeStart);
        }
        long computeNanos = System.nanoTime() - computeStart;
        long cpuNanos = THREADS.getCurrentThreadCpuTime() - cpuStart;
        return outliers(split, chunk, starts, detection, readNanos, computeNanos, cpuNanos);
    }

    /** The station runs of the split (sized by a first count, so the scan always fits). */
    private static int[] runStarts(KernelEngine engine, long[] station, double[] timestamp) {
        int runs = engine.countStationRuns(station);
        int[] starts = new int[runs + 1];
        engine.scanStations(station, timestamp, starts, new int[1]);
        return starts;
    }

    private static SplitResult outliers(
            InputSplit split,
            ColumnChunk chunk,
            int[] starts,
            OutlierDetector.Detection detection,
            long readNanos,
            long computeNanos,
            long cpuNanos) {
        int[] rows = detection.rows();
        long[] station = new long[rows.length];
        double[] time = new double[rows.length];
        double[] value = new double[rows.length];
        for (int i = 0; i < rows.length; i++) {
            station[i] = chunk.station()[rows[i]];
            time[i] = chunk.timestamp()[rows[i]];
            value[i] = chunk.value()[rows[i]];
        }
        int runs = starts.length - 1;
        return new SplitResult(
                chunk.source(),
                split.input(),
                chunk.size(),
                runStations(chunk.station(), starts),
                Arrays.copyOf(starts, runs),
                detection.keptStationCount(),
                station,
                time,
                value,
                KERNELS,
                null,
                readNanos,
                computeNanos,
                cpuNanos);
    }

    private static SplitResult withRuns(
            InputSplit split,
            ColumnChunk chunk,
            int[] starts,
            SplitResult.Failure failure,
            long readNanos,
            long computeNanos) {
        return new SplitResult(
                chunk.source(),
                split.input(),
                chunk.size(),
                runStations(chunk.station(), starts),
                Arrays.copyOf(starts, starts.length - 1),
                0,
                new long[0],
                new double[0],
                new double[0],
                KERNELS,
                failure,
                readNanos,
                computeNanos,
                0);
    }

    private static SplitResult failed(InputSplit split, SplitResult.Failure failure, long readNanos) {
        return new SplitResult(
                split.source(),
                split.input(),
                0,
                new long[0],
                new int[0],
                0,
                new long[0],
                new double[0],
                new double[0],
                KERNELS,
                failure,
                readNanos,
                0,
                0);
    }

    private static String describe(Stride.Status status) {
        return (status.compiled() ? "compiled by Stride " + status.version() : "NOT compiled by Stride (plain Java)")
                + "; " + status.reason();
    }

    private static long[] runStations(long[] station, int[] starts) {
        long[] ids = new long[starts.length - 1];
        for (int s = 0; s < ids.length; s++) {
            ids[s] = station[starts[s]];
        }
        return ids;
    }
}
