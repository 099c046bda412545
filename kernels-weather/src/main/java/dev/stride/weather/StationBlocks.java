package dev.stride.weather;

/**
 * How the stations of one detection call are split into blocks for the parallel block loop
 * ({@link dev.stride.weather.kernels.WeatherKernels#detectBlocks}), and where each block's scratch slice lies.
 *
 * <p>Why blocks and not one parallel iteration per station: station lengths range from a few rows to hundreds of
 * thousands, so equal-count chunks of stations are very uneven, and the cost of forking only pays off above a
 * certain amount of work, which a station count does not tell. Blocks are runs of consecutive stations cut at
 * the station that starts at or after each {@code b * rows / blockCount}-th row, so every block holds about the
 * same number of rows (a block can be longer by one station, or empty when one station spans several cuts).
 * The caller chooses the block count from the row count ({@link #blockCount}): one block, and so a serial loop
 * without fork/join cost, below {@link #MIN_BLOCK_ROWS} rows per block.
 *
 * <p>Each block gets its own slice of the scratch arrays, as long as its longest station: the stations of a
 * block reuse the same slice one after the other, so the scratch stays in the cache and its size is the sum of
 * the blocks' longest stations instead of the row count.
 *
 * @param blockStations the first station of every block, then the station count ({@code blockCount + 1}
 *     entries)
 * @param scratchOffsets the start of every block's scratch slice, then the total scratch length
 *     ({@code blockCount + 1} entries)
 */
public record StationBlocks(int[] blockStations, int[] scratchOffsets) {

    /**
     * The fewest rows per block when there are several blocks: about 1.5 ms of Stride-compiled work per block
     * (25 ns per row on the reference machine), ten times the measured cost of one parallel call (0.13-0.22 ms,
     * {@code docs/parallel-runtime.md}).
     */
    public static final int MIN_BLOCK_ROWS = 65_536;

    /** Blocks per worker thread, so that work stealing can balance blocks that end up uneven. */
    public static final int BLOCKS_PER_THREAD = 4;

    /**
     * The number of blocks for a call: as many as the rows fill with at least {@code minBlockRows} rows, at most
     * {@link #BLOCKS_PER_THREAD} per thread and one per station; at least one when there is a station.
     *
     * @param rows the row count
     * @param stationCount the station count
     * @param threads the worker threads of the parallel loop
     * @param minBlockRows the fewest rows per block, positive
     * @return the block count
     */
    public static int blockCount(int rows, int stationCount, int threads, int minBlockRows) {
        if (stationCount == 0) {
            return 0;
        }
        long byThreads = (long) BLOCKS_PER_THREAD * threads;
        long byWork = Math.max(1, rows / minBlockRows);
        return (int) Math.min(stationCount, Math.min(byThreads, byWork));
    }

    /**
     * Cuts the stations into {@code blockCount} blocks of about equal row counts.
     *
     * @param starts the station offsets ({@code stationCount + 1} entries, the last is the row count)
     * @param stationCount the station count
     * @param blockCount the number of blocks, 0 only when there is no station
     * @return the blocks and their scratch slices
     */
    public static StationBlocks plan(int[] starts, int stationCount, int blockCount) {
        long rows = starts[stationCount];
        int[] blockStations = new int[blockCount + 1];
        int station = 0;
        for (int b = 1; b < blockCount; b++) {
            long cut = b * rows / blockCount;
            while (station < stationCount && starts[station] < cut) {
                station++;
            }
            blockStations[b] = station;
        }
        blockStations[blockCount] = stationCount;
        int[] scratchOffsets = new int[blockCount + 1];
        for (int b = 0; b < blockCount; b++) {
            int longest = 0;
            for (int s = blockStations[b]; s < blockStations[b + 1]; s++) {
                longest = Math.max(longest, starts[s + 1] - starts[s]);
            }
            scratchOffsets[b + 1] = scratchOffsets[b] + longest;
        }
        return new StationBlocks(blockStations, scratchOffsets);
    }

    /**
     * The number of blocks.
     *
     * @return the block count
     */
    public int blockCount() {
        return blockStations.length - 1;
    }

    /**
     * The scratch length all blocks need together.
     *
     * @return the sum of the blocks' longest stations
     */
    public int scratchLength() {
        return scratchOffsets[scratchOffsets.length - 1];
    }
}
