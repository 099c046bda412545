package dev.stride.weather;

/**
 * Bad input: a missing file or dataset, columns of different lengths, rows not grouped by station or not
 * time-ordered, a malformed ISD-Lite line. The message is one line that names the place (file, row or line);
 * the command line reports it on stderr with exit code 2.
 *
 * <p>An exception about a row of the columns given to {@link OutlierDetector#detect} carries that local row
 * ({@link #row()}) and the rule broken ({@link #detail()}), so a caller that passed a chunk of a larger input
 * can restate the place as a row of the whole file.
 */
public final class WeatherInputException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final long row;
    private final String detail;

    /**
     * Creates the exception.
     *
     * @param message one line naming the rule and the place
     */
    public WeatherInputException(String message) {
        this(message, null);
    }

    /**
     * Creates the exception with its cause.
     *
     * @param message one line naming the rule and the place
     * @param cause the underlying failure, or null
     */
    public WeatherInputException(String message, Throwable cause) {
        super(message, cause);
        this.row = -1;
        this.detail = message;
    }

    private WeatherInputException(long row, String detail) {
        super("row " + row + ": " + detail);
        this.row = row;
        this.detail = detail;
    }

    /**
     * An error about one row of the columns passed in.
     *
     * @param row the row index in those columns
     * @param detail the rule broken, without the place
     * @return the exception
     */
    public static WeatherInputException atRow(long row, String detail) {
        return new WeatherInputException(row, detail);
    }

    /**
     * The offending row of the columns passed in, or -1 when the error is not about one row.
     *
     * @return the row or -1
     */
    public long row() {
        return row;
    }

    /**
     * The rule broken, without the place.
     *
     * @return the detail
     */
    public String detail() {
        return detail;
    }
}
