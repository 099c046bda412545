package dev.stride.weather.io;

import dev.stride.weather.WeatherInputException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.zip.GZIPInputStream;

/**
 * Parses one NOAA ISD-Lite file ({@code USAF-WBAN-YYYY}, plain or {@code .gz}) into a time and a value column.
 *
 * <p>A line is fixed-width: year (columns 1-4), month (6-7), day (9-10), hour (12-13, UTC), then eight
 * measurements of 6 characters each, right-aligned: air temperature, dew point, sea level pressure, wind
 * direction, wind speed rate, sky condition, 1-hour and 6-hour precipitation; -9999 is missing (NaN here).
 * Trailing characters after column 61 are ignored. A line that does not fit is an error naming file and line.
 */
public final class IsdLiteParser {

    /** The length of a complete line. */
    static final int LINE_LENGTH = IsdLiteField.FIRST_COLUMN + IsdLiteField.values().length * IsdLiteField.WIDTH;

    private IsdLiteParser() {}

    /**
     * Appends the rows of one file to the buffers.
     *
     * @param file the ISD-Lite file
     * @param field the measurement to keep
     * @param stationId the station id to record for every row
     * @param out the buffers receiving station, time and value
     * @throws IOException when the file cannot be read
     * @throws WeatherInputException on a malformed line ({@code file:line: reason})
     */
    public static void parse(Path file, IsdLiteField field, long stationId, ColumnBuffers out) throws IOException {
        try (InputStream raw = Files.newInputStream(file);
                InputStream in = file.getFileName().toString().endsWith(".gz") ? new GZIPInputStream(raw) : raw;
                BufferedReader reader =
                        new BufferedReader(new InputStreamReader(in, StandardCharsets.US_ASCII), 1 << 16)) {
            String line;
            int lineNumber = 0;
            double previous = Double.NEGATIVE_INFINITY;
            int previousLine = 0;
            String previousTime = "";
            while ((line = reader.readLine()) != null) {
                lineNumber++;
                if (line.isBlank()) {
                    continue;
                }
                String place = file + ":" + lineNumber;
                double time = parseLine(line, field, stationId, out, place);
                if (time < previous) {
                    // checked here, where the line is known, rather than later by row number in the whole input
                    throw new WeatherInputException(place + ": malformed ISD-Lite line: its time "
                            + line.substring(0, 13) + " is earlier than line " + previousLine + "'s ("
                            + previousTime + "); files are in time order");
                }
                previous = time;
                previousLine = lineNumber;
                previousTime = line.substring(0, 13);
            }
        }
    }

    /**
     * Parses one line and appends its row.
     *
     * @param line the text
     * @param field the measurement to keep
     * @param stationId the station id of the row
     * @param out the buffers
     * @param place {@code file:line}, for the error message
     * @return the row's time in epoch seconds
     * @throws WeatherInputException when the line is malformed
     */
    static double parseLine(String line, IsdLiteField field, long stationId, ColumnBuffers out, String place) {
        if (line.length() < LINE_LENGTH) {
            throw new WeatherInputException(place + ": malformed ISD-Lite line: " + line.length()
                    + " characters, expected at least " + LINE_LENGTH);
        }
        int year = number(line, 0, 4, "year", place);
        int month = number(line, 4, 7, "month", place);
        int day = number(line, 7, 10, "day", place);
        int hour = number(line, 10, 13, "hour", place);
        int start = field.startColumn();
        int stored = number(line, start, start + IsdLiteField.WIDTH, field.columnName(), place);
        if (hour < 0 || hour > 23) {
            throw new WeatherInputException(place + ": malformed ISD-Lite line: hour " + hour + " is not 0-23");
        }
        long epochDay;
        try {
            epochDay = LocalDate.of(year, month, day).toEpochDay();
        } catch (DateTimeException e) {
            throw new WeatherInputException(place + ": malformed ISD-Lite line: " + e.getMessage(), e);
        }
        double value = stored == IsdLiteField.MISSING ? Double.NaN : stored;
        double time = epochDay * 86_400.0 + hour * 3_600.0;
        out.add(stationId, time, value);
        return time;
    }

    /** Parses the right-aligned integer in columns {@code [from, to)}: blanks, an optional sign, digits. */
    private static int number(String line, int from, int to, String name, String place) {
        int i = from;
        while (i < to && line.charAt(i) == ' ') {
            i++;
        }
        boolean negative = i < to && line.charAt(i) == '-';
        if (negative) {
            i++;
        }
        if (i == to) {
            throw malformed(line, from, to, name, place);
        }
        int result = 0;
        for (; i < to; i++) {
            char c = line.charAt(i);
            if (c < '0' || c > '9') {
                throw malformed(line, from, to, name, place);
            }
            result = result * 10 + (c - '0');
        }
        return negative ? -result : result;
    }

    private static WeatherInputException malformed(String line, int from, int to, String name, String place) {
        return new WeatherInputException(place + ": malformed ISD-Lite line: field " + name + " (columns " + (from + 1)
                + "-" + to + ") is '" + line.substring(from, to) + "', not a number");
    }
}
