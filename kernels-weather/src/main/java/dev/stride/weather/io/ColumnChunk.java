package dev.stride.weather.io;

/**
 * A chunk of whole stations in columns, as read from one input file.
 *
 * @param source the file the rows come from (for messages)
 * @param firstRow the index in {@code source} of this chunk's first row
 * @param station station id per row
 * @param timestamp epoch seconds (UTC) per row
 * @param value the measurement per row, NaN for missing
 */
public record ColumnChunk(String source, long firstRow, long[] station, double[] timestamp, double[] value) {

    /**
     * The number of rows.
     *
     * @return the row count
     */
    public int size() {
        return station.length;
    }
}
