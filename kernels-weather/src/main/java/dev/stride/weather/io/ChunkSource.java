package dev.stride.weather.io;

import java.io.IOException;

/**
 * Delivers the input as a sequence of chunks, each holding whole stations, so detection runs in memory
 * proportional to the chunk size rather than to the input size. A station never spans two chunks of one file.
 */
public interface ChunkSource extends AutoCloseable {

    /**
     * The next chunk.
     *
     * @return the next chunk, or {@code null} at the end of the input
     * @throws IOException when reading fails
     * @throws dev.stride.weather.WeatherInputException on bad input
     */
    ColumnChunk next() throws IOException;

    /**
     * The total number of rows when known in advance (for progress), else -1.
     *
     * @return the row count or -1
     */
    long totalRows();

    @Override
    void close() throws IOException;
}
