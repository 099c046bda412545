package dev.stride.weather.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.stride.weather.WeatherInputException;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IsdLiteTest {

    private static final String LINES = """
            2020 01 01 00   -33   -72 10171   300    46     0 -9999 -9999
            2020 01 01 01   -39   -78 10176   310 -9999     0 -9999 -9999
            2020 01 01 03   -44   -83 10180   320   123     2     5    10
            """;

    @TempDir
    Path folder;

    @Test
    void parse_plainFile_windSpeedInTenthsMissingAsNaN() throws IOException {
        Path file = Files.writeString(folder.resolve("010010-99999-2020"), LINES);
        ColumnBuffers buffers = new ColumnBuffers();

        IsdLiteParser.parse(file, IsdLiteField.WIND_SPEED_RATE, 10010, buffers);

        ColumnChunk chunk = buffers.drain("test", 0);
        assertArrayEquals(new long[] {10010, 10010, 10010}, chunk.station());
        assertArrayEquals(new double[] {46, Double.NaN, 123}, chunk.value());
        double first = Instant.parse("2020-01-01T00:00:00Z").getEpochSecond();
        assertArrayEquals(new double[] {first, first + 3600, first + 3 * 3600}, chunk.timestamp());
    }

    @Test
    void parse_gzipFile_airTemperature() throws IOException {
        Path file = folder.resolve("010010-99999-2020.gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
            out.write(LINES.getBytes(StandardCharsets.US_ASCII));
        }
        ColumnBuffers buffers = new ColumnBuffers();

        IsdLiteParser.parse(file, IsdLiteField.byName("air_temperature"), 10010, buffers);

        assertArrayEquals(new double[] {-33, -39, -44}, buffers.drain("test", 0).value());
    }

    @Test
    void parse_malformedLine_errorNamesFileAndLine() throws IOException {
        Path file = Files.writeString(
                folder.resolve("010010-99999-2020"), LINES + "2020 01 01 04   -44   -83 10180   320   1x3     2\n");

        WeatherInputException error = assertThrows(
                WeatherInputException.class,
                () -> IsdLiteParser.parse(file, IsdLiteField.WIND_SPEED_RATE, 1, new ColumnBuffers()));

        assertTrue(error.getMessage().startsWith(file + ":4: malformed ISD-Lite line"), error.getMessage());
    }

    @Test
    void parse_lineEarlierThanThePrevious_errorNamesBothLines() throws IOException {
        Path file = Files.writeString(
                folder.resolve("010010-99999-2020"),
                LINES + "2020 01 01 01   -44   -83 10180   320    13     2 -9999 -9999\n");

        WeatherInputException error = assertThrows(
                WeatherInputException.class,
                () -> IsdLiteParser.parse(file, IsdLiteField.WIND_SPEED_RATE, 1, new ColumnBuffers()));

        assertTrue(
                error.getMessage()
                        .startsWith(file + ":4: malformed ISD-Lite line: its time 2020 01 01 01 is earlier"
                                + " than line 3's"),
                error.getMessage());
    }

    @Test
    void parse_shortLineAndBadDate_errors() {
        ColumnBuffers buffers = new ColumnBuffers();

        assertThrows(
                WeatherInputException.class,
                () -> IsdLiteParser.parseLine("2020 01 01 00   -33", IsdLiteField.AIR_TEMPERATURE, 1, buffers, "f:1"));
        assertThrows(
                WeatherInputException.class,
                () -> IsdLiteParser.parseLine(
                        "2020 02 30 00   -33   -72 10171   300    46     0 -9999 -9999",
                        IsdLiteField.AIR_TEMPERATURE,
                        1,
                        buffers,
                        "f:1"));
    }

    @Test
    void source_folder_stationsInIdThenYearOrder() throws IOException {
        Path years = Files.createDirectories(folder.resolve("isd-lite"));
        Files.writeString(years.resolve("020000-99999-2021"), LINES.replace("2020", "2021"));
        Files.writeString(years.resolve("010010-99999-2021"), LINES.replace("2020", "2021"));
        Files.writeString(years.resolve("010010-99999-2020"), LINES);
        Files.writeString(years.resolve("README.txt"), "not data");

        try (IsdLiteSource source = IsdLiteSource.open(years, IsdLiteField.WIND_SPEED_RATE, 1_000)) {
            ColumnChunk chunk = source.next();

            assertArrayEquals(
                    new long[] {10010, 10010, 10010, 10010, 10010, 10010, 20000, 20000, 20000}, chunk.station());
            for (int i = 1; i < 6; i++) {
                assertTrue(chunk.timestamp()[i] > chunk.timestamp()[i - 1]);
            }
            assertNull(source.next());
        }
    }
}
