package dev.stride.weather.spark;

import java.io.Serial;
import java.io.Serializable;

/**
 * What a task sends back for its split: the outliers (columns of the outlier rows only), the station runs in
 * order (for the driver's check that no station appears in two places), counts and timings; or the input error
 * that stopped it. Bad input is a result, not a task failure, so Spark does not retry it and the driver can
 * report it with the command line's message.
 *
 * @param source the input the split belongs to
 * @param input the input's index in the list ({@link InputSplit#input()})
 * @param rows the rows the task read
 * @param runStations the station id of each run of equal ids, in row order
 * @param runStarts the first row of each run, relative to the split
 * @param keptStations the stations long enough to hold a window
 * @param outlierStation station id of each outlier, in row order
 * @param outlierTime epoch seconds of each outlier
 * @param outlierValue raw value of each outlier
 * @param kernels how the weather kernels run in the task's JVM ({@link SplitDetector#KERNELS})
 * @param failure the input error, or null
 * @param readNanos time spent reading the split
 * @param computeNanos time spent in the detector
 * @param computeCpuNanos CPU time of the task's thread in the detector (the detector runs on the task's thread
 *     when the task has one Stride thread), which unlike the wall time does not grow when other work shares the
 *     cores
 */
record SplitResult(
        String source,
        int input,
        int rows,
        long[] runStations,
        int[] runStarts,
        int keptStations,
        long[] outlierStation,
        double[] outlierTime,
        double[] outlierValue,
        String kernels,
        Failure failure,
        long readNanos,
        long computeNanos,
        long computeCpuNanos)
        implements Serializable {

    @Serial
    private static final long serialVersionUID = 1L;

    /**
     * An input error found by a task.
     *
     * @param row the offending row relative to the split, or -1 when {@code message} is complete by itself
     * @param message the detail after {@code source: row N: }, or the whole message when {@code row} is -1
     */
    record Failure(long row, String message) implements Serializable {
        @Serial
        private static final long serialVersionUID = 1L;
    }

    /**
     * The number of outliers.
     *
     * @return the outlier count
     */
    int outliers() {
        return outlierStation.length;
    }
}
