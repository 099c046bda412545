package dev.stride.weather.generate;

import dev.stride.weather.io.Hdf5ColumnsWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes {@code rows} synthetic rows as HDF5 files of at most {@code maxRowsPerFile} rows each, split at station
 * boundaries: {@code out.h5}, then {@code out-1.h5}, {@code out-2.h5}, ... The last station is cut short so the
 * total is exactly {@code rows}. A single station longer than the limit (at most 200,000 rows) gets a file
 * alone.
 */
public final class DatasetWriter {

    /** The default file limit: 100 million rows, 800 MB per dataset, 2.4 GB of arrays while writing. */
    public static final int DEFAULT_MAX_ROWS_PER_FILE = 100_000_000;

    private DatasetWriter() {}

    /**
     * The file name of part {@code index}.
     *
     * @param out the first file, e.g. {@code data.h5}
     * @param index the part, 0 for {@code out} itself
     * @return {@code out} for 0, else {@code out} with {@code -index} before the extension
     */
    public static Path partPath(Path out, int index) {
        if (index == 0) {
            return out;
        }
        String name = out.getFileName().toString();
        int dot = name.lastIndexOf('.');
        String part = dot > 0 ? name.substring(0, dot) + "-" + index + name.substring(dot) : name + "-" + index;
        return out.resolveSibling(part);
    }

    /**
     * Generates and writes the data.
     *
     * @param generator the generator
     * @param rows the total rows
     * @param maxRowsPerFile the most rows per file, at most {@link Hdf5ColumnsWriter#MAX_ROWS}
     * @param out the first file
     * @param measurement the value dataset's name
     * @return the files written, in order
     */
    public static List<Path> write(
            SyntheticWeather generator, long rows, int maxRowsPerFile, Path out, String measurement) {
        List<Path> files = new ArrayList<>();
        long written = 0;
        int nextStation = 0;
        do {
            List<int[]> plan = new ArrayList<>();
            long fileRows = 0;
            while (written + fileRows < rows) {
                int length = (int) Math.min(generator.stationLength(nextStation), rows - written - fileRows);
                if (fileRows > 0 && fileRows + length > maxRowsPerFile) {
                    break;
                }
                plan.add(new int[] {nextStation, length});
                fileRows += length;
                nextStation++;
            }
            long[] station = new long[(int) fileRows];
            double[] timestamp = new double[(int) fileRows];
            double[] value = new double[(int) fileRows];
            int offset = 0;
            for (int[] entry : plan) {
                generator.fillStation(entry[0], entry[1], offset, station, timestamp, value);
                offset += entry[1];
            }
            Path file = partPath(out, files.size());
            Hdf5ColumnsWriter.write(file, measurement, station, timestamp, value);
            files.add(file);
            written += fileRows;
        } while (written < rows);
        return files;
    }
}
