package dev.stride.weather.spark;

import dev.stride.weather.OutlierDetector;
import java.io.Serial;
import java.io.Serializable;

/**
 * What every task needs to know besides its split: the measurement and the detection parameters, shipped to the
 * executors with the task (the library's {@link OutlierDetector.Parameters} is not serializable, and its
 * {@code threads} setting means the JVM-wide pool, which a task must not assume).
 *
 * @param measurement the HDF5 dataset or ISD-Lite field to read
 * @param window the window length {@code n}
 * @param threshold the threshold {@code t}
 * @param excludePoint test the point right after its window
 * @param slidingSum use running sums instead of two passes
 * @param threadsPerTask the Stride worker threads one task's parallel station loop may use (Spark's
 *     {@code spark.task.cpus}: a task owns that many cores, not the executor's)
 */
public record JobSettings(
        String measurement, int window, double threshold, boolean excludePoint, boolean slidingSum, int threadsPerTask)
        implements Serializable {

    @Serial
    private static final long serialVersionUID = 1L;

    /**
     * Validates the settings with the library's own rules.
     *
     * @throws IllegalArgumentException when a parameter is out of range
     */
    public JobSettings {
        if (threadsPerTask < 1) {
            throw new IllegalArgumentException("threads per task must be at least 1, was " + threadsPerTask);
        }
        new OutlierDetector.Parameters(window, threshold, excludePoint, slidingSum, 0);
    }

    /**
     * The library parameters; {@code threads} is 0 because a task bounds its threads per call instead.
     *
     * @return the detection parameters
     */
    public OutlierDetector.Parameters parameters() {
        return new OutlierDetector.Parameters(window, threshold, excludePoint, slidingSum, 0);
    }
}
