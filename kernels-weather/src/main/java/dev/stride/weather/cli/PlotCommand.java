package dev.stride.weather.cli;

import dev.stride.weather.OutlierDetector;
import dev.stride.weather.WeatherInputException;
import dev.stride.weather.io.ChunkSource;
import dev.stride.weather.io.ColumnChunk;
import dev.stride.weather.io.InputSources;
import dev.stride.weather.plot.StationChart;
import dev.stride.weather.plot.StationSeries;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code plot}: one station's series with rolling mean, the {@code +-t*std} band and the outliers, as PNG or SVG. */
@Command(
        name = "plot",
        mixinStandardHelpOptions = true,
        description = "Plot one station: series, rolling mean, mean +- t*std band, outliers marked.")
final class PlotCommand implements Callable<Integer> {

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Option(names = "--input", required = true, arity = "1..*", description = "HDF5 files, ISD-Lite folders or files.")
    private List<Path> inputs;

    @Option(names = "--station", required = true, description = "The station_usaf id.")
    private long station;

    @Option(names = "--from", description = "First day shown, yyyy-MM-dd (UTC).")
    private String from;

    @Option(names = "--to", description = "Last day shown, yyyy-MM-dd (UTC), inclusive.")
    private String to;

    @Option(names = "--out", required = true, description = "The image: .png or .svg.")
    private Path out;

    @Option(
            names = "--measurement",
            defaultValue = "wind_speed_rate",
            description = "HDF5 dataset or ISD-Lite field (default: ${DEFAULT-VALUE}).")
    private String measurement;

    @Mixin
    private DetectionOptions options;

    @Override
    public Integer call() throws IOException {
        CommandLine commandLine = spec.commandLine();
        OutlierDetector.Parameters parameters = options.parameters(commandLine, 0);
        String name = out.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
        if (!name.endsWith(".png") && !name.endsWith(".svg")) {
            throw new CommandLine.ParameterException(commandLine, "--out must end in .png or .svg");
        }
        double fromSeconds = day(commandLine, from, "--from", 0);
        double toSeconds = day(commandLine, to, "--to", 1);
        StationSeries series = StationSeries.compute(load(), parameters);
        StationSeries shown = series.between(fromSeconds, toSeconds);
        if (shown.size() == 0) {
            throw new WeatherInputException("station " + station + " has no rows between the given days");
        }
        StationChart.write(shown, parameters, measurement, out);
        commandLine
                .getOut()
                .printf(
                        "station %d: %,d rows shown, %,d outliers, written to %s%n",
                        station, shown.size(), shown.outlierCount(), out);
        return 0;
    }

    private ColumnChunk load() throws IOException {
        try (ChunkSource source = InputSources.open(inputs, measurement, InputSources.DEFAULT_CHUNK_ROWS)) {
            for (ColumnChunk chunk = source.next(); chunk != null; chunk = source.next()) {
                ColumnChunk found = StationSeries.select(chunk, station);
                if (found != null) {
                    return found;
                }
            }
        }
        throw new WeatherInputException("station " + station + " not found in " + inputs);
    }

    private static double day(CommandLine commandLine, String text, String option, int plusDays) {
        if (text == null) {
            return plusDays == 0 ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
        }
        try {
            return LocalDate.parse(text)
                    .plusDays(plusDays)
                    .atStartOfDay(ZoneOffset.UTC)
                    .toEpochSecond();
        } catch (DateTimeParseException e) {
            throw new CommandLine.ParameterException(commandLine, option + " must be yyyy-MM-dd, was '" + text + "'");
        }
    }
}
