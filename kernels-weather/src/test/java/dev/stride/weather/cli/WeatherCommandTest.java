package dev.stride.weather.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.stride.weather.io.Hdf5ColumnsWriter;
import dev.stride.weather.io.OutlierCsvWriter;
import io.jhdf.HdfFile;
import io.jhdf.WritableHdfFile;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WeatherCommandTest {

    @TempDir
    static Path folder;

    private static Path data;

    @BeforeAll
    static void generate() {
        System.setProperty("java.awt.headless", "true");
        data = folder.resolve("data.h5");
        Result result = run("generate", "--rows", "120000", "--seed", "3", "--out", data.toString());
        assertEquals(0, result.code, result.err);
    }

    @Test
    void detect_generatedData_writesCsvAndPhases() throws IOException {
        Path csv = folder.resolve("ok.csv");

        Result result = run("detect", "--input", data.toString(), "--output", csv.toString(), "--exclude-point");

        assertEquals(0, result.code, result.err);
        assertTrue(result.out.contains("stations:") && result.out.contains("compute:"), result.out);
        List<String> lines = Files.readAllLines(csv);
        assertEquals(OutlierCsvWriter.HEADER, lines.get(0));
        assertTrue(lines.size() > 1);
        assertTrue(lines.get(1).matches("\\d+,\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d,-?\\d+\\.\\d+(E-?\\d+)?"));
    }

    @Test
    void detect_missingFile_exit2_noOutput() {
        Path csv = folder.resolve("missing.csv");

        Result result = run("detect", "--input", folder.resolve("nope.h5").toString(), "--output", csv.toString());

        assertBadInput(result, csv, "no such file");
    }

    @Test
    void detect_missingDataset_exit2_noOutput() {
        Path file = folder.resolve("two-datasets.h5");
        try (WritableHdfFile hdf = HdfFile.write(file)) {
            hdf.putDataset("station_usaf", new long[] {1, 1});
            hdf.putDataset("timestamp", new double[] {0, 1});
        }
        Path csv = folder.resolve("no-dataset.csv");

        Result result = run("detect", "--input", file.toString(), "--output", csv.toString());

        assertBadInput(result, csv, "no dataset 'wind_speed_rate'");
    }

    @Test
    void detect_mismatchedLengths_exit2_noOutput() {
        Path file = folder.resolve("lengths.h5");
        try (WritableHdfFile hdf = HdfFile.write(file)) {
            hdf.putDataset("station_usaf", new long[] {1, 1, 1});
            hdf.putDataset("timestamp", new double[] {0, 1, 2});
            hdf.putDataset("wind_speed_rate", new double[] {0, 1});
        }
        Path csv = folder.resolve("lengths.csv");

        Result result = run("detect", "--input", file.toString(), "--output", csv.toString());

        assertBadInput(result, csv, "differ in length");
    }

    @Test
    void detect_notGrouped_exit2_namesRow_noOutput() {
        Path file = folder.resolve("ungrouped.h5");
        Hdf5ColumnsWriter.write(
                file, "wind_speed_rate", new long[] {1, 1, 2, 1}, new double[] {0, 1, 0, 2}, new double[] {1, 2, 3, 4});
        Path csv = folder.resolve("ungrouped.csv");

        Result result = run("detect", "--input", file.toString(), "--output", csv.toString());

        assertBadInput(result, csv, "row 3: station 1 appears again");
    }

    @Test
    void detect_stationSplitAcrossFiles_exit2_namesFileAndRow() {
        Path first = folder.resolve("part.h5");
        Path second = folder.resolve("part-1.h5");
        Hdf5ColumnsWriter.write(first, "wind_speed_rate", new long[] {1, 2}, new double[2], new double[2]);
        Hdf5ColumnsWriter.write(second, "wind_speed_rate", new long[] {3, 1}, new double[2], new double[2]);
        Path csv = folder.resolve("split.csv");

        Result result = run("detect", "--input", first.toString(), second.toString(), "--output", csv.toString());

        assertBadInput(result, csv, "part-1.h5: row 1: station 1 appears again");
    }

    @Test
    void detect_regroupedInFirstChunk_reportsFirstOffendingRowNotALaterOne() {
        Path file = folder.resolve("two-faults.h5");
        Hdf5ColumnsWriter.write(file, "wind_speed_rate", new long[] {1, 2, 1, 3, 3, 2}, new double[6], new double[6]);
        Path csv = folder.resolve("two-faults.csv");

        Result result = run("detect", "--input", file.toString(), "--output", csv.toString(), "--chunk-rows", "3");

        assertBadInput(result, csv, "two-faults.h5: row 2: station 1 appears again");
    }

    @Test
    void detect_malformedIsdLite_exit2_namesFileAndLine() throws IOException {
        Path isd = Files.createDirectories(folder.resolve("isd"));
        Files.writeString(
                isd.resolve("010010-99999-2020"),
                "2020 01 01 00   -33   -72 10171   300    46     0 -9999 -9999\n"
                        + "2020 01 01 01   -33   -72 10171   300    4?     0 -9999 -9999\n");
        Path csv = folder.resolve("isd.csv");

        Result result = run("detect", "--input", isd.toString(), "--output", csv.toString());

        assertBadInput(result, csv, "010010-99999-2020:2: malformed ISD-Lite line");
    }

    @Test
    void detect_badOptions_exit2() {
        Path csv = folder.resolve("options.csv");

        assertBadInput(
                run("detect", "--input", data.toString(), "--output", csv.toString(), "--window", "1"), csv, "window");
        assertBadInput(
                run("detect", "--input", data.toString(), "--output", csv.toString(), "--engine", "fast"),
                csv,
                "engine");
        assertEquals(2, run("frobnicate").code);
        Path nowhere = folder.resolve("no-such-folder").resolve("out.csv");
        assertBadInput(
                run("detect", "--input", data.toString(), "--output", nowhere.toString()),
                nowhere,
                "output folder does not exist");
    }

    @Test
    void detect_engineSpark_pointsToTheSparkModule() {
        Path csv = folder.resolve("spark.csv");

        Result result = run("detect", "--engine", "spark", "--input", data.toString(), "--output", csv.toString());

        assertBadInput(result, csv, "--engine spark runs in the kernels-weather-spark module");
    }

    @Test
    void plot_pngAndSvg() {
        for (String name : new String[] {"station.png", "station.svg"}) {
            Path image = folder.resolve(name);

            Result result = run(
                    "plot",
                    "--input",
                    data.toString(),
                    "--station",
                    "10010",
                    "--out",
                    image.toString(),
                    "--threshold",
                    "6",
                    "--exclude-point");

            assertEquals(0, result.code, result.err);
            assertTrue(Files.isRegularFile(image));
        }
    }

    @Test
    void demo_enginesAgree() {
        Result result = run("demo", "--rows", "100000");

        assertEquals(0, result.code, result.err + result.out);
        assertTrue(result.out.contains("engines agree: yes"), result.out);
    }

    private static void assertBadInput(Result result, Path csv, String fragment) {
        assertEquals(2, result.code, result.out + result.err);
        assertTrue(result.err.contains(fragment), result.err);
        assertFalse(Files.exists(csv), "no output file");
        if (!Files.isDirectory(csv.getParent())) {
            return;
        }
        try (Stream<Path> files = Files.list(csv.getParent())) {
            assertTrue(files.noneMatch(p -> p.getFileName().toString().endsWith(".tmp")), "no temporary file");
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void bench_timesEveryEngineAndChecksTheyAgree() {
        Result result = run("bench", "--input", data.toString(), "--runs", "2");
        assertEquals(0, result.code(), result.err());
        assertTrue(result.out().contains("120,000 rows loaded"), result.out());
        assertTrue(
                result.out().matches("(?s).*stride +first run .* median .*plain +first run .* median .*"),
                result.out());
    }

    private static Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = WeatherCommand.run(new PrintWriter(out), new PrintWriter(err), args);
        return new Result(code, out.toString(), err.toString());
    }

    private record Result(int code, String out, String err) {}
}
