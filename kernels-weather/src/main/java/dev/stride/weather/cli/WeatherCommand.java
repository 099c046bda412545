package dev.stride.weather.cli;

import dev.stride.weather.WeatherInputException;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.file.NoSuchFileException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code ./stride weather}: generate synthetic data, detect outliers, plot a station, or run the demo.
 *
 * <p>Exit codes: 0 success; 2 bad input or usage (a one-line message on stderr, no output file left behind);
 * 1 internal error (message and stack trace on stderr).
 */
@Command(
        name = "weather",
        mixinStandardHelpOptions = true,
        description = "Rolling-window outlier detection over weather station series.",
        subcommands = {
            GenerateCommand.class,
            DetectCommand.class,
            PlotCommand.class,
            DemoCommand.class,
            BenchCommand.class
        })
public final class WeatherCommand implements Runnable {

    /** Exit code of a bad input or usage. */
    public static final int EXIT_BAD_INPUT = 2;

    /** Exit code of an internal error. */
    public static final int EXIT_INTERNAL = 1;

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "missing command: generate, detect, plot or demo");
    }

    /**
     * Runs the command line and exits with its code.
     *
     * @param args the arguments
     */
    public static void main(String[] args) {
        System.setProperty("java.awt.headless", "true");
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
        CommandLine commandLine = new CommandLine(new WeatherCommand());
        commandLine.setOut(out);
        commandLine.setErr(err);
        commandLine.setExecutionExceptionHandler((exception, line, parseResult) -> report(exception, err));
        int code;
        try {
            code = commandLine.execute(args);
        } catch (OutOfMemoryError e) {
            err.println("weather: out of memory (" + e.getMessage() + "): lower --chunk-rows or raise -Xmx; "
                    + "detection needs about 49 bytes per row of a chunk");
            code = EXIT_INTERNAL;
        }
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
