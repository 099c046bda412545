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
    public int stationRanges(long[] station, int[] starts) {
        return WeatherKernels.stationRanges(station, starts);
    }

    @Override
    public int firstRegroupedRow(long[] station, int[] starts, int runCount) {
        return WeatherKernels.firstRegroupedRow(station, starts, runCount);
    }

    @Override
    public int firstUnorderedRow(long[] station, double[] timestamp) {
        return WeatherKernels.firstUnorderedRow(station, timestamp);
    }

    @Override
    public void detectStations(
            double[] value,
            int[] starts,
            int stationCount,
            int window,
            double threshold,
            boolean excludePoint,
            boolean slidingSum,
            double[] filled,
            double[] mean,
            double[] std,
            byte[] flags,
            int[] outlierCounts) {
        WeatherKernels.detectStations(
                value,
                starts,
                stationCount,
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
