package dev.stride.weather.cli;

import dev.stride.weather.generate.DatasetWriter;
import dev.stride.weather.generate.SyntheticWeather;
import dev.stride.weather.io.Hdf5ColumnsWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code generate}: writes deterministic synthetic station data as HDF5. */
@Command(
        name = "generate",
        mixinStandardHelpOptions = true,
        description = "Generate deterministic synthetic ISD-Lite-shaped wind data as HDF5 "
                + "(split into FILE.h5, FILE-1.h5, ... at station boundaries).")
final class GenerateCommand implements Callable<Integer> {

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Option(names = "--rows", required = true, description = "Total rows.")
    private long rows;

    @Option(names = "--seed", defaultValue = "1", description = "Seed (default: ${DEFAULT-VALUE}).")
    private long seed;

    @Option(names = "--out", required = true, description = "The first HDF5 file, e.g. data.h5.")
    private Path out;

    @Option(
            names = "--max-rows-per-file",
            defaultValue = "100000000",
            description = "Most rows per file (default: ${DEFAULT-VALUE}; at most 268,435,327: jhdf writes a "
                    + "dataset of at most 2 GiB).")
    private int maxRowsPerFile;

    @Override
    public Integer call() {
        CommandLine commandLine = spec.commandLine();
        if (rows < 1) {
            throw new CommandLine.ParameterException(commandLine, "--rows must be positive, was " + rows);
        }
        if (maxRowsPerFile < 1 || maxRowsPerFile > Hdf5ColumnsWriter.MAX_ROWS) {
            throw new CommandLine.ParameterException(
                    commandLine, "--max-rows-per-file must be 1.." + Hdf5ColumnsWriter.MAX_ROWS);
        }
        Path parent = out.toAbsolutePath().getParent();
        if (parent == null || !Files.isDirectory(parent)) {
            throw new CommandLine.ParameterException(commandLine, "--out: folder " + parent + " does not exist");
        }
        long start = System.nanoTime();
        List<Path> files =
                DatasetWriter.write(new SyntheticWeather(seed), rows, maxRowsPerFile, out, "wind_speed_rate");
        double seconds = (System.nanoTime() - start) / 1e9;
        commandLine
                .getOut()
                .printf(
                        "generated %,d rows in %d file(s) in %.3f s (%,.0f rows/s): %s%n",
                        rows, files.size(), seconds, rows / seconds, files);
        return 0;
    }
}
