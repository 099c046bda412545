package dev.stride.weather.io;

import java.util.Arrays;

/** Growable primitive columns (station, time, value) that readers append rows to. */
public final class ColumnBuffers {

    private long[] station = new long[1024];
    private double[] timestamp = new double[1024];
    private double[] value = new double[1024];
    private int size;

    /**
     * Appends a row.
     *
     * @param stationId the station id
     * @param time epoch seconds
     * @param measurement the value, NaN for missing
     */
    public void add(long stationId, double time, double measurement) {
        if (size == station.length) {
            int capacity = Math.toIntExact(Math.min(Integer.MAX_VALUE - 8L, size * 2L));
            station = Arrays.copyOf(station, capacity);
            timestamp = Arrays.copyOf(timestamp, capacity);
            value = Arrays.copyOf(value, capacity);
        }
        station[size] = stationId;
        timestamp[size] = time;
        value[size] = measurement;
        size++;
    }

    /**
     * The number of rows.
     *
     * @return the row count
     */
    public int size() {
        return size;
    }

    /**
     * The rows as an exact-size chunk; the buffers are emptied.
     *
     * @param source the file or folder the rows come from
     * @param firstRow the index of the first row in {@code source}
     * @return the chunk
     */
    public ColumnChunk drain(String source, long firstRow) {
        ColumnChunk chunk = new ColumnChunk(
                source,
                firstRow,
                Arrays.copyOf(station, size),
                Arrays.copyOf(timestamp, size),
                Arrays.copyOf(value, size));
        size = 0;
        return chunk;
    }
}
