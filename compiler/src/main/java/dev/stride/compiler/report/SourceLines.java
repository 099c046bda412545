package dev.stride.compiler.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Where a renderer finds the source text of a reported class. The report itself holds only line numbers; a
 * renderer that shows code (HTML) asks this for the lines and shows none when the source is not available.
 */
@FunctionalInterface
public interface SourceLines {

    /**
     * The source lines of a class, the first element being line 1.
     *
     * @param report the class report (its name and source file locate the file)
     * @return the lines, or an empty list when the source is not available
     */
    List<String> of(ClassReport report);

    /**
     * No source for any class.
     *
     * @return a lookup that always answers an empty list
     */
    static SourceLines none() {
        return report -> List.of();
    }

    /**
     * Source files under a source root, looked up as {@code <package path>/<SourceFile>} like {@code javac
     * -sourcepath} does ({@code dev/stride/samples/Sum.java} for {@code dev.stride.samples.Sum}).
     *
     * @param root a source root such as {@code src/main/java}
     * @return a lookup that reads the file when it exists
     */
    static SourceLines under(Path root) {
        return report -> {
            if (report.sourceFile() == null) {
                return List.of();
            }
            int lastDot = report.className().lastIndexOf('.');
            String packagePath =
                    lastDot < 0 ? "" : report.className().substring(0, lastDot).replace('.', '/') + "/";
            Path file = root.resolve(packagePath + report.sourceFile());
            if (!Files.isRegularFile(file)) {
                return List.of();
            }
            try {
                return Files.readAllLines(file, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + file, e);
            }
        };
    }
}
