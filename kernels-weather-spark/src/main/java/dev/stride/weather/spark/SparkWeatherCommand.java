package dev.stride.weather.spark;

import dev.stride.weather.WeatherInputException;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.file.NoSuchFileException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The main class of the Spark job, for the launcher ({@code ./stride weather detect --engine spark ...}) and for
 * {@code spark-submit}: the same {@code detect} command line as the single-machine tool, with the same exit
 * codes: 0 success; 2 bad input or usage (a one-line {@code weather: ...} message, no output file); 1 internal
 * error.
 */
@Command(
        name = "weather",
        mixinStandardHelpOptions = true,
        description = "The weather outlier job on Apache Spark.",
        subcommands = {SparkDetectCommand.class})
public final class SparkWeatherCommand implements Runnable {

    /** Exit code of a bad input or usage. */
    public static final int EXIT_BAD_INPUT = 2;

    /** Exit code of an internal error. */
    public static final int EXIT_INTERNAL = 1;

    /** The quiet logging set-up for command-line runs: Spark's INFO lines would bury the result. */
    static final String QUIET_LOGGING = "dev/stride/weather/spark/log4j2-cli.properties";

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "missing command: detect");
    }

    /**
     * Runs the command line and exits with its code. Unless the JVM already chose a log4j2 configuration
     * (spark-submit does, from the cluster's conf folder), logs only warnings.
     *
     * @param args the arguments
     */
    public static void main(String[] args) {
        if (System.getProperty("log4j2.configurationFile") == null) {
            System.setProperty("log4j2.configurationFile", QUIET_LOGGING);
        }
        Charset charset = Charset.defaultCharset();
        int code = run(new PrintWriter(System.out, true, charset), new PrintWriter(System.err, true, charset), args);
        System.exit(code);
    }

    /**
     * Runs the command line in this JVM.
     *
     * @param out standard output
     * @param err standard error
     * @param args the arguments
     * @return the exit code
     */
    public static int run(PrintWriter out, PrintWriter err, String... args) {
        CommandLine commandLine = new CommandLine(new SparkWeatherCommand());
        commandLine.setOut(out);
        commandLine.setErr(err);
        commandLine.setExecutionExceptionHandler((exception, line, parseResult) -> report(exception, err));
        int code = commandLine.execute(args);
        out.flush();
        err.flush();
        return code;
    }

    private static int report(Exception exception, PrintWriter err) {
        Throwable cause = exception instanceof UncheckedIOException unchecked ? unchecked.getCause() : exception;
        if (cause instanceof WeatherInputException input) {
            err.println("weather: " + input.getMessage());
            return EXIT_BAD_INPUT;
        }
        if (cause instanceof NoSuchFileException missing) {
            err.println("weather: " + missing.getFile() + ": no such file or folder");
            return EXIT_BAD_INPUT;
        }
        if (cause instanceof IOException io) {
            err.println("weather: I/O error: " + io);
            return EXIT_INTERNAL;
        }
        err.println("weather: internal error: " + cause);
        cause.printStackTrace(err);
        return EXIT_INTERNAL;
    }
}
