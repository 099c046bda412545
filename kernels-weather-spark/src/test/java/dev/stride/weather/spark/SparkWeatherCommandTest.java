package dev.stride.weather.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.spark.launcher.JavaModuleOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Spark job's command line: a whole run in {@code local[2]}, and the errors caught before Spark starts. */
class SparkWeatherCommandTest {

    @TempDir
    Path folder;

    @Test
    void detect_local2_sameCsvAsCliAndReportsPhases() throws IOException {
        Path data = TestData.writeHdf5(
                folder.resolve("data.h5"),
                TestData.stations(TestData.lengthsAcrossCuts(60_000, 4, 20_000, 10_000, 3), 8));
        Path cliCsv = folder.resolve("cli.csv");
        Path sparkCsv = folder.resolve("spark.csv");
        Cli.Result cli = Cli.weather("detect", "--input", data.toString(), "--output", cliCsv.toString());
        assertEquals(0, cli.code(), cli.err());

        Cli.Result spark = Cli.spark(
                "detect",
                "--engine",
                "spark",
                "--master",
                "local[2]",
                "--partitions",
                "4",
                "--input",
                data.toString(),
                "--output",
                sparkCsv.toString());

        assertEquals(0, spark.code(), spark.err() + spark.out());
        assertEquals(Files.readAllLines(cliCsv), Files.readAllLines(sparkCsv));
        assertTrue(Files.readAllLines(sparkCsv).size() > 1, "the data has outliers");
        assertTrue(spark.out().contains("master local[2]") && spark.out().contains("splits:   4 tasks"), spark.out());
        assertTrue(spark.out().contains("compute:") && spark.out().contains("job:"), spark.out());
        assertTrue(spark.out().matches("(?s).*kernels:  compiled by Stride \\S+; Vector API enabled.*"), spark.out());
    }

    @Test
    void detect_badMaster_exit2BeforeSparkStarts() {
        Path csv = folder.resolve("out.csv");

        Cli.Result result =
                Cli.spark("detect", "--master", "lokal[2]", "--input", folder.toString(), "--output", csv.toString());

        assertEquals(2, result.code(), result.err());
        assertTrue(result.err().contains("--master 'lokal[2]' is not a Spark master URL"), result.err());
        assertFalse(Files.exists(csv));
    }

    @Test
    void detect_noMaster_exit2() {
        Cli.Result result = Cli.spark("detect", "--input", folder.toString(), "--output", "out.csv");

        assertEquals(2, result.code(), result.err());
        assertTrue(result.err().contains("no Spark master"), result.err());
    }

    @Test
    void detect_missingInput_exit2WithTheCliMessage() {
        Path missing = folder.resolve("nope.h5");
        Path csv = folder.resolve("out.csv");

        Cli.Result result =
                Cli.spark("detect", "--master", "local[1]", "--input", missing.toString(), "--output", csv.toString());

        assertEquals(2, result.code(), result.err());
        assertEquals(
                "weather: " + missing + ": no such file or folder", result.err().strip());
        assertFalse(Files.exists(csv));
    }

    @Test
    void detect_otherEngine_exit2() {
        Cli.Result result =
                Cli.spark("detect", "--engine", "plain", "--master", "local[1]", "--input", "x", "--output", "y.csv");

        assertEquals(2, result.code(), result.err());
        assertTrue(result.err().contains("--engine plain"), result.err());
    }

    @Test
    void jvmOptions_holdSparksModuleOptionsAndTheVectorModule() throws IOException {
        List<String> options = Files.readAllLines(Path.of("jvm.options"));

        for (String option : JavaModuleOptions.defaultModuleOptionArray()) {
            assertTrue(options.contains(option) || !existsInThisJdk(option), "jvm.options lacks " + option);
        }
        assertTrue(options.contains(SparkJobConf.VECTOR_MODULE));
    }

    @Test
    void jvmOptions_openOnlyPackagesThisJdkHas() throws IOException {
        for (String option : Files.readAllLines(Path.of("jvm.options"))) {
            assertTrue(existsInThisJdk(option), option + " names a package JDK 25 does not have (the JVM warns)");
        }
    }

    /** Whether an {@code --add-opens=module/package=...} option names a package of this JDK (other options: yes). */
    private static boolean existsInThisJdk(String option) {
        if (!option.startsWith("--add-opens=")) {
            return true;
        }
        String[] modulePackage =
                option.substring("--add-opens=".length()).split("=")[0].split("/");
        return ModuleLayer.boot()
                .findModule(modulePackage[0])
                .map(module -> module.getPackages().contains(modulePackage[1]))
                .orElse(false);
    }

    @Test
    void masterCheck_acceptsSparksForms() {
        for (String master : List.of(
                "local", "local[1]", "local[*]", "local[4,2]", "spark://127.0.0.1:7077", "spark://a:1,b:2", "yarn")) {
            assertEquals(master, SparkMaster.check(master));
        }
    }
}
