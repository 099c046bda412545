package dev.stride.weather.io;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * Streams HDF5 files chunk by chunk. Reads about {@code chunkRows} station ids, cuts the chunk before the last
 * (possibly incomplete) station and reads the other two columns for exactly that range; the next chunk starts
 * at the cut, so a station is never split. A station longer than the chunk doubles the read until it fits.
 */
public final class Hdf5ChunkSource implements ChunkSource {

    private final List<Path> files;
    private final String measurement;
    private final int chunkRows;
    private int fileIndex;
    private Hdf5Columns current;
    private long position;

    /**
     * Creates the source; files are opened one at a time, in order.
     *
     * @param files the HDF5 files
     * @param measurement the measurement dataset name
     * @param chunkRows the target rows per chunk
     */
    public Hdf5ChunkSource(List<Path> files, String measurement, int chunkRows) {
        this.files = List.copyOf(files);
        this.measurement = measurement;
        this.chunkRows = chunkRows;
    }

    @Override
    public long totalRows() {
        long total = 0;
        for (Path file : files) {
            try (Hdf5Columns columns = Hdf5Columns.open(file, measurement)) {
                total += columns.rows();
            }
        }
        return total;
    }

    @Override
    public ColumnChunk next() {
        while (current == null || position >= current.rows()) {
            close();
            if (fileIndex >= files.size()) {
                return null;
            }
            current = Hdf5Columns.open(files.get(fileIndex++), measurement);
            position = 0;
        }
        long remaining = current.rows() - position;
        int want = (int) Math.min(remaining, chunkRows);
        long[] station = current.stations(position, want);
        int cut = lastStationStart(station);
        while (cut == 0 && want < remaining) {
            want = (int) Math.min(remaining, Math.min((long) want * 2, Integer.MAX_VALUE - 8));
            station = current.stations(position, want);
            cut = lastStationStart(station);
        }
        int length = want == remaining ? want : cut;
        long[] stations = length == station.length ? station : Arrays.copyOf(station, length);
        ColumnChunk chunk = new ColumnChunk(
                current.path().toString(),
                position,
                stations,
                current.timestamps(position, length),
                current.values(position, length));
        position += length;
        return chunk;
    }

    /** The start of the last run of equal ids, 0 when the slice holds one station only. */
    private static int lastStationStart(long[] station) {
        int i = station.length - 1;
        while (i > 0 && station[i - 1] == station[i]) {
            i--;
        }
        return Math.max(i, 0);
    }

    @Override
    public void close() {
        if (current != null) {
            current.close();
            current = null;
        }
    }
}
