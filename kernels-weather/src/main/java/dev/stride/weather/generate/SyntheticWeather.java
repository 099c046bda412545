package dev.stride.weather.generate;

import java.util.SplittableRandom;

/**
 * Deterministic synthetic ISD-Lite-shaped wind data: hourly-ish observations per station, in tenths of m/s, NaN
 * for missing. Every station's content depends only on the seed and the station's number, so any split into
 * files gives the same rows.
 *
 * <p>What the series contain, and why (each shape exercises a rule of the detector):
 *
 * <ul>
 *   <li>station lengths from a few rows (too short to hold a window) to 200,000, log-uniform;
 *   <li>a cadence of one hour with a few minutes of jitter and occasional gaps of several hours;
 *   <li>an autocorrelated (AR(1)) level around a per-station mean, rounded to whole tenths, never negative;
 *   <li>runs of missing values, stations whose first values are missing, calm periods (zeros), stuck sensors
 *       (a constant run: its end is what the default parameters find), storm peaks of a day or two, and
 *       single spikes.
 * </ul>
 */
public final class SyntheticWeather {

    /** First station id, shaped like a USAF id. */
    static final long FIRST_STATION = 10_010;

    private static final double HOUR = 3_600.0;
    private static final double START_2000 = 946_684_800.0;

    private final long seed;

    /**
     * Creates a generator.
     *
     * @param seed the seed; equal seeds give equal data
     */
    public SyntheticWeather(long seed) {
        this.seed = seed;
    }

    /**
     * The length of station {@code k}: 4% are too short for a window (1 to 80 rows), the others log-uniform
     * between 200 and 200,000 rows.
     *
     * @param k the station number
     * @return the number of rows
     */
    public int stationLength(int k) {
        SplittableRandom random = random(k, 1);
        if (random.nextDouble() < 0.04) {
            return 1 + random.nextInt(80);
        }
        return (int) Math.round(200 * Math.pow(1000, random.nextDouble()));
    }

    /**
     * The id of station {@code k}.
     *
     * @param k the station number
     * @return the id
     */
    public static long stationId(int k) {
        return FIRST_STATION + 10L * k;
    }

    /**
     * Writes the first {@code length} rows of station {@code k} at {@code offset}.
     *
     * @param k the station number
     * @param length the rows to write (at most {@link #stationLength})
     * @param offset where in the arrays
     * @param station receives the id
     * @param timestamp receives epoch seconds
     * @param value receives tenths of m/s or NaN
     */
    public void fillStation(int k, int length, int offset, long[] station, double[] timestamp, double[] value) {
        SplittableRandom random = random(k, 2);
        long id = stationId(k);
        double mean = 20 + random.nextInt(60);
        double sigma = 5 + random.nextInt(20);
        double phi = 0.8 + 0.15 * random.nextDouble();
        double start = START_2000 + HOUR * random.nextInt(24 * 3650);
        int leadingMissing = random.nextDouble() < 0.05 ? 1 + random.nextInt(200) : 0;
        double level = mean;
        long slot = 0;
        int missing = 0;
        int calm = 0;
        int stuck = 0;
        double stuckValue = 0;
        int storm = 0;
        int stormLength = 1;
        double stormPeak = 0;
        for (int i = 0; i < length; i++) {
            int row = offset + i;
            slot += random.nextDouble() < 0.002 ? 2 + random.nextInt(12) : 1;
            station[row] = id;
            timestamp[row] = start + slot * HOUR + (random.nextInt(601) - 300);
            level = mean + phi * (level - mean) + sigma * Math.sqrt(1 - phi * phi) * random.nextGaussian();
            double v = Math.max(0, Math.rint(level));
            if (storm == 0 && random.nextDouble() < 0.0003) {
                stormLength = 12 + random.nextInt(61);
                storm = stormLength;
                stormPeak = 100 + random.nextInt(151);
            }
            if (storm > 0) {
                v += Math.rint(stormPeak * Math.sin(Math.PI * (stormLength - storm) / stormLength));
                storm--;
            }
            if (random.nextDouble() < 0.0002) {
                v += 300 + random.nextInt(301);
            }
            if (calm == 0 && random.nextDouble() < 0.001) {
                calm = 3 + random.nextInt(28);
            }
            if (calm > 0) {
                v = 0;
                calm--;
            }
            if (stuck == 0 && random.nextDouble() < 0.0005) {
                stuck = 10 + random.nextInt(291);
                stuckValue = v;
            }
            if (stuck > 0) {
                v = stuckValue;
                stuck--;
            }
            if (missing == 0 && random.nextDouble() < 0.002) {
                missing = 1 + random.nextInt(48);
            }
            if (missing > 0 || i < leadingMissing) {
                v = Double.NaN;
                missing = Math.max(0, missing - 1);
            }
            value[row] = v;
        }
    }

    private SplittableRandom random(int k, int stream) {
        return new SplittableRandom(seed * 0x9E3779B97F4A7C15L + k * 0xBF58476D1CE4E5B9L + stream);
    }
}
