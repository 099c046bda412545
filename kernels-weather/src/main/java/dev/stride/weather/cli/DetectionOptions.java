package dev.stride.weather.cli;

import dev.stride.weather.OutlierDetector;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/**
 * The detection parameters shared by {@code detect}, {@code plot} and the Spark job's {@code detect} (a picocli
 * mixin, so the options, defaults and help text are written once).
 */
public final class DetectionOptions {

    @Option(names = "--window", defaultValue = "84", description = "Window length n (default: ${DEFAULT-VALUE}).")
    int window;

    @Option(
            names = "--threshold",
            defaultValue = "9",
            description = "Threshold t: an outlier has |x - mean| > t * std (default: ${DEFAULT-VALUE}).")
    double threshold;

    @Option(
            names = "--exclude-point",
            description = "Test the point right after each window instead of the window's last point.")
    boolean excludePoint;

    @Option(
            names = "--sliding-sum",
            description = "O(1)-per-window running sums instead of two passes (faster, less robust numerically).")
    boolean slidingSum;

    /**
     * The validated parameters.
     *
     * @param commandLine for the usage error
     * @param threads worker threads, 0 for the default
     * @return the parameters
     */
    public OutlierDetector.Parameters parameters(CommandLine commandLine, int threads) {
        try {
            return new OutlierDetector.Parameters(window, threshold, excludePoint, slidingSum, threads);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(commandLine, e.getMessage(), e);
        }
    }
}
