package dev.stride.weather;

/**
 * The working arrays of one detection call, kept by an {@link OutlierDetector} between calls so that repeated
 * calls (one per chunk of a large input, or a benchmark's runs) allocate nothing row-sized: the filled values
 * and window statistics of the blocks' scratch slices, a flag byte per row, and the station offsets. Arrays only
 * grow (by an eighth more than asked, so slowly growing chunks do not reallocate every time); every call
 * overwrites what it reads (each row's flag, each station's scratch slice), so nothing is cleared.
 *
 * <p>Not thread-safe: the detector hands a scratch to one call at a time.
 */
final class DetectionScratch {

    private double[] filled = new double[0];
    private double[] mean = new double[0];
    private double[] std = new double[0];
    private byte[] flags = new byte[0];
    private int[] starts = new int[0];

    /**
     * Makes the scratch hold at least {@code rows} flags and {@code scratchLength} scratch values.
     *
     * @param rows the row count of the call
     * @param scratchLength the total length of the blocks' scratch slices
     */
    void reserve(int rows, int scratchLength) {
        if (filled.length < scratchLength) {
            int length = grown(scratchLength);
            filled = new double[length];
            mean = new double[length];
            std = new double[length];
        }
        if (flags.length < rows) {
            flags = new byte[grown(rows)];
        }
    }

    /**
     * Station offsets with room for at least {@code length} entries; the contents are not kept.
     *
     * @param length the entries needed
     * @return an array of at least that length
     */
    int[] starts(int length) {
        if (starts.length < length) {
            starts = new int[grown(length)];
        }
        return starts;
    }

    double[] filled() {
        return filled;
    }

    double[] mean() {
        return mean;
    }

    double[] std() {
        return std;
    }

    byte[] flags() {
        return flags;
    }

    private static int grown(int length) {
        return (int) Math.min(Integer.MAX_VALUE - 8, length + (long) length / 8);
    }
}
