package dev.stride.weather.spark;

import dev.stride.weather.cli.WeatherCommand;
import java.io.PrintWriter;
import java.io.StringWriter;

/** Runs the single-machine command line ({@code ./stride weather}) and the Spark command line in this JVM. */
final class Cli {

    private Cli() {}

    /** What a run printed and returned. */
    record Result(int code, String out, String err) {}

    /**
     * Runs {@code ./stride weather ARGS}: the single-machine reference.
     *
     * @param args the arguments
     * @return the result
     */
    static Result weather(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = WeatherCommand.run(new PrintWriter(out), new PrintWriter(err), args);
        return new Result(code, out.toString(), err.toString());
    }

    /**
     * Runs the Spark job's command line.
     *
     * @param args the arguments
     * @return the result
     */
    static Result spark(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = SparkWeatherCommand.run(new PrintWriter(out), new PrintWriter(err), args);
        return new Result(code, out.toString(), err.toString());
    }
}
