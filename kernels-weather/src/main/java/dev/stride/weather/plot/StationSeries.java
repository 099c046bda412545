package dev.stride.weather.plot;

import dev.stride.weather.OutlierDetector;
import dev.stride.weather.engine.KernelEngine;
import dev.stride.weather.io.ColumnChunk;
import dev.stride.weather.kernels.WeatherKernels;
import java.util.Arrays;

/**
 * One station's series prepared for plotting: the raw values, and for every row the mean and standard deviation
 * of the window its test used (the window ending at the row, or just before it with {@code excludePoint}),
 * and whether it is an outlier.
 *
 * @param timestamp epoch seconds
 * @param value raw values, NaN for missing
 * @param mean the tested window's mean per row, NaN where there is none
 * @param std the tested window's standard deviation per row
 * @param outlier whether each row is an outlier
 */
public record StationSeries(double[] timestamp, double[] value, double[] mean, double[] std, boolean[] outlier) {

    /**
     * The rows of one station in a chunk, as a chunk of their own.
     *
     * @param chunk a chunk of whole stations
     * @param station the wanted id
     * @return its rows, or null when the chunk does not hold it
     */
    public static ColumnChunk select(ColumnChunk chunk, long station) {
        long[] ids = chunk.station();
        int from = 0;
        while (from < ids.length && ids[from] != station) {
            from++;
        }
        if (from == ids.length) {
            return null;
        }
        int to = from;
        while (to < ids.length && ids[to] == station) {
            to++;
        }
        return new ColumnChunk(
                chunk.source(),
                chunk.firstRow() + from,
                Arrays.copyOfRange(ids, from, to),
                Arrays.copyOfRange(chunk.timestamp(), from, to),
                Arrays.copyOfRange(chunk.value(), from, to));
    }

    /**
     * Computes the statistics and outliers of one station's rows, with the detector's own code.
     *
     * @param rows one station's rows
     * @param parameters the detection parameters
     * @return the series
     */
    public static StationSeries compute(ColumnChunk rows, OutlierDetector.Parameters parameters) {
        int size = rows.size();
        double[] filled = new double[size];
        double[] windowMean = new double[size];
        double[] windowStd = new double[size];
        WeatherKernels.fillForward(rows.value(), 0, size, filled, 0);
        if (parameters.slidingSum()) {
            WeatherKernels.rollingMeanStdSliding(filled, 0, size, parameters.window(), windowMean, windowStd);
        } else {
            WeatherKernels.rollingMean(filled, 0, size, parameters.window(), windowMean);
            WeatherKernels.rollingStd(filled, 0, size, parameters.window(), windowMean, windowStd);
        }
        int shift = parameters.excludePoint() ? 1 : 0;
        double[] mean = new double[size];
        double[] std = new double[size];
        Arrays.fill(mean, Double.NaN);
        Arrays.fill(std, Double.NaN);
        for (int i = shift; i < size; i++) {
            mean[i] = windowMean[i - shift];
            std[i] = windowStd[i - shift];
        }
        boolean[] outlier = new boolean[size];
        OutlierDetector detector = new OutlierDetector(parameters, KernelEngine.stride());
        for (int row :
                detector.detect(rows.station(), rows.timestamp(), rows.value()).rows()) {
            outlier[row] = true;
        }
        return new StationSeries(rows.timestamp(), rows.value(), mean, std, outlier);
    }

    /**
     * The rows with {@code from <= timestamp < to}.
     *
     * @param from first time (epoch seconds)
     * @param to end time (exclusive)
     * @return the slice
     */
    public StationSeries between(double from, double to) {
        int first = 0;
        while (first < timestamp.length && timestamp[first] < from) {
            first++;
        }
        int end = first;
        while (end < timestamp.length && timestamp[end] < to) {
            end++;
        }
        return new StationSeries(
                Arrays.copyOfRange(timestamp, first, end),
                Arrays.copyOfRange(value, first, end),
                Arrays.copyOfRange(mean, first, end),
                Arrays.copyOfRange(std, first, end),
                Arrays.copyOfRange(outlier, first, end));
    }

    /**
     * The number of rows.
     *
     * @return the row count
     */
    public int size() {
        return timestamp.length;
    }

    /**
     * The number of outliers.
     *
     * @return the outlier count
     */
    public int outlierCount() {
        int count = 0;
        for (boolean flagged : outlier) {
            count += flagged ? 1 : 0;
        }
        return count;
    }
}
