package dev.stride.weather.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.stride.weather.WeatherInputException;
import dev.stride.weather.generate.DatasetWriter;
import dev.stride.weather.generate.SyntheticWeather;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.api.java.JavaSparkContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Spark job in {@code local[2]} against the single-machine command line on the same files: the outlier CSVs
 * must be byte-identical, and bad input must give the command line's message and no output.
 */
class SparkDetectionTest {

    private static final String[] EXCLUDE_POINT = {"--window", "30", "--threshold", "6", "--exclude-point"};

    @TempDir
    static Path folder;

    private static JavaSparkContext spark;

    @BeforeAll
    static void startSpark() {
        spark = new JavaSparkContext(SparkJobConf.create("local[2]"));
    }

    @AfterAll
    static void stopSpark() {
        if (spark != null) {
            spark.close();
        }
    }

    @Test
    void run_unevenStationsAcrossEveryCut_sameCsvAsCli() throws IOException {
        int rows = 160_000;
        int parts = 8;
        List<Integer> lengths = TestData.lengthsAcrossCuts(rows, parts, 50_000, 30_000, 11);
        Path file = TestData.writeHdf5(folder.resolve("cuts.h5"), TestData.stations(lengths, 5));
        assertEveryCutInsideAStation(lengths, rows, parts);

        int outliers = assertSameCsv("cuts", List.of(file), parts, EXCLUDE_POINT);
        int defaults = assertSameCsv("cuts-defaults", List.of(file), parts);

        assertTrue(outliers > 50, "exclude-point outliers: " + outliers);
        assertTrue(defaults > 0, "default outliers: " + defaults);
    }

    @Test
    void run_syntheticDataInThreeFiles_sameCsvAsCli() throws IOException {
        List<Path> files = DatasetWriter.write(
                new SyntheticWeather(7), 300_000, 120_000, folder.resolve("synthetic.h5"), "wind_speed_rate");
        assertEquals(3, files.size());

        int defaults = assertSameCsv("synthetic", files, 5);
        int excluded = assertSameCsv("synthetic-exclude", files, 5, EXCLUDE_POINT);

        assertTrue(defaults > 0 && excluded > defaults, defaults + " / " + excluded);
    }

    @Test
    void run_moreSplitsThanStations_sameCsvAsCli() throws IOException {
        Path file =
                TestData.writeHdf5(folder.resolve("few.h5"), TestData.stations(List.of(5_000, 3, 20_000, 90, 1), 9));

        int outliers = assertSameCsv("few", List.of(file), 40, EXCLUDE_POINT);

        assertTrue(outliers > 0);
    }

    @Test
    void run_isdLiteFolder_sameCsvAsCli() throws IOException {
        Path isd = Files.createDirectories(folder.resolve("isd"));
        TestData.writeIsdLite(isd, TestData.stations(List.of(30_000, 12, 9_000, 85, 18_000, 400, 2), 3));

        int outliers = assertSameCsv("isd", List.of(isd), 4, EXCLUDE_POINT);

        assertTrue(outliers > 10, "outliers: " + outliers);
    }

    @Test
    void run_stationSplitAcrossFiles_sameErrorAsCli() {
        TestData.Columns columns = TestData.stations(List.of(3_000, 2_000), 1);
        Path first = TestData.writeHdf5(folder.resolve("split-a.h5"), columns);
        Path second = TestData.writeHdf5(folder.resolve("split-b.h5"), TestData.stations(List.of(500, 700), 2));

        assertSameError("split", List.of(first, second), "appears again");
    }

    @Test
    void run_timeBackwardsInALaterSplit_sameErrorAsCli() {
        TestData.Columns columns = TestData.stations(List.of(4_000, 4_000, 4_000, 4_000), 4);
        columns.timestamp()[10_500] = columns.timestamp()[10_499] - 60;
        Path file = TestData.writeHdf5(folder.resolve("backwards.h5"), columns);

        assertSameError("backwards", List.of(file), "row 10500: timestamp");
    }

    @Test
    void run_stationRegroupedInALaterSplit_sameErrorAsCli() {
        TestData.Columns columns = TestData.stations(List.of(4_000, 4_000, 4_000, 4_000), 6);
        for (int row = 12_000; row < 16_000; row++) {
            columns.station()[row] = columns.station()[0];
        }
        Path file = TestData.writeHdf5(folder.resolve("regrouped.h5"), columns);

        assertSameError("regrouped", List.of(file), "row 12000: station 10000 appears again");
    }

    @Test
    void run_sameFileListedTwice_sameErrorAsCli() {
        Path file = TestData.writeHdf5(folder.resolve("twice.h5"), TestData.stations(List.of(6_000, 5_000), 8));

        assertSameError("twice", List.of(file, file), "twice.h5: row 0: station 10000 appears again");
    }

