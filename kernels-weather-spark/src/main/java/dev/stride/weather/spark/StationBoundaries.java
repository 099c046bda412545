package dev.stride.weather.spark;

/**
 * Finds where stations begin in a station-id column without reading it whole: the rule that lets tasks cut an
 * HDF5 file into whole stations by themselves. A row {@code r} begins a station when {@code r == 0} or its id
 * differs from row {@code r - 1}'s.
 */
final class StationBoundaries {

    /** Rows read per step while looking for the next station. */
    static final int BLOCK_ROWS = 65_536;

    /** Reads {@code count} station ids from row {@code from} on. */
    @FunctionalInterface
    interface StationColumn {
        long[] read(long from, int count);
    }

    private StationBoundaries() {}

    /**
     * The first row at or after {@code nominal} that begins a station, or {@code rows} when none does.
     *
     * @param column the station ids
     * @param rows the column's length
     * @param nominal a row in {@code [0, rows]}
     * @return the station start
     */
    static long nextStationStart(StationColumn column, long rows, long nominal) {
        if (nominal <= 0 || nominal >= rows) {
            return Math.max(0, Math.min(nominal, rows));
        }
        long previous = column.read(nominal - 1, 1)[0];
        long position = nominal;
        while (position < rows) {
            int count = (int) Math.min(BLOCK_ROWS, rows - position);
            long[] block = column.read(position, count);
            for (int i = 0; i < count; i++) {
                if (block[i] != previous) {
                    return position + i;
                }
            }
            position += count;
        }
        return rows;
    }
}
