package dev.stride.maven;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What the last Stride run over one class directory read and wrote, so the next run can skip what it already
 * did: the plugin's idempotency and incrementality rest on this file, not on the compiler's marker annotation.
 *
 * <p>For every class file the state holds the hash of the bytes the compiler was given (javac's output, or the
 * stored original) and the hash of the bytes left in the directory. A class whose current bytes hash to the
 * recorded output was handled by this run's {@link #fingerprint() fingerprint} and is skipped. The fingerprint
 * names the Stride version, the compiler jar's hash and the options: when it changes, rewritten classes are
 * compiled again from their stored originals.
 *
 * <p>The file is plain text, one tab-separated line per class file in path order, so equal builds leave equal
 * state files.
 *
 * @param fingerprint the Stride version, compiler hash and options this state was produced with
 * @param entries per relative class-file path, what was recorded
 */
record BuildState(String fingerprint, Map<String, Entry> entries) {
    private static final String HEADER = "# Stride build state (target/stride): delete to force a full Stride run";
    private static final String FINGERPRINT = "fingerprint\t";

    /** What the run did with a class file. */
    enum Kind {
        /** The class has no Stride annotations: nothing to do. */
        PLAIN,
        /** The class was compiled; the output is the rewritten class or, when the compiler changed nothing, the input. */
        COMPILED,
        /** The file was written by Stride (an added class such as a SIMD holder), not by javac. */
        ADDED
    }

    /**
     * One class file's record.
     *
     * @param kind what was done
     * @param inputHash hash of the bytes given to the compiler
     * @param outputHash hash of the bytes left in the directory
     * @param produced relative paths of the added classes and resources written for it
     */
    record Entry(Kind kind, String inputHash, String outputHash, List<String> produced) {}

    static BuildState empty(String fingerprint) {
        return new BuildState(fingerprint, new TreeMap<>());
    }

    /** Reads a state file; a missing or unreadable file is an empty state, so the run starts from scratch. */
    static BuildState read(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            return empty("");
        }
        String fingerprint = "";
        Map<String, Entry> entries = new TreeMap<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            if (line.startsWith(FINGERPRINT)) {
                fingerprint = line.substring(FINGERPRINT.length());
            } else if (!line.startsWith("#") && !line.isBlank()) {
                String[] fields = line.split("\t", -1);
                if (fields.length != 5) {
                    return empty("");
                }
                List<String> produced = fields[4].isEmpty() ? List.of() : Arrays.asList(fields[4].split("\\|"));
                entries.put(fields[3], new Entry(Kind.valueOf(fields[0]), fields[1], fields[2], List.copyOf(produced)));
            }
        }
        return new BuildState(fingerprint, entries);
    }

    /** Writes the state, replacing the file atomically so an interrupted build never leaves half a state. */
    void write(Path file) throws IOException {
        List<String> lines = new ArrayList<>();
        lines.add(HEADER);
        lines.add(FINGERPRINT + fingerprint);
        new TreeMap<>(entries)
                .forEach((path, entry) -> lines.add(String.join(
                        "\t",
                        entry.kind().name(),
                        entry.inputHash(),
                        entry.outputHash(),
                        path,
                        String.join("|", entry.produced()))));
        Files.createDirectories(file.getParent());
        Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
        Files.write(temporary, lines, StandardCharsets.UTF_8);
        Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
