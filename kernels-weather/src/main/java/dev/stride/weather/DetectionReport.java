package dev.stride.weather;

/**
 * What a detection run did, with the time of each phase (summed over chunks).
 *
 * @param rows rows read
 * @param stations stations found
 * @param keptStations stations long enough to hold a window
 * @param outliers outliers found
 * @param loadNanos time spent reading input
 * @param computeNanos time spent in the detector
 * @param writeNanos time spent writing the CSV
 */
public record DetectionReport(
        long rows,
        long stations,
        long keptStations,
        long outliers,
        long loadNanos,
        long computeNanos,
        long writeNanos) {

    /** The report of no work. */
    public static final DetectionReport EMPTY = new DetectionReport(0, 0, 0, 0, 0, 0, 0);

    /**
     * This report plus one chunk's figures.
     *
     * @param other the chunk's report
     * @return the sum
     */
    public DetectionReport plus(DetectionReport other) {
        return new DetectionReport(
                rows + other.rows,
                stations + other.stations,
                keptStations + other.keptStations,
                outliers + other.outliers,
                loadNanos + other.loadNanos,
                computeNanos + other.computeNanos,
                writeNanos + other.writeNanos);
    }

    /**
     * Rows per second of a phase.
     *
     * @param nanos the phase time
     * @return rows per second, or 0 when the phase took no measurable time
     */
    public double rowsPerSecond(long nanos) {
        return nanos <= 0 ? 0 : rows * 1e9 / nanos;
    }
}
