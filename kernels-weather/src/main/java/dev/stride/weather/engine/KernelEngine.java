package dev.stride.weather.engine;

import java.util.Locale;

/**
 * The kernel entry points the detector calls, so the same pipeline can run the Stride-rewritten kernels or the
 * plain original code in one JVM. Each method mirrors the {@link dev.stride.weather.kernels.WeatherKernels}
 * method of the same name.
 */
public interface KernelEngine {

    /**
     * The engine's name as given on the command line.
     *
     * @return {@code stride} or {@code plain}
     */
    String name();

    /**
     * See {@link dev.stride.weather.kernels.WeatherKernels#countStationRuns}.
     *
     * @param station station ids
     * @return the number of runs
     */
    int countStationRuns(long[] station);

    /**
     * See {@link dev.stride.weather.kernels.WeatherKernels#scanStations}.
     *
     * @param station station ids
     * @param timestamp times
     * @param starts receives the run offsets
     * @param firstUnordered receives the first row that goes back in time, or -1
     * @return the number of runs, or -1 when {@code starts} is too short
     */
    int scanStations(long[] station, double[] timestamp, int[] starts, int[] firstUnordered);

    /**
     * See {@link dev.stride.weather.kernels.WeatherKernels#firstRegroupedRow}.
     *
     * @param station station ids
     * @param starts run offsets
     * @param runCount number of runs
     * @return the first offending row, or -1
     */
    int firstRegroupedRow(long[] station, int[] starts, int runCount);

    /**
     * See {@link dev.stride.weather.kernels.WeatherKernels#detectBlocks}.
     *
     * @param value raw values
     * @param starts station offsets
     * @param blockStations first station of every block, then the station count
     * @param blockOffsets scratch offset of every block
     * @param blockCount number of blocks
     * @param window window length
     * @param threshold threshold
     * @param excludePoint test the point after the window
     * @param slidingSum use running sums
     * @param filled scratch
     * @param mean scratch
     * @param std scratch
     * @param flags outlier flags
     * @param outlierCounts outliers per station
     */
    void detectBlocks(
            double[] value,
            int[] starts,
            int[] blockStations,
            int[] blockOffsets,
            int blockCount,
            int window,
            double threshold,
            boolean excludePoint,
            boolean slidingSum,
            double[] filled,
            double[] mean,
            double[] std,
            byte[] flags,
            int[] outlierCounts);

    /**
     * See {@link dev.stride.weather.kernels.WeatherKernels#compactFlags}.
     *
     * @param flags outlier flags
     * @param from first row
     * @param to end row
     * @param rows receives row indices
     * @param offset first position
     * @return the position after the last index
     */
    int compactFlags(byte[] flags, int from, int to, int[] rows, int offset);

    /**
     * The engine that calls the kernel class as loaded (rewritten by the build when Stride compiled it).
     *
     * @return the stride engine
     */
    static KernelEngine stride() {
        return new StrideEngine();
    }

    /**
     * The engine that calls the original, un-rewritten kernel code.
     *
     * @return the plain engine
     */
    static KernelEngine plain() {
        return PlainEngine.create();
    }

    /**
     * The engine with the given name.
     *
     * @param name {@code stride} or {@code plain} (case-insensitive)
     * @return the engine
     * @throws IllegalArgumentException for another name
     */
    static KernelEngine byName(String name) {
        return switch (name.toLowerCase(Locale.ROOT)) {
            case "stride" -> stride();
            case "plain" -> plain();
            default -> throw new IllegalArgumentException("unknown engine '" + name + "' (expected stride or plain)");
        };
    }
}
