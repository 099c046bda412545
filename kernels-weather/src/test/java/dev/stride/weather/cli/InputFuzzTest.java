package dev.stride.weather.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.stride.weather.io.OutlierCsvWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Fuzzed weather input (issue #9): ISD-Lite files with one damaged line and HDF5 files with damaged bytes. Every
 * run must end in bounded time either successfully with a complete CSV, or with exit code 2, a message naming the
 * file (and for ISD-Lite the line), no stack trace, and no output file or temporary file left behind.
 */
class InputFuzzTest {
    private static final int ISD_CASES = Integer.getInteger("stride.weather.fuzz.isd", 150);
    private static final int HDF5_CASES = Integer.getInteger("stride.weather.fuzz.hdf5", 40);
    private static final Duration BOUND = Duration.ofSeconds(60);
    private static final String STATION_FILE = "010010-99999-2020";

    @TempDir
    Path folder;

    @Test
    void damagedIsdLiteLinesAreReportedWithFileAndLine() throws IOException {
        List<String> lines = isdLiteLines(200);
        int rejected = 0;
        for (int k = 0; k < ISD_CASES; k++) {
            SplittableRandom random = new SplittableRandom(k);
            int target = random.nextInt(lines.size());
            List<String> damaged = new ArrayList<>(lines);
            damaged.set(target, damage(lines.get(target), random));
            Path input = Files.createDirectories(folder.resolve("isd-" + k));
            Files.write(input.resolve(STATION_FILE), damaged);
            Path csv = folder.resolve("isd-" + k + ".csv");

            Result result = detect(input, csv, "ISD case " + k);

            if (result.code() == 2) {
                rejected++;
                // a line moved later in time is only wrong in relation to the next one, which names it
                boolean atTheLine = result.err().contains(STATION_FILE + ":" + (target + 1) + ": ");
                boolean atTheNext = result.err().contains(STATION_FILE + ":" + (target + 2) + ": ")
                        && result.err().contains("earlier than line " + (target + 1) + "'s");
                assertTrue(atTheLine || atTheNext, "case " + k + " damaged line " + (target + 1) + ": " + result.err());
            }
        }
        assertTrue(rejected > ISD_CASES / 2, "only " + rejected + " of " + ISD_CASES + " damaged files rejected");
    }

    @Test
    void damagedHdf5FilesAreReportedWithTheFile() throws IOException {
        Path original = folder.resolve("clean.h5");
        Result generated = run("generate", "--rows", "20000", "--seed", "5", "--out", original.toString());
        assertEquals(0, generated.code(), generated.err());
        byte[] bytes = Files.readAllBytes(original);
        int rejected = 0;
        for (int k = 0; k < HDF5_CASES; k++) {
            SplittableRandom random = new SplittableRandom(1000 + k);
            Path input = folder.resolve("damaged-" + k + ".h5");
            Files.write(input, damage(bytes, random));
            Path csv = folder.resolve("hdf5-" + k + ".csv");

            Result result = detect(input, csv, "HDF5 case " + k);

            if (result.code() == 2) {
                rejected++;
                assertTrue(result.err().contains(input.getFileName().toString()), "case " + k + ": " + result.err());
            }
        }
        assertTrue(rejected > 0, "no damaged HDF5 file was rejected");
    }

    private Result detect(Path input, Path csv, String what) {
        Result result = assertTimeoutPreemptively(
                BOUND, () -> run("detect", "--input", input.toString(), "--output", csv.toString()), what);
        assertTrue(result.code() == 0 || result.code() == 2, what + ": exit " + result.code() + "\n" + result.err());
        assertFalse(result.err().contains("\tat "), what + ": stack trace\n" + result.err());
        assertFalse(result.err().contains("Exception"), what + ": unexplained exception\n" + result.err());
        if (result.code() == 0) {
            try {
                assertEquals(OutlierCsvWriter.HEADER, Files.readAllLines(csv).getFirst(), what);
            } catch (IOException e) {
                throw new AssertionError(what, e);
            }
        } else {
            assertFalse(Files.exists(csv), what + ": output written despite the error");
        }
        assertNoTemporaryFiles(csv.getParent(), what);
        return result;
    }

    /** An hourly record per line for one station, wind speed varying, some values missing. */
    private static List<String> isdLiteLines(int count) {
        List<String> lines = new ArrayList<>();
        for (int k = 0; k < count; k++) {
            int day = 1 + k / 24;
            int wind = k % 17 == 0 ? -9999 : 10 + (k * 37) % 90;
            lines.add(String.format(
                    Locale.ROOT,
                    "2020 01 %02d %02d %5d %5d %5d %5d %5d %5d %5d %5d",
                    day,
                    k % 24,
                    -33,
                    -72,
                    10171,
                    300,
                    wind,
                    0,
                    -9999,
                    -9999));
        }
        return lines;
    }

    /** One damage of the kinds seen in real feeds: a bad character, a cut line, junk appended, a field shifted. */
    private static String damage(String line, SplittableRandom random) {
        int at = random.nextInt(line.length());
        return switch (random.nextInt(5)) {
            case 0 -> line.substring(0, at) + "x?#".charAt(random.nextInt(3)) + line.substring(at + 1);
            case 1 -> line.substring(0, at);
            case 2 -> line.substring(0, at) + line.substring(Math.min(line.length(), at + 1 + random.nextInt(4)));
            case 3 -> line.substring(0, at) + "99999999999" + line.substring(at);
            default -> line.substring(0, 11) + " 25" + line.substring(14);
        };
    }

    /** Flipped bytes, an overwritten range or a cut: the damage of a partial copy or a bad disk. */
    private static byte[] damage(byte[] original, SplittableRandom random) {
        byte[] bytes = original.clone();
        switch (random.nextInt(3)) {
            case 0 -> {
                for (int k = 0; k < 1 + random.nextInt(8); k++) {
                    bytes[random.nextInt(bytes.length)] ^= (byte) (1 << random.nextInt(8));
                }
            }
            case 1 -> {
                int at = random.nextInt(Math.min(bytes.length, 4096));
                for (int k = at; k < Math.min(bytes.length, at + 64); k++) {
                    bytes[k] = (byte) random.nextInt(256);
                }
            }
            default -> {
                return java.util.Arrays.copyOf(bytes, random.nextInt(bytes.length));
            }
        }
        return bytes;
    }

    private static void assertNoTemporaryFiles(Path directory, String what) {
        try (Stream<Path> files = Files.list(directory)) {
            assertTrue(files.noneMatch(p -> p.getFileName().toString().endsWith(".tmp")), what + ": temporary file");
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private static Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = WeatherCommand.run(new PrintWriter(out), new PrintWriter(err), args);
        return new Result(code, out.toString(), err.toString());
    }

    private record Result(int code, String out, String err) {}
}
