package dev.stride.weather.spark;

import dev.stride.weather.DetectionReport;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.apache.spark.api.java.JavaSparkContext;

/**
 * Runs the outlier job on a Spark context: plans splits of whole stations on the driver, runs
 * {@link SplitDetector} as one task per split ({@code parallelize} with one slice per split, then
 * {@code mapPartitions}), collects the per-split outliers in split order and writes the CSV on the driver.
 *
 * <p>Only outliers come back to the driver (24 bytes each, plus 12 bytes per station for the grouping check),
 * so the driver's memory follows the number of outliers and stations, not the input size. Inputs must be on a
 * file system every executor sees at the same path (a local disk in local mode, a shared mount on a cluster).
 */
public final class SparkDetection {

    private final JavaSparkContext spark;
    private final JobSettings settings;

    /**
     * Creates the job.
     *
     * @param spark the Spark context to run on
     * @param settings the measurement and the detection parameters
     */
    public SparkDetection(JavaSparkContext spark, JobSettings settings) {
        this.spark = spark;
        this.settings = settings;
    }

    /**
     * The default minimum number of splits: twice Spark's default parallelism, so that uneven stations even out
     * across the cores.
     *
     * @return the split count
     */
    public int defaultMinSplits() {
        return 2 * Math.max(1, spark.defaultParallelism());
    }

    /**
     * Runs the job; the CSV appears only when the whole run succeeded.
     *
     * @param inputs HDF5 files, ISD-Lite folders or files, in order
     * @param output the CSV to write
     * @param targetRows the target rows per split (task memory is about 49 bytes per row)
     * @param minSplits the fewest splits to make
     * @return the report: counts, read and compute time summed over tasks, and the driver's write time
     * @throws IOException when listing, reading or writing fails
     * @throws dev.stride.weather.WeatherInputException on bad input, with the command line's message
     */
    public Run run(List<Path> inputs, Path output, long targetRows, int minSplits) throws IOException {
        long start = System.nanoTime();
        List<InputSplit> splits = SplitPlanner.plan(inputs, settings.measurement(), targetRows, minSplits);
        List<SplitResult> results = spark.parallelize(splits, splits.size())
                .mapPartitions(new SplitDetector(settings))
                .collect();
        DetectionReport report = OutlierAssembler.write(results, output);
        long computeCpuNanos = 0;
        Set<String> kernels = new TreeSet<>();
        for (SplitResult result : results) {
            computeCpuNanos += result.computeCpuNanos();
            kernels.add(result.kernels());
        }
        return new Run(report, splits.size(), computeCpuNanos, kernels, System.nanoTime() - start);
    }

    /**
     * What a run did.
     *
     * @param report counts and phase times (read and compute summed over tasks)
     * @param splits the number of splits (tasks)
     * @param computeCpuNanos the tasks' CPU time in the detector, summed
     * @param kernels how the kernels ran, one entry per distinct answer of the tasks ({@link SplitDetector#KERNELS})
     * @param wallNanos the wall time from planning to the committed CSV
     */
    public record Run(DetectionReport report, int splits, long computeCpuNanos, Set<String> kernels, long wallNanos) {}
}
