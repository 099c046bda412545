package dev.stride.weather.io;

import dev.stride.weather.WeatherInputException;
import io.jhdf.HdfFile;
import io.jhdf.api.Dataset;
import io.jhdf.api.Node;
import io.jhdf.exceptions.HdfException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * One HDF5 input file with the three root datasets {@code station_usaf}, {@code timestamp} and the measurement,
 * checked on open (present, one-dimensional, equal lengths) and read by row ranges (hyperslabs), so a caller
 * never needs a whole column in memory.
 */
public final class Hdf5Columns implements AutoCloseable {

    /** The station id dataset. */
    public static final String STATION = "station_usaf";

    /** The time dataset (float64 epoch seconds, UTC). */
    public static final String TIMESTAMP = "timestamp";

    private final Path path;
    private final HdfFile file;
    private final Dataset station;
    private final Dataset timestamp;
    private final Dataset value;
    private final long rows;

    private Hdf5Columns(Path path, HdfFile file, String measurement) {
        this.path = path;
        this.file = file;
        this.station = dataset(STATION);
        this.timestamp = dataset(TIMESTAMP);
        this.value = dataset(measurement);
        this.rows = length(station);
        if (length(timestamp) != rows || length(value) != rows) {
            throw new WeatherInputException(path + ": datasets differ in length: " + STATION + " " + rows + ", "
                    + TIMESTAMP + " " + length(timestamp) + ", " + measurement + " " + length(value));
        }
    }

    /**
     * Opens and checks a file.
     *
     * @param path the HDF5 file
     * @param measurement the measurement dataset, e.g. {@code wind_speed_rate}
     * @return the open file
     * @throws WeatherInputException when the file is missing or unreadable, or a dataset is missing or malformed
     */
    public static Hdf5Columns open(Path path, String measurement) {
        if (!Files.isRegularFile(path)) {
            throw new WeatherInputException(path + ": no such file");
        }
        HdfFile file;
        try {
            file = new HdfFile(path);
        } catch (RuntimeException e) {
            throw unreadable(path, e);
        }
        try {
            return new Hdf5Columns(path, file, measurement);
        } catch (WeatherInputException e) {
            file.close();
            throw e;
        } catch (RuntimeException e) {
            file.close();
            throw unreadable(path, e);
        }
    }

    /**
     * A damaged file makes jhdf fail in many ways (its own HdfException, but also buffer, argument and arithmetic
     * exceptions from structures read with garbage sizes); all of them mean the same to the user.
     */
    private static WeatherInputException unreadable(Path path, RuntimeException e) {
        String detail = e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
        return new WeatherInputException(path + ": not a readable HDF5 file (" + detail + ")", e);
    }

    private Dataset dataset(String name) {
        Node node = file.getChildren().get(name);
        if (!(node instanceof Dataset dataset)) {
            throw new WeatherInputException(path + ": no dataset '" + name + "' at the root (found "
                    + String.join(", ", file.getChildren().keySet()) + ")");
        }
        if (dataset.getDimensions().length != 1) {
            throw new WeatherInputException(path + ": dataset '" + name + "' must be one-dimensional");
        }
        return dataset;
    }

    private static long length(Dataset dataset) {
        return dataset.getDimensionsAsLong()[0];
    }

    /**
     * The file.
     *
     * @return the path
     */
    public Path path() {
        return path;
    }

    /**
     * The number of rows.
     *
     * @return the row count
     */
    public long rows() {
        return rows;
    }

    /**
     * Reads station ids of rows {@code [from, from + count)}.
     *
     * @param from first row
     * @param count number of rows
     * @return the ids
     */
    public long[] stations(long from, int count) {
        return toLongs(slice(station, from, count));
    }

    /**
     * Reads timestamps of rows {@code [from, from + count)}.
     *
     * @param from first row
     * @param count number of rows
     * @return the timestamps
     */
    public double[] timestamps(long from, int count) {
        return toDoubles(slice(timestamp, from, count));
    }

    /**
     * Reads measurement values of rows {@code [from, from + count)}.
     *
     * @param from first row
     * @param count number of rows
     * @return the values
     */
    public double[] values(long from, int count) {
        return toDoubles(slice(value, from, count));
    }

    private Object slice(Dataset dataset, long from, int count) {
        if (count == 0) {
            return new double[0];
        }
        try {
            return dataset.getData(new long[] {from}, new int[] {count});
        } catch (HdfException
                | IllegalArgumentException
                | IllegalStateException
                | IndexOutOfBoundsException
                | java.nio.BufferUnderflowException e) {
            throw new WeatherInputException(
                    path + ": cannot read '" + dataset.getName() + "' rows " + from + ".." + (from + count) + " ("
                            + e.getMessage() + ")",
                    e);
        }
    }

    private long[] toLongs(Object data) {
        return switch (data) {
            case long[] longs -> longs;
            case int[] ints -> {
                long[] out = new long[ints.length];
                for (int i = 0; i < ints.length; i++) {
                    out[i] = ints[i];
                }
                yield out;
            }
            case double[] empty when empty.length == 0 -> new long[0];
            default ->
                throw new WeatherInputException(path + ": dataset '" + STATION + "' must be integer, was "
                        + data.getClass().getComponentType());
        };
    }

    private double[] toDoubles(Object data) {
        return switch (data) {
            case double[] doubles -> doubles;
            case float[] floats -> {
                double[] out = new double[floats.length];
                for (int i = 0; i < floats.length; i++) {
                    out[i] = floats[i];
                }
                yield out;
            }
            case long[] longs -> {
                double[] out = new double[longs.length];
                for (int i = 0; i < longs.length; i++) {
                    out[i] = longs[i];
                }
                yield out;
            }
            case int[] ints -> {
                double[] out = new double[ints.length];
                for (int i = 0; i < ints.length; i++) {
                    out[i] = ints[i];
                }
                yield out;
            }
            default ->
                throw new WeatherInputException(path + ": a numeric dataset was expected, found "
                        + data.getClass().getSimpleName());
        };
    }

    @Override
    public void close() {
        file.close();
    }
}
