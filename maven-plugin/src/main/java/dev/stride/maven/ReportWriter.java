package dev.stride.maven;

import dev.stride.compiler.ClassRewrite;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Writes one report file per class and chosen format: {@code <reportDirectory>/<binary name>.<extension>}. */
final class ReportWriter {
    private static final List<ReportFormat> KNOWN =
            List.of(new CompilerReportFormat("text"), new CompilerReportFormat("json"));

    private final Path directory;
    private final List<ReportFormat> formats;

    private ReportWriter(Path directory, List<ReportFormat> formats) {
        this.directory = directory;
        this.formats = formats;
    }

    /**
     * A writer for the named formats.
     *
     * @throws IllegalArgumentException naming the unknown format and the known ones
     */
    static ReportWriter of(Path directory, List<String> formatNames) {
        List<ReportFormat> chosen = new ArrayList<>();
        for (String name : formatNames) {
            String wanted = name.trim().toLowerCase(Locale.ROOT);
            if (wanted.isEmpty()) {
                continue;
            }
            chosen.add(KNOWN.stream()
                    .filter(format -> format.name().equals(wanted))
                    .findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("unknown report format '" + name
                            + "'; known formats: "
                            + KNOWN.stream().map(ReportFormat::name).toList())));
        }
        return new ReportWriter(directory, List.copyOf(chosen));
    }

    void write(ClassRewrite rewrite) throws IOException {
        String binaryName = rewrite.internalName().replace('/', '.');
        for (ReportFormat format : formats) {
            byte[] text = format.render(rewrite).getBytes(StandardCharsets.UTF_8);
            ClassFiles.writeIfChanged(directory, binaryName + "." + format.fileExtension(), text);
        }
    }
}
