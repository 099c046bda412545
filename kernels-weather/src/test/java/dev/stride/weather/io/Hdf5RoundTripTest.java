package dev.stride.weather.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.stride.weather.DetectionPipeline;
import dev.stride.weather.DetectionReport;
import dev.stride.weather.OutlierDetector;
import dev.stride.weather.engine.KernelEngine;
import dev.stride.weather.generate.DatasetWriter;
import dev.stride.weather.generate.SyntheticWeather;
import io.jhdf.HdfFile;
import io.jhdf.WritableHdfFile;
import io.jhdf.api.DatasetCreationOptions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class Hdf5RoundTripTest {

    private static final int ROWS = 200_000;
    private static final OutlierDetector.Parameters PARAMETERS = OutlierDetector.Parameters.defaults();

    @TempDir
    static Path folder;

    private static List<Path> files;

    @BeforeAll
    static void generate() {
        files = DatasetWriter.write(
                new SyntheticWeather(5), ROWS, 70_000, folder.resolve("data.h5"), "wind_speed_rate");
    }

    @Test
    void generate_splitsAtStationBoundaries_namesParts() throws IOException {
        assertTrue(files.size() >= 3, "files " + files);
        assertEquals(folder.resolve("data-1.h5"), files.get(1));
        long total = 0;
        long previousLast = Long.MIN_VALUE;
        for (Path file : files) {
            try (Hdf5Columns columns = Hdf5Columns.open(file, "wind_speed_rate")) {
                assertTrue(columns.rows() <= 70_000 || columns.rows() <= 200_000, "rows " + columns.rows());
                long[] station = columns.stations(0, (int) columns.rows());
                assertTrue(station[0] > previousLast, "a station spans two files");
                previousLast = station[station.length - 1];
                total += columns.rows();
            }
        }
        assertEquals(ROWS, total);
    }

    @Test
    void readBack_equalsGeneratedColumns() {
        ColumnChunk all = readAll(files, 1 << 20);

        ColumnChunk expected = inMemory();

        assertArrayEquals(expected.station(), all.station());
        assertArrayEquals(expected.timestamp(), all.timestamp());
        assertArrayEquals(expected.value(), all.value());
    }

    @Test
    void pipeline_csvMatchesInMemoryDetection_smallAndLargeChunks() throws IOException {
        ColumnChunk expected = inMemory();
        int[] rows = new OutlierDetector(PARAMETERS, KernelEngine.stride())
                .detect(expected.station(), expected.timestamp(), expected.value())
                .rows();
        List<String> expectedLines = new ArrayList<>();
        expectedLines.add(OutlierCsvWriter.HEADER);
        for (int row : rows) {
            expectedLines.add(expected.station()[row] + "," + OutlierCsvWriter.formatTime(expected.timestamp()[row])
                    + "," + expected.value()[row]);
        }
        for (int chunkRows : new int[] {10_000, 4_000_000}) {
            Path csv = folder.resolve("out-" + chunkRows + ".csv");

            DetectionReport report;
            try (ChunkSource source = InputSources.open(files, "wind_speed_rate", chunkRows)) {
                report = new DetectionPipeline(new OutlierDetector(PARAMETERS, KernelEngine.plain()), null)
                        .run(source, csv);
            }

            assertEquals(expectedLines, Files.readAllLines(csv), "chunk rows " + chunkRows);
            assertEquals(ROWS, report.rows());
            assertTrue(report.outliers() > 0);
        }
    }

    @Test
    void read_chunkedDeflatedDatasets_sameRowsAsContiguous() throws IOException {
        ColumnChunk expected = inMemory();
        Path file = folder.resolve("chunked.h5");
        DatasetCreationOptions options =
                DatasetCreationOptions.builder().chunkDimensions(4096).deflate().build();
        try (WritableHdfFile hdf = HdfFile.write(file)) {
            hdf.putDataset(Hdf5Columns.STATION, expected.station(), options);
            hdf.putDataset(Hdf5Columns.TIMESTAMP, expected.timestamp(), options);
            hdf.putDataset("wind_speed_rate", expected.value(), options);
        }

        ColumnChunk all = readAll(List.of(file), 25_000);

        assertArrayEquals(expected.station(), all.station());
        assertArrayEquals(expected.timestamp(), all.timestamp());
        assertArrayEquals(expected.value(), all.value());
    }

    private static ColumnChunk inMemory() {
        SyntheticWeather generator = new SyntheticWeather(5);
        long[] station = new long[ROWS];
        double[] timestamp = new double[ROWS];
        double[] value = new double[ROWS];
        int offset = 0;
        for (int k = 0; offset < ROWS; k++) {
            int length = Math.min(generator.stationLength(k), ROWS - offset);
            generator.fillStation(k, length, offset, station, timestamp, value);
            offset += length;
        }
        return new ColumnChunk("memory", 0, station, timestamp, value);
    }

    private static ColumnChunk readAll(List<Path> inputs, int chunkRows) {
        ColumnBuffers buffers = new ColumnBuffers();
        try (ChunkSource source = InputSources.open(inputs, "wind_speed_rate", chunkRows)) {
            for (ColumnChunk chunk = source.next(); chunk != null; chunk = source.next()) {
                for (int i = 0; i < chunk.size(); i++) {
                    buffers.add(chunk.station()[i], chunk.timestamp()[i], chunk.value()[i]);
                }
            }
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        return buffers.drain("files", 0);
    }
}
