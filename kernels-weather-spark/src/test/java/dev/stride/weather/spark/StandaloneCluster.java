package dev.stride.weather.spark;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A Spark standalone master and one worker on 127.0.0.1, started as JVMs from the Maven jars alone (no Spark
 * distribution): the worker's {@code SPARK_HOME} is an empty folder with a {@code jars/} folder, and the
 * executors it launches get Spark through {@code SPARK_DIST_CLASSPATH}. Ports are chosen free; the master's REST
 * submission port is off. {@link #close()} stops every process it started, the executors included.
 */
final class StandaloneCluster implements AutoCloseable {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(90);

    /** Heap of the master and the worker, which only schedule. */
    private static final String DAEMON_HEAP = "-Xmx256m";

    /** Heap of a driver: Spark refuses to start a driver with less than 450 MB of system memory. */
    private static final String DRIVER_HEAP = "-Xmx768m";

    private final Path home;
    private final List<String> java;
    private final Map<String, String> environment;
    private final List<Process> processes = new ArrayList<>();
    private final List<ProcessHandle> descendants = new ArrayList<>();
    private final int masterPort;

    /** Kills what is still running if the test JVM exits before {@link #close()} (a timeout, a kill). */
    private final Thread killOnExit = new Thread(this::killAll, "stop-spark-cluster");

    /**
     * Starts the master and the worker and waits until the worker has registered.
     *
     * @param home a fresh folder for SPARK_HOME, logs and the worker's work folder
     * @param sparkClassPath Spark's jars
     * @param jvmOptions the JVM options for Spark's JVMs on JDK 25
     * @throws IOException when a process cannot start or does not come up in time
     */
    StandaloneCluster(Path home, String sparkClassPath, List<String> jvmOptions) throws IOException {
        this.home = home;
        Files.createDirectories(home.resolve("jars"));
        Files.createDirectories(home.resolve("work"));
        this.java = new ArrayList<>(
                List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        java.addAll(jvmOptions);
        java.addAll(List.of("-cp", sparkClassPath));
        this.environment = Map.of(
                "SPARK_HOME",
                home.toString(),
                "SPARK_SCALA_VERSION",
                "2.13",
                "SPARK_LOCAL_IP",
                "127.0.0.1",
                "SPARK_LOCAL_DIRS",
                home.resolve("work").toString(),
                "SPARK_DIST_CLASSPATH",
                sparkClassPath);
        this.masterPort = freePort();
        Runtime.getRuntime().addShutdownHook(killOnExit);
        try {
            start(
                    "master",
                    "I have been elected leader",
                    List.of(
                            "-Dspark.master.rest.enabled=false",
                            "org.apache.spark.deploy.master.Master",
                            "--host",
                            "127.0.0.1",
                            "--port",
                            Integer.toString(masterPort),
                            "--webui-port",
                            Integer.toString(freePort())));
            start(
                    "worker",
                    "Successfully registered with master",
                    List.of(
                            "org.apache.spark.deploy.worker.Worker",
                            "--host",
                            "127.0.0.1",
                            "--port",
                            Integer.toString(freePort()),
                            "--webui-port",
                            Integer.toString(freePort()),
                            "--cores",
                            "2",
                            "--memory",
                            "1g",
                            "--work-dir",
                            home.resolve("work").toString(),
                            masterUrl()));
        } catch (IOException | RuntimeException e) {
            close();
            throw e;
        }
    }

    /**
     * The master's URL.
     *
     * @return {@code spark://127.0.0.1:PORT}
     */
    String masterUrl() {
        return "spark://127.0.0.1:" + masterPort;
    }

    /**
     * The worker's work folder: one {@code app-*} folder per application that ran executors here.
     *
     * @return the folder
     */
    Path workFolder() {
        return home.resolve("work");
    }

    /**
     * Runs a JVM with Spark's class path and this cluster's environment (as {@code spark-submit} would) and waits
     * for it.
     *
     * @param name the log file's name
     * @param arguments main class and arguments, after the class path
     * @param timeout how long to wait
     * @return the exit code
     * @throws IOException when it cannot start or does not finish in time
     * @throws InterruptedException when interrupted
     */
    int run(String name, List<String> arguments, Duration timeout) throws IOException, InterruptedException {
        Process process = launch(name, DRIVER_HEAP, arguments);
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new IOException(name + " did not finish in " + timeout + "; log: " + log(name));
        }
        return process.exitValue();
    }

    /**
     * The output of a process started here.
     *
     * @param name the process name
     * @return its stdout and stderr
     * @throws IOException when the log cannot be read
     */
    String log(String name) throws IOException {
        return Files.readString(home.resolve(name + ".log"), StandardCharsets.UTF_8);
    }

    private void start(String name, String readyLine, List<String> arguments) throws IOException {
        Process process = launch(name, DAEMON_HEAP, arguments);
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (log(name).contains(readyLine)) {
                return;
            }
            if (!process.isAlive()) {
                throw new IOException(name + " exited with " + process.exitValue() + ": " + log(name));
            }
            sleep();
        }
        throw new IOException(name + " did not log '" + readyLine + "' in " + START_TIMEOUT + ": " + log(name));
    }

    private Process launch(String name, String heap, List<String> arguments) throws IOException {
        List<String> command = new ArrayList<>(java);
        command.add(1, heap);
        command.addAll(arguments);
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(home.toFile())
                .redirectErrorStream(true)
                .redirectOutput(home.resolve(name + ".log").toFile());
        builder.environment().putAll(environment);
        Process process = builder.start();
        processes.add(process);
        return process;
    }

    /** Stops every process started here and what they started (the worker's executors), newest first. */
    @Override
    public void close() {
        try {
            Runtime.getRuntime().removeShutdownHook(killOnExit);
        } catch (IllegalStateException e) {
            // the JVM is already shutting down: the hook runs killAll
        }
        for (Process process : processes.reversed()) {
            List<ProcessHandle> children = process.descendants().toList();
            descendants.addAll(children);
            children.forEach(ProcessHandle::destroy);
            process.destroy();
            children.forEach(StandaloneCluster::awaitOrKill);
            awaitOrKill(process.toHandle());
        }
    }

    private void killAll() {
        for (Process process : processes) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
        }
    }

    /**
     * Whether every process started here, and every process they started, has exited.
     *
     * @return true when nothing is left running
     */
    boolean allStopped() {
        return processes.stream().noneMatch(Process::isAlive)
                && descendants.stream().noneMatch(ProcessHandle::isAlive);
    }

    private static void awaitOrKill(ProcessHandle process) {
        try {
            process.onExit().get(15, TimeUnit.SECONDS);
        } catch (Exception e) {
            process.destroyForcibly();
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static void sleep() {
        try {
            Thread.sleep(250);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for Spark", e);
        }
    }
}
