package dev.stride.weather.spark;

import dev.stride.weather.WeatherInputException;
import dev.stride.weather.io.ColumnChunk;
import dev.stride.weather.io.Hdf5Columns;
import dev.stride.weather.io.IsdLiteField;
import dev.stride.weather.io.IsdLiteSource;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads one split into columns on an executor, with the library's readers: HDF5 hyperslabs for an
 * {@link InputSplit.Hdf5Split} (after moving both ends to station starts), the ISD-Lite parser for an
 * {@link InputSplit.IsdLiteSplit}.
 */
final class SplitReader {

    private SplitReader() {}

    /**
     * Reads a split.
     *
     * @param split the split
     * @param measurement the measurement name
     * @return the split's rows; {@code firstRow} is the row in the HDF5 file, 0 for ISD-Lite (the driver knows
     *     the offset in the folder)
     * @throws IOException when reading fails
     * @throws dev.stride.weather.WeatherInputException on bad input
     */
    static ColumnChunk read(InputSplit split, String measurement) throws IOException {
        return switch (split) {
            case InputSplit.Hdf5Split hdf5 -> readHdf5(hdf5, measurement);
            case InputSplit.IsdLiteSplit isdLite -> readIsdLite(isdLite, measurement);
        };
    }

    private static ColumnChunk readHdf5(InputSplit.Hdf5Split split, String measurement) {
        try (Hdf5Columns columns = Hdf5Columns.open(Path.of(split.source()), measurement)) {
            long rows = columns.rows();
            if (rows != split.fileRows()) {
                throw new IllegalStateException(
                        split.source() + " changed while the job ran: " + rows + " rows, planned " + split.fileRows());
            }
            long start = StationBoundaries.nextStationStart(columns::stations, rows, split.nominalStart());
            long end = StationBoundaries.nextStationStart(columns::stations, rows, split.nominalEnd());
            int length = Math.toIntExact(Math.max(0, end - start));
            return new ColumnChunk(
                    split.source(),
                    start,
                    columns.stations(start, length),
                    columns.timestamps(start, length),
                    columns.values(start, length));
        }
    }

    private static ColumnChunk readIsdLite(InputSplit.IsdLiteSplit split, String measurement) throws IOException {
        List<Path> files = new ArrayList<>();
        for (String file : split.files()) {
            files.add(Path.of(file));
        }
        IsdLiteField field;
        try {
            field = IsdLiteField.byName(measurement);
        } catch (IllegalArgumentException e) {
            throw new WeatherInputException(e.getMessage(), e);
        }
        try (IsdLiteSource source = IsdLiteSource.ofFiles(split.source(), files, field, Integer.MAX_VALUE)) {
            ColumnChunk chunk = source.next();
            return chunk == null
                    ? new ColumnChunk(split.source(), 0, new long[0], new double[0], new double[0])
                    : chunk;
        }
    }
}