    @Test
    void run_unknownIsdLiteMeasurement_sameErrorAsCli() throws IOException {
        Path isd = Files.createDirectories(folder.resolve("isd-unknown"));
        TestData.writeIsdLite(isd, TestData.stations(List.of(200), 1));
        Path sparkCsv = folder.resolve("unknown-spark.csv");

        WeatherInputException error = assertThrows(
                WeatherInputException.class,
                () -> new SparkDetection(spark, settings("humidity")).run(List.of(isd), sparkCsv, 1_000, 2));

        Cli.Result cli = Cli.weather(
                "detect",
                "--input",
                isd.toString(),
                "--output",
                folder.resolve("unknown-cli.csv").toString(),
                "--measurement",
                "humidity");
        assertEquals(cli.err().strip(), "weather: " + error.getMessage());
        assertFalse(Files.exists(sparkCsv));
    }

    @Test
    void run_missingDataset_sameErrorAsCli() {
        Path file = TestData.writeHdf5(folder.resolve("wind.h5"), TestData.stations(List.of(100), 1));

        WeatherInputException error = assertThrows(
                WeatherInputException.class,
                () -> new SparkDetection(spark, settings("air_temperature"))
                        .run(List.of(file), folder.resolve("none.csv"), 1_000, 2));

        Cli.Result cli = Cli.weather(
                "detect",
                "--input",
                file.toString(),
                "--output",
                folder.resolve("none-cli.csv").toString(),
                "--measurement",
                "air_temperature");
        assertEquals(cli.err().strip(), "weather: " + error.getMessage());
        assertFalse(Files.exists(folder.resolve("none.csv")));
    }

    /** Runs both, compares the CSVs byte for byte, returns the number of outliers. */
    private static int assertSameCsv(String name, List<Path> inputs, int minSplits, String... options)
            throws IOException {
        Path cliCsv = folder.resolve(name + "-cli.csv");
        Path sparkCsv = folder.resolve(name + "-spark.csv");
        List<String> args = new ArrayList<>(List.of("detect", "--output", cliCsv.toString(), "--chunk-rows", "7000"));
        args.addAll(List.of(options));
        args.add("--input");
        inputs.forEach(input -> args.add(input.toString()));
        Cli.Result cli = Cli.weather(args.toArray(String[]::new));
        assertEquals(0, cli.code(), cli.err());

        SparkDetection.Run run =
                new SparkDetection(spark, settings(options)).run(inputs, sparkCsv, 1_000_000, minSplits);

        assertTrue(run.splits() > 1, "splits: " + run.splits());
        List<String> expected = Files.readAllLines(cliCsv);
        assertEquals(expected, Files.readAllLines(sparkCsv));
        assertEquals(expected.size() - 1, run.report().outliers());
        assertEquals(1, run.kernels().size(), run.kernels().toString());
        assertTrue(
                run.kernels().iterator().next().startsWith("compiled by Stride"),
                run.kernels().toString());
        return expected.size() - 1;
    }

    private static void assertSameError(String name, List<Path> inputs, String fragment) {
        Path sparkCsv = folder.resolve(name + "-spark.csv");
        List<String> args = new ArrayList<>(
                List.of("detect", "--output", folder.resolve(name + "-cli.csv").toString(), "--input"));
        inputs.forEach(input -> args.add(input.toString()));
        Cli.Result cli = Cli.weather(args.toArray(String[]::new));
        assertEquals(2, cli.code(), cli.err());

        WeatherInputException error = assertThrows(
                WeatherInputException.class,
                () -> new SparkDetection(spark, settings()).run(inputs, sparkCsv, 3_000, 4));

        assertEquals(cli.err().strip(), "weather: " + error.getMessage());
        assertTrue(error.getMessage().contains(fragment), error.getMessage());
        assertFalse(Files.exists(sparkCsv), "no output on bad input");
    }

    private static JobSettings settings(String... options) {
        boolean exclude = List.of(options).contains("--exclude-point");
        return exclude
                ? new JobSettings("wind_speed_rate", 30, 6, true, false, 1)
                : new JobSettings("wind_speed_rate", 84, 9, false, false, 1);
    }

    private static JobSettings settings(String measurement) {
        return new JobSettings(measurement, 84, 9, false, false, 1);
    }

    private static void assertEveryCutInsideAStation(List<Integer> lengths, int rows, int parts) {
        List<Integer> starts = new ArrayList<>();
        int end = 0;
        for (int length : lengths) {
            starts.add(end);
            end += length;
        }
        assertEquals(rows, end);
        for (int k = 1; k < parts; k++) {
            assertFalse(starts.contains(rows * k / parts), "cut " + k + " falls on a station start");
        }
        assertTrue(lengths.get(0) > 2 * rows / parts, "the first station covers several cuts");
    }
}
