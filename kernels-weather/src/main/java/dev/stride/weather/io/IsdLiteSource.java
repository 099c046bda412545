package dev.stride.weather.io;

import dev.stride.weather.WeatherInputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Streams a folder (searched recursively) of ISD-Lite files. Files are named {@code USAF-WBAN-YYYY} (optionally
 * {@code .gz}); other files are ignored. They are ordered by USAF id, then WBAN id, then year, so the rows of a
 * station are contiguous and time-ordered; the USAF id must be numeric and becomes {@code station_usaf}. A chunk
 * holds whole stations and closes once it reaches {@code chunkRows} rows.
 */
public final class IsdLiteSource implements ChunkSource {

    /** {@code USAF-WBAN-YYYY} with an optional {@code .gz}. */
    static final Pattern FILE_NAME = Pattern.compile("([0-9A-Za-z]{6})-([0-9]{5})-([0-9]{4})(\\.gz)?");

    private final String source;
    private final List<StationFile> files;
    private final IsdLiteField field;
    private final int chunkRows;
    private final ColumnBuffers buffers = new ColumnBuffers();
    private int next;
    private long rowsDelivered;

    private IsdLiteSource(String source, List<StationFile> files, IsdLiteField field, int chunkRows) {
        this.source = source;
        this.files = files;
        this.field = field;
        this.chunkRows = chunkRows;
    }

    /**
     * Lists the ISD-Lite files under a folder (or the single file given).
     *
     * @param path a folder, or one ISD-Lite file
     * @param field the measurement to read
     * @param chunkRows the target rows per chunk
     * @return the source
     * @throws IOException when the folder cannot be listed
     * @throws WeatherInputException when there is no ISD-Lite file or a USAF id is not numeric
     */
    public static IsdLiteSource open(Path path, IsdLiteField field, int chunkRows) throws IOException {
        return ofFiles(path.toString(), listFiles(path), field, chunkRows);
    }

    /**
     * Lists the ISD-Lite files under a folder (or the single file given) in reading order: by USAF id, then WBAN
     * id, then year. A caller that distributes the work (the Spark job) cuts this list between USAF ids and reads
     * each part with {@link #ofFiles}.
     *
     * @param path a folder, or one ISD-Lite file
     * @return the files, in reading order, never empty
     * @throws IOException when the folder cannot be listed
     * @throws WeatherInputException when there is no ISD-Lite file or a USAF id is not numeric
     */
    public static List<Path> listFiles(Path path) throws IOException {
        List<StationFile> files = new ArrayList<>();
        if (Files.isDirectory(path)) {
            try (Stream<Path> walk = Files.walk(path)) {
                for (Path file : walk.filter(Files::isRegularFile).toList()) {
                    StationFile parsed = StationFile.of(file);
                    if (parsed != null) {
                        files.add(parsed);
                    }
                }
            }
        } else if (Files.isRegularFile(path) && StationFile.of(path) != null) {
            files.add(StationFile.of(path));
        }
        if (files.isEmpty()) {
            throw new WeatherInputException(path + ": no ISD-Lite files (named USAF-WBAN-YYYY or USAF-WBAN-YYYY.gz)");
        }
        files.sort(Comparator.comparingLong(StationFile::usaf)
                .thenComparing(StationFile::wban)
                .thenComparingInt(StationFile::year));
        return files.stream().map(StationFile::path).toList();
    }

    /**
     * Reads the given files, in the order given, as one source.
     *
     * @param source the name of the input, for messages (the folder the files were listed from)
     * @param files ISD-Lite files in reading order ({@link #listFiles}), the files of one USAF id together
     * @param field the measurement to read
     * @param chunkRows the target rows per chunk
     * @return the source
     * @throws WeatherInputException when a file is not named like an ISD-Lite file or its USAF id is not numeric
     */
    public static IsdLiteSource ofFiles(String source, List<Path> files, IsdLiteField field, int chunkRows) {
        List<StationFile> parsed = new ArrayList<>();
        for (Path file : files) {
            StationFile stationFile = StationFile.of(file);
            if (stationFile == null) {
                throw new WeatherInputException(file + ": not an ISD-Lite file name (USAF-WBAN-YYYY[.gz])");
            }
            parsed.add(stationFile);
        }
        return new IsdLiteSource(source, parsed, field, chunkRows);
    }

    /**
     * The station id ({@code station_usaf}) of an ISD-Lite file: the USAF id of its name.
     *
     * @param file an ISD-Lite file
     * @return the numeric USAF id
     * @throws WeatherInputException when the name is not an ISD-Lite name or the USAF id is not numeric
     */
    public static long stationId(Path file) {
        StationFile parsed = StationFile.of(file);
        if (parsed == null) {
            throw new WeatherInputException(file + ": not an ISD-Lite file name (USAF-WBAN-YYYY[.gz])");
        }
        return parsed.usaf();
    }

    /**
     * Whether a path names an ISD-Lite file.
     *
     * @param path any path
     * @return true for {@code USAF-WBAN-YYYY[.gz]}
     */
    public static boolean isIsdLiteName(Path path) {
        return FILE_NAME.matcher(path.getFileName().toString()).matches();
    }

    @Override
    public long totalRows() {
        return -1;
    }

    @Override
    public ColumnChunk next() throws IOException {
        if (next >= files.size()) {
            return null;
        }
        while (next < files.size()) {
            long usaf = files.get(next).usaf();
            while (next < files.size() && files.get(next).usaf() == usaf) {
                IsdLiteParser.parse(files.get(next).path(), field, usaf, buffers);
                next++;
            }
            if (buffers.size() >= chunkRows) {
                break;
            }
        }
        ColumnChunk chunk = buffers.drain(source, rowsDelivered);
        rowsDelivered += chunk.size();
        return chunk;
    }

    @Override
    public void close() {
        // files are opened and closed one at a time in next()
    }

    /** One file with the ids parsed from its name. */
    record StationFile(Path path, long usaf, String wban, int year) {

        static StationFile of(Path path) {
            Matcher matcher = FILE_NAME.matcher(path.getFileName().toString());
            if (!matcher.matches()) {
                return null;
            }
            long usaf;
            try {
                usaf = Long.parseLong(matcher.group(1));
            } catch (NumberFormatException e) {
                throw new WeatherInputException(
                        path + ": USAF id '" + matcher.group(1)
                                + "' is not numeric and cannot become an int64 station_usaf",
                        e);
            }
            return new StationFile(path, usaf, matcher.group(2), Integer.parseInt(matcher.group(3)));
        }
    }
}
