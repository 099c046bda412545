package dev.stride.weather.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The spark-submit path end to end: a standalone master and one worker on loopback, the job submitted with
 * {@code SparkSubmit} (what the {@code spark-submit} script runs) as the module's shaded jar, executors on the
 * worker; the CSV must equal the single-machine command line's. Runs in {@code verify} after {@code package}
 * (it needs the jar); {@code -DskipITs} skips it.
 */
class StandaloneClusterIT {

    private static final Path TARGET = Path.of("target");

    @TempDir
    Path folder;

    @Test
    void sparkSubmit_standaloneCluster_sameCsvAsCli() throws IOException, InterruptedException {
        Path data = TestData.writeHdf5(
                folder.resolve("data.h5"),
                TestData.stations(TestData.lengthsAcrossCuts(120_000, 4, 30_000, 20_000, 21), 12));
        Path cliCsv = folder.resolve("cli.csv");
        Path sparkCsv = folder.resolve("spark.csv");
        Cli.Result cli = Cli.weather("detect", "--input", data.toString(), "--output", cliCsv.toString());
        assertEquals(0, cli.code(), cli.err());
        String sparkClassPath =
                Files.readString(TARGET.resolve("spark.classpath")).strip();
        List<String> jvmOptions = Files.readAllLines(Path.of("jvm.options"));
        Path jar = TARGET.resolve("stride-weather-spark.jar").toAbsolutePath();

        StandaloneCluster cluster = new StandaloneCluster(folder.resolve("spark"), sparkClassPath, jvmOptions);
        int code;
        try (cluster) {
            code = cluster.run("submit", submit(cluster.masterUrl(), jar, data, sparkCsv), Duration.ofMinutes(3));
            System.out.println(cluster.log("submit"));

            assertEquals(0, code, cluster.log("submit"));
            assertEquals(Files.readAllLines(cliCsv), Files.readAllLines(sparkCsv));
            assertTrue(Files.readAllLines(sparkCsv).size() > 1, "the data has outliers");
            assertTrue(cluster.log("submit").contains("master " + cluster.masterUrl()), cluster.log("submit"));
            assertTrue(
                    cluster.log("submit").matches("(?s).*kernels:  compiled by Stride \\S+; Vector API enabled.*"),
                    "the executors ran the jar's Stride-compiled kernels with the Vector API: "
                            + cluster.log("submit"));
            assertTrue(ranExecutors(cluster.workFolder()), "the worker ran the executors: " + cluster.log("worker"));
        }
        assertTrue(cluster.allStopped(), "master, worker and executors are stopped");
    }

    private static List<String> submit(String master, Path jar, Path data, Path output) {
        List<String> arguments = new ArrayList<>(List.of(
                "org.apache.spark.deploy.SparkSubmit",
                "--master",
                master,
                "--deploy-mode",
                "client",
                "--class",
                SparkWeatherCommand.class.getName(),
                "--conf",
                "spark.driver.host=127.0.0.1",
                "--conf",
                "spark.driver.bindAddress=127.0.0.1",
                "--conf",
                "spark.ui.enabled=false",
                "--conf",
                "spark.executor.memory=512m",
                "--conf",
                "spark.cores.max=2",
                jar.toString()));
        arguments.addAll(
                List.of("detect", "--input", data.toString(), "--output", output.toString(), "--partitions", "4"));
        return arguments;
    }

    private static boolean ranExecutors(Path work) throws IOException {
        try (Stream<Path> apps = Files.list(work)) {
            return apps.anyMatch(app -> app.getFileName().toString().startsWith("app-"));
        }
    }
}
