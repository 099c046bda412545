package dev.stride.weather.io;

import io.jhdf.HdfFile;
import io.jhdf.WritableHdfFile;
import java.nio.file.Path;

/**
 * Writes the three root datasets {@code station_usaf} (int64), {@code timestamp} (float64 epoch seconds UTC)
 * and the measurement (float64, NaN for missing) with jhdf. jhdf writes each dataset contiguously from one Java
 * array, so a dataset holds at most {@link #MAX_ROWS} rows (2 GiB of 8-byte values); larger outputs are split
 * into several files by the caller.
 */
public final class Hdf5ColumnsWriter {

    /** The most rows one file may hold: 2 GiB of 8-byte values per dataset, less a margin. */
    public static final int MAX_ROWS = (Integer.MAX_VALUE - 1024) / Long.BYTES;

    private Hdf5ColumnsWriter() {}

    /**
     * Writes one file.
     *
     * @param path the file to create (replaced when it exists)
     * @param measurement the measurement dataset name
     * @param station station ids
     * @param timestamp epoch seconds
     * @param value values
     */
    public static void write(Path path, String measurement, long[] station, double[] timestamp, double[] value) {
        if (station.length > MAX_ROWS) {
            throw new IllegalArgumentException(
                    path + ": " + station.length + " rows exceed the " + MAX_ROWS + " rows one file can hold");
        }
        try (WritableHdfFile file = HdfFile.write(path)) {
            file.putDataset(Hdf5Columns.STATION, station);
            file.putDataset(Hdf5Columns.TIMESTAMP, timestamp);
            file.putDataset(measurement, value);
        }
    }
}
