package dev.stride.weather;

import dev.stride.weather.io.ChunkSource;
import dev.stride.weather.io.ColumnChunk;
import dev.stride.weather.io.OutlierCsvWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;

/**
 * Streams chunks of whole stations through an {@link OutlierDetector} into the outlier CSV, so memory follows
 * the chunk size, not the input size. Besides what the detector checks inside a chunk, it checks that no
 * station reappears in a later chunk, and it restates row errors as rows of the input file.
 */
public final class DetectionPipeline {

    private static final long PROGRESS_INTERVAL_NANOS = 2_000_000_000L;

    private final OutlierDetector detector;
    private final PrintWriter progress;

    /**
     * Creates a pipeline.
     *
     * @param detector the detector to run on every chunk
     * @param progress where to print a progress line every few seconds, or null for none
     */
    public DetectionPipeline(OutlierDetector detector, PrintWriter progress) {
        this.detector = detector;
        this.progress = progress;
    }

    /**
     * Runs the detection; the CSV appears only when the whole run succeeded.
     *
     * @param source the input
     * @param output the CSV to write
     * @return the report
     * @throws IOException when reading or writing fails
     * @throws WeatherInputException on bad input
     */
    public DetectionReport run(ChunkSource source, Path output) throws IOException {
        long totalRows = progress == null ? -1 : source.totalRows();
        DetectionReport report = DetectionReport.EMPTY;
        Set<Long> seenStations = new HashSet<>();
        long lastProgress = System.nanoTime();
        try (OutlierCsvWriter writer = OutlierCsvWriter.open(output)) {
            while (true) {
                long loadStart = System.nanoTime();
                ColumnChunk chunk = source.next();
                long loadNanos = System.nanoTime() - loadStart;
                if (chunk == null) {
                    break;
                }
                checkNewStations(chunk, seenStations);
                long computeStart = System.nanoTime();
                OutlierDetector.Detection detection = detect(chunk);
                long computeNanos = System.nanoTime() - computeStart;
                long writeStart = System.nanoTime();
                for (int row : detection.rows()) {
                    writer.write(chunk.station()[row], chunk.timestamp()[row], chunk.value()[row]);
                }
                long writeNanos = System.nanoTime() - writeStart;
                report = report.plus(new DetectionReport(
                        chunk.size(),
                        detection.stationCount(),
                        detection.keptStationCount(),
                        detection.rows().length,
                        loadNanos,
                        computeNanos,
                        writeNanos));
                if (progress != null && System.nanoTime() - lastProgress > PROGRESS_INTERVAL_NANOS) {
                    lastProgress = System.nanoTime();
                    printProgress(report, totalRows);
                }
            }
            long commitStart = System.nanoTime();
            writer.commit();
            report = report.plus(new DetectionReport(0, 0, 0, 0, 0, 0, System.nanoTime() - commitStart));
        }
        return report;
    }

    private OutlierDetector.Detection detect(ColumnChunk chunk) {
        try {
            return detector.detect(chunk.station(), chunk.timestamp(), chunk.value());
        } catch (WeatherInputException e) {
            if (e.row() < 0) {
                throw new WeatherInputException(chunk.source() + ": " + e.getMessage(), e);
            }
            throw new WeatherInputException(
                    chunk.source() + ": row " + (chunk.firstRow() + e.row()) + ": " + e.detail(), e);
        }
    }

    /**
     * Records the stations of this chunk in order; the first run whose station was already recorded (earlier in
     * this chunk or in an earlier chunk) is the first offending row. The detector checks grouping inside a chunk
     * too, but only this check sees across chunks and files.
     */
    private static void checkNewStations(ColumnChunk chunk, Set<Long> seenStations) {
        long[] station = chunk.station();
        for (int i = 0; i < station.length; i++) {
            if ((i == 0 || station[i] != station[i - 1]) && !seenStations.add(station[i])) {
                throw new WeatherInputException(chunk.source() + ": row " + (chunk.firstRow() + i) + ": station "
                        + station[i] + " appears again after other stations (rows must be grouped by station)");
            }
        }
    }

    private void printProgress(DetectionReport report, long totalRows) {
        String of =
                totalRows > 0 ? String.format(" of %,d (%.0f%%)", totalRows, 100.0 * report.rows() / totalRows) : "";
        progress.printf(
                "detect: %,d rows%s, %,d stations, %,d outliers%n",
                report.rows(), of, report.stations(), report.outliers());
        progress.flush();
    }
}
