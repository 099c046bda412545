package dev.stride.weather.io;

import dev.stride.weather.WeatherInputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Opens the {@code detect} inputs as one chunk source, in the order given: a folder or a file named like an
 * ISD-Lite file is read as ISD-Lite; any other file as HDF5 (consecutive HDF5 files form one source).
 */
public final class InputSources {

    /** Default rows per chunk: about 200 MB of working memory at 49 bytes per row. */
    public static final int DEFAULT_CHUNK_ROWS = 4_000_000;

    private InputSources() {}

    /**
     * Opens the inputs.
     *
     * @param inputs HDF5 files, ISD-Lite folders or ISD-Lite files
     * @param measurement the measurement name (HDF5 dataset or ISD-Lite field)
     * @param chunkRows target rows per chunk
     * @return the source
     * @throws IOException when a folder cannot be listed
     * @throws WeatherInputException when an input is missing or unusable
     */
    public static ChunkSource open(List<Path> inputs, String measurement, int chunkRows) throws IOException {
        List<ChunkSource> sources = new ArrayList<>();
        List<Path> hdf5 = new ArrayList<>();
        for (Path input : inputs) {
            if (!Files.exists(input)) {
                throw new WeatherInputException(input + ": no such file or folder");
            }
            if (Files.isDirectory(input) || IsdLiteSource.isIsdLiteName(input)) {
                flush(hdf5, sources, measurement, chunkRows);
                sources.add(IsdLiteSource.open(input, isdField(measurement), chunkRows));
            } else {
                Hdf5Columns.open(input, measurement).close();
                hdf5.add(input);
            }
        }
        flush(hdf5, sources, measurement, chunkRows);
        return new ChainedSource(sources);
    }

    private static IsdLiteField isdField(String measurement) {
        try {
            return IsdLiteField.byName(measurement);
        } catch (IllegalArgumentException e) {
            throw new WeatherInputException(e.getMessage(), e);
        }
    }

    private static void flush(List<Path> hdf5, List<ChunkSource> sources, String measurement, int chunkRows) {
        if (!hdf5.isEmpty()) {
            sources.add(new Hdf5ChunkSource(hdf5, measurement, chunkRows));
            hdf5.clear();
        }
    }

    /** Sources read one after the other. */
    private static final class ChainedSource implements ChunkSource {
        private final List<ChunkSource> sources;
        private int current;

        ChainedSource(List<ChunkSource> sources) {
            this.sources = List.copyOf(sources);
        }

        @Override
        public ColumnChunk next() throws IOException {
            while (current < sources.size()) {
                ColumnChunk chunk = sources.get(current).next();
                if (chunk != null) {
                    return chunk;
                }
                sources.get(current).close();
                current++;
            }
            return null;
        }

        @Override
        public long totalRows() {
            long total = 0;
            for (ChunkSource source : sources) {
                long rows = source.totalRows();
                if (rows < 0) {
                    return -1;
                }
                total += rows;
            }
            return total;
        }

        @Override
        public void close() throws IOException {
            for (ChunkSource source : sources) {
                source.close();
            }
        }
    }
}
