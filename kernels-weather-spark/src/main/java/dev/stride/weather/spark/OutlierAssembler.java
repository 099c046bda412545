package dev.stride.weather.spark;

import dev.stride.weather.DetectionReport;
import dev.stride.weather.WeatherInputException;
import dev.stride.weather.io.OutlierCsvWriter;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The driver's half of the job: takes the task results in split order and does what the single-machine
 * {@code DetectionPipeline} does between chunks. It checks that no station appears in two places (within a
 * split or across splits and files), restates a task's input error as a row of its input, and writes the
 * outliers through the library's {@link OutlierCsvWriter}, so the CSV appears only when every split succeeded
 * and has the command line's rows, order and formatting.
 *
 * <p>Rows are numbered per listed input as the command line numbers them: the splits of an input cover it in
 * order, so the rows of the earlier splits of the same input are the offset of a split's first row.
 */
final class OutlierAssembler {

    private OutlierAssembler() {}

    /**
     * Checks the results and writes the CSV.
     *
     * @param results the task results, in split order
     * @param output the CSV to write
     * @return the counts, with the tasks' read and compute times summed and the driver's write time
     * @throws IOException when writing fails
     * @throws WeatherInputException on bad input, with the command line's message
     */
    static DetectionReport write(List<SplitResult> results, Path output) throws IOException {
        Set<Long> seenStations = new HashSet<>();
        Map<Integer, Long> rowsByInput = new HashMap<>();
        DetectionReport report = DetectionReport.EMPTY;
        long writeNanos = 0;
        try (OutlierCsvWriter writer = OutlierCsvWriter.open(output)) {
            for (SplitResult result : results) {
                long firstRow = rowsByInput.getOrDefault(result.input(), 0L);
                checkNewStations(result, firstRow, seenStations);
                throwFailure(result, firstRow);
                rowsByInput.put(result.input(), firstRow + result.rows());
                long writeStart = System.nanoTime();
                for (int i = 0; i < result.outliers(); i++) {
                    writer.write(result.outlierStation()[i], result.outlierTime()[i], result.outlierValue()[i]);
                }
                writeNanos += System.nanoTime() - writeStart;
                report = report.plus(new DetectionReport(
                        result.rows(),
                        result.runStations().length,
                        result.keptStations(),
                        result.outliers(),
                        result.readNanos(),
                        result.computeNanos(),
                        0));
            }
            long commitStart = System.nanoTime();
            writer.commit();
            writeNanos += System.nanoTime() - commitStart;
        }
        return report.plus(new DetectionReport(0, 0, 0, 0, 0, 0, writeNanos));
    }

    private static void checkNewStations(SplitResult result, long firstRow, Set<Long> seenStations) {
        for (int run = 0; run < result.runStations().length; run++) {
            long station = result.runStations()[run];
            if (!seenStations.add(station)) {
                throw new WeatherInputException(result.source() + ": row " + (firstRow + result.runStarts()[run])
                        + ": station " + station
                        + " appears again after other stations (rows must be grouped by station)");
            }
        }
    }

    private static void throwFailure(SplitResult result, long firstRow) {
        SplitResult.Failure failure = result.failure();
        if (failure == null) {
            return;
        }
        if (failure.row() < 0) {
            throw new WeatherInputException(failure.message());
        }
        throw new WeatherInputException(
                result.source() + ": row " + (firstRow + failure.row()) + ": " + failure.message());
    }
}
