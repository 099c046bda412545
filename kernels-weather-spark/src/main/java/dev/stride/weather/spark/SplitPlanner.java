package dev.stride.weather.spark;

import dev.stride.weather.WeatherInputException;
import dev.stride.weather.io.Hdf5Columns;
import dev.stride.weather.io.IsdLiteField;
import dev.stride.weather.io.IsdLiteSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Cuts the inputs into {@link InputSplit}s on the driver, in input order, reading only metadata: HDF5 row counts
 * and ISD-Lite file names and sizes. The number of splits is the larger of the size rule (about
 * {@code targetRows} rows each, which bounds a task's memory at about 49 bytes per row) and {@code minSplits}
 * (enough tasks to keep every core busy while uneven stations even out), shared among the inputs by their
 * size.
 *
 * <p>Inputs are classified as the command line classifies them ({@code InputSources}): a folder or a file named
 * like an ISD-Lite file is ISD-Lite, anything else HDF5; a missing input or an HDF5 file without the datasets
 * fails here, before any task runs, with the command line's message.
 */
final class SplitPlanner {

    /** Bytes of one ISD-Lite line (61 characters and a newline), to estimate rows from file sizes. */
    static final long ISD_LITE_LINE_BYTES = 62;

    /** Assumed compression ratio of {@code .gz} ISD-Lite files, for the same estimate. */
    static final long GZIP_RATIO = 8;

    private SplitPlanner() {}

    /**
     * Plans the splits.
     *
     * @param inputs HDF5 files, ISD-Lite folders or ISD-Lite files, in order
     * @param measurement the measurement name
     * @param targetRows the target rows per split, at least 1
     * @param minSplits the fewest splits to make, at least 1 (an input smaller than its share makes fewer)
     * @return the splits, in input order
     * @throws IOException when a folder cannot be listed
     * @throws WeatherInputException when an input is missing or unusable
     */
    static List<InputSplit> plan(List<Path> inputs, String measurement, long targetRows, int minSplits)
            throws IOException {
        List<PlannedInput> planned = new ArrayList<>();
        long totalRows = 0;
        for (Path input : inputs) {
            PlannedInput one = survey(input, planned.size(), measurement);
            planned.add(one);
            totalRows += one.rows();
        }
        List<InputSplit> splits = new ArrayList<>();
        for (PlannedInput one : planned) {
            long bySize = ceilDivide(one.rows(), targetRows);
            long byShare = totalRows == 0 ? 1 : ceilDivide(one.rows() * minSplits, totalRows);
            int parts = (int) Math.max(1, Math.min(Integer.MAX_VALUE, Math.max(bySize, byShare)));
            splits.addAll(one.split(parts));
        }
        return splits;
    }

    private static PlannedInput survey(Path input, int index, String measurement) throws IOException {
        if (!Files.exists(input)) {
            throw new WeatherInputException(input + ": no such file or folder");
        }
        if (Files.isDirectory(input) || IsdLiteSource.isIsdLiteName(input)) {
            try {
                IsdLiteField.byName(measurement);
            } catch (IllegalArgumentException e) {
                throw new WeatherInputException(e.getMessage(), e);
            }
            List<Path> files = IsdLiteSource.listFiles(input);
            long[] estimatedRows = new long[files.size()];
            long rows = 0;
            for (int i = 0; i < files.size(); i++) {
                estimatedRows[i] = estimateIsdLiteRows(files.get(i));
                rows += estimatedRows[i];
            }
            return new IsdLiteInput(input.toString(), index, files, estimatedRows, rows);
        }
        try (Hdf5Columns columns = Hdf5Columns.open(input, measurement)) {
            return new Hdf5Input(input.toString(), index, columns.rows());
        }
    }

    private static long estimateIsdLiteRows(Path file) throws IOException {
        long bytes = Files.size(file);
        long uncompressed = file.getFileName().toString().endsWith(".gz") ? bytes * GZIP_RATIO : bytes;
        return Math.max(1, uncompressed / ISD_LITE_LINE_BYTES);
    }

    private static long ceilDivide(long numerator, long denominator) {
        return (numerator + denominator - 1) / denominator;
    }

    /** One input with its (estimated) row count, before it is cut. */
    private sealed interface PlannedInput permits Hdf5Input, IsdLiteInput {
        long rows();

        List<InputSplit> split(int parts);
    }

    /** An HDF5 file: equal nominal row ranges; the tasks move the cuts to station starts. */
    private record Hdf5Input(String source, int index, long rows) implements PlannedInput {
        @Override
        public List<InputSplit> split(int parts) {
            List<InputSplit> splits = new ArrayList<>();
            for (int k = 0; k < parts; k++) {
                long start = rows * k / parts;
                long end = rows * (k + 1) / parts;
                splits.add(new InputSplit.Hdf5Split(source, index, start, end, rows));
            }
            return splits;
        }
    }

    /**
     * ISD-Lite files: the stations (all files of a USAF id) in order, closed into a split once it holds its share
     * of the estimated rows.
     */
    private record IsdLiteInput(String source, int index, List<Path> files, long[] estimatedRows, long rows)
            implements PlannedInput {
        @Override
        public List<InputSplit> split(int parts) {
            long share = Math.max(1, ceilDivide(rows, parts));
            List<InputSplit> splits = new ArrayList<>();
            List<String> current = new ArrayList<>();
            long currentRows = 0;
            int i = 0;
            while (i < files.size()) {
                long station = IsdLiteSource.stationId(files.get(i));
                while (i < files.size() && IsdLiteSource.stationId(files.get(i)) == station) {
                    current.add(files.get(i).toString());
                    currentRows += estimatedRows[i];
                    i++;
                }
                if (currentRows >= share) {
                    splits.add(new InputSplit.IsdLiteSplit(source, index, current.toArray(String[]::new)));
                    current.clear();
                    currentRows = 0;
                }
            }
            if (!current.isEmpty()) {
                splits.add(new InputSplit.IsdLiteSplit(source, index, current.toArray(String[]::new)));
            }
            return splits;
        }
    }
}
