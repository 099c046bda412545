package dev.stride.weather.spark;

import dev.stride.weather.io.Hdf5ColumnsWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Station data for the Spark tests: stations of chosen lengths with an AR(1)-ish level, single spikes, runs of
 * missing values and stuck sensors, so that both the default parameters and {@code --exclude-point} find
 * outliers; written as HDF5 columns or ISD-Lite files.
 */
final class TestData {

    /** Hourly rows from 2000-01-01. */
    static final double START = 946_684_800.0;

    private TestData() {}

    /** Columns of rows grouped by station. */
    record Columns(long[] station, double[] timestamp, double[] value) {
        int rows() {
            return station.length;
        }
    }

    /**
     * Builds columns from station lengths; station {@code k} has id {@code 10_000 + 10 k}.
     *
     * @param lengths the rows of each station, in order
     * @param seed the seed of the values
     * @return the columns
     */
    static Columns stations(List<Integer> lengths, long seed) {
        int rows = lengths.stream().mapToInt(Integer::intValue).sum();
        long[] station = new long[rows];
        double[] timestamp = new double[rows];
        double[] value = new double[rows];
        SplittableRandom random = new SplittableRandom(seed);
        int row = 0;
        for (int k = 0; k < lengths.size(); k++) {
            double level = 20 + random.nextInt(40);
            int stuck = 0;
            int missing = random.nextInt(20) == 0 ? 1 + random.nextInt(5) : 0;
            for (int i = 0; i < lengths.get(k); i++, row++) {
                station[row] = 10_000 + 10L * k;
                timestamp[row] = START + 3_600.0 * i + random.nextInt(300);
                level = Math.max(0, 0.9 * level + 0.1 * 30 + random.nextGaussian() * 3);
                if (stuck == 0 && random.nextInt(2_000) == 0) {
                    stuck = 50 + random.nextInt(150);
                }
                double v = stuck > 0 ? 25 : Math.rint(level);
                stuck = Math.max(0, stuck - 1);
                if (random.nextInt(400) == 0) {
                    v += 150 + random.nextInt(100);
                }
                if (missing > 0) {
                    v = Double.NaN;
                    missing--;
                } else if (random.nextInt(1_000) == 0) {
                    missing = random.nextInt(30);
                }
                value[row] = v;
            }
        }
        return new Columns(station, timestamp, value);
    }

    /**
     * Station lengths from 1 to {@code maxLength} rows, log-uniform, that put a station across every nominal cut
     * {@code rows * k / parts} of {@code rows} rows: a station that would end exactly on a cut is made one row
     * longer. The first station is {@code firstLength} long, so it can cover several cuts.
     *
     * @param rows the total rows
     * @param parts the nominal parts
     * @param firstLength the first station's length
     * @param maxLength the longest of the other stations
     * @param seed the seed
     * @return the lengths, summing to {@code rows}
     */
    static List<Integer> lengthsAcrossCuts(int rows, int parts, int firstLength, int maxLength, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        List<Integer> lengths = new ArrayList<>();
        lengths.add(firstLength);
        int end = firstLength;
        while (end < rows) {
            int length = (int) Math.min(rows - end, Math.round(Math.pow(maxLength, random.nextDouble())));
            if (isCut(end + length, rows, parts) && end + length < rows) {
                length++;
            }
            lengths.add(length);
            end += length;
        }
        return lengths;
    }

    /** Whether a row is one of the nominal cuts {@code rows * k / parts}, 0 < k < parts. */
    static boolean isCut(long row, long rows, int parts) {
        for (int k = 1; k < parts; k++) {
            if (rows * k / parts == row) {
                return true;
            }
        }
        return false;
    }

    /**
     * Writes one HDF5 file of {@code wind_speed_rate}.
     *
     * @param file the file
     * @param columns the columns
     * @return the file
     */
    static Path writeHdf5(Path file, Columns columns) {
        Hdf5ColumnsWriter.write(file, "wind_speed_rate", columns.station(), columns.timestamp(), columns.value());
        return file;
    }

    /**
     * Writes the columns as ISD-Lite files, one per station and year ({@code USAF-99999-YYYY}); the USAF id is
     * the station id, times are whole hours, values are wind speed in tenths (-9999 for missing).
     *
     * @param folder the folder to fill
     * @param columns the columns
     * @throws IOException when writing fails
     */
    static void writeIsdLite(Path folder, Columns columns) throws IOException {
        StringBuilder lines = new StringBuilder();
        String current = null;
        for (int row = 0; row < columns.rows(); row++) {
            ZonedDateTime time = Instant.ofEpochSecond(3_600L * (long) (columns.timestamp()[row] / 3_600))
                    .atZone(ZoneOffset.UTC);
            String name = String.format("%06d-99999-%04d", columns.station()[row], time.getYear());
            if (!name.equals(current)) {
                flush(folder, current, lines);
                current = name;
            }
            double v = columns.value()[row];
            lines.append(String.format(
                    "%04d %02d %02d %02d %5d %5d %5d %5d %5d %5d %5d %5d%n",
                    time.getYear(),
                    time.getMonthValue(),
                    time.getDayOfMonth(),
                    time.getHour(),
                    -9999,
                    -9999,
                    -9999,
                    -9999,
                    Double.isNaN(v) ? -9999 : (int) v,
                    -9999,
                    -9999,
                    -9999));
        }
        flush(folder, current, lines);
    }

    private static void flush(Path folder, String name, StringBuilder lines) throws IOException {
        if (name != null) {
            Files.writeString(folder.resolve(name), lines, StandardCharsets.US_ASCII);
        }
        lines.setLength(0);
    }
}
