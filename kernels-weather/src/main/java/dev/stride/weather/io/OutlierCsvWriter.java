package dev.stride.weather.io;

import dev.stride.weather.WeatherInputException;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * Writes the outlier CSV ({@code station_usaf,timestamp,value}) to a temporary file beside the output and
 * renames it into place on {@link #commit()}; closing without a commit deletes it, so a failed run leaves no
 * partial output. Timestamps are UTC {@code yyyy-MM-dd HH:mm:ss}; values print as {@link Double#toString}.
 */
public final class OutlierCsvWriter implements AutoCloseable {

    /** The header line. */
    public static final String HEADER = "station_usaf,timestamp,value";

    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneOffset.UTC);

    private final Path output;
    private final Path temporary;
    private final BufferedWriter writer;
    private boolean committed;

    private OutlierCsvWriter(Path output, Path temporary, BufferedWriter writer) {
        this.output = output;
        this.temporary = temporary;
        this.writer = writer;
    }

    /**
     * Creates the temporary file and writes the header.
     *
     * @param output the final CSV path
     * @return the writer
     * @throws IOException when the folder is not writable
     * @throws WeatherInputException when the folder does not exist or the output is a folder
     */
    public static OutlierCsvWriter open(Path output) throws IOException {
        Path absolute = output.toAbsolutePath();
        if (absolute.getParent() == null || !Files.isDirectory(absolute.getParent())) {
            throw new WeatherInputException(output + ": the output folder does not exist");
        }
        if (Files.isDirectory(absolute)) {
            throw new WeatherInputException(output + ": the output is a folder, not a file");
        }
        Path temporary = Files.createTempFile(absolute.getParent(), "." + absolute.getFileName(), ".tmp");
        BufferedWriter writer = Files.newBufferedWriter(temporary, StandardCharsets.UTF_8);
        writer.write(HEADER);
        writer.write('\n');
        return new OutlierCsvWriter(absolute, temporary, writer);
    }

    /**
     * Formats a timestamp as the CSV does.
     *
     * @param epochSeconds seconds since 1970-01-01T00:00:00Z
     * @return {@code yyyy-MM-dd HH:mm:ss} in UTC
     */
    public static String formatTime(double epochSeconds) {
        return TIME.format(Instant.ofEpochSecond((long) Math.floor(epochSeconds)));
    }

    /**
     * Writes one outlier.
     *
     * @param station the station id
     * @param epochSeconds the time
     * @param value the raw value
     * @throws IOException when writing fails
     */
    public void write(long station, double epochSeconds, double value) throws IOException {
        writer.write(Long.toString(station));
        writer.write(',');
        writer.write(formatTime(epochSeconds));
        writer.write(',');
        writer.write(Double.toString(value));
        writer.write('\n');
    }

    /**
     * Flushes and renames the temporary file to the output.
     *
     * @throws IOException when the rename fails
     */
    public void commit() throws IOException {
        writer.close();
        try {
            Files.move(temporary, output, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temporary, output, StandardCopyOption.REPLACE_EXISTING);
        }
        committed = true;
    }

    @Override
    public void close() throws IOException {
        if (!committed) {
            writer.close();
            Files.deleteIfExists(temporary);
        }
    }
}
