package dev.stride.weather.engine;

import dev.stride.weather.kernels.WeatherKernels;

/** Calls {@link WeatherKernels} directly: whatever the build made of it (rewritten when Stride compiled it). */
final class StrideEngine implements KernelEngine {

    @Override
    public String name() {
        return "stride";
    }

    @Override
    public int countStationRuns(long[] station) {
        return WeatherKernels.countStationRuns(station);
    }

    @Override
    public int scanStations(long[] station, double[] timestamp, int[] starts, int[] firstUnordered) {
        return WeatherKernels.scanStations(station, timestamp, starts, firstUnordered);
    }

    @Override
    public int firstRegroupedRow(long[] station, int[] starts, int runCount) {
        return WeatherKernels.firstRegroupedRow(station, starts, runCount);
    }

    @Override
    public void detectBlocks(
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
            int[] outlierCounts) {
        WeatherKernels.detectBlocks(
                value,
                starts,
                blockStations,
                blockOffsets,
                blockCount,
                window,
                threshold,
                excludePoint,
                slidingSum,
                filled,
                mean,
                std,
                flags,
                outlierCounts);
    }

    @Override
    public int compactFlags(byte[] flags, int from, int to, int[] rows, int offset) {
        return WeatherKernels.compactFlags(flags, from, to, rows, offset);
    }
}
