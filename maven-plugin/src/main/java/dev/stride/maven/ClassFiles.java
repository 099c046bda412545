package dev.stride.maven;

import dev.stride.compiler.StrideCompiler;
import dev.stride.runtime.Originals;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

/**
 * The class files of an output directory as the plugin sees them: listed in a stable order, named, read and
 * written only when their contents change (so file times stay put for incremental tools downstream).
 */
final class ClassFiles {
    private static final byte[] MARKER = StrideCompiler.COMPILED_MARKER.getBytes(StandardCharsets.UTF_8);

    private ClassFiles() {}

    /**
     * Every class file under {@code directory} that javac could have written, sorted by relative path. Skips
     * {@code META-INF} (stored originals live there), {@code module-info} and {@code package-info}.
     */
    static List<String> list(Path directory) throws IOException {
        if (!Files.isDirectory(directory)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(directory)) {
            return files.filter(Files::isRegularFile)
                    .map(file -> relative(directory, file))
                    .filter(ClassFiles::isCandidate)
                    .sorted()
                    .toList();
        }
    }

    private static String relative(Path directory, Path file) {
        return directory.relativize(file).toString().replace('\\', '/');
    }

    private static boolean isCandidate(String relativePath) {
        return relativePath.endsWith(".class")
                && !relativePath.startsWith("META-INF/")
                && !relativePath.endsWith("module-info.class")
                && !relativePath.endsWith("package-info.class");
    }

    /** {@code com/example/Sum.class} to {@code com/example/Sum}. */
    static String internalName(String relativePath) {
        return relativePath.substring(0, relativePath.length() - ".class".length());
    }

    /** {@code com/example/Sum} to the relative path of its stored original. */
    static String originalResource(String internalName) {
        return Originals.RESOURCE_PREFIX + internalName + ".class";
    }

    /**
     * Whether the class carries Stride's compiled marker annotation. A byte search for the marker's descriptor
     * rules out almost every class cheaply; a hit is confirmed by reading the class's own annotations, since a
     * class may merely refer to the marker type (e.g. {@code isAnnotationPresent(StrideCompiled.class)}).
     */
    static boolean hasCompiledMarker(byte[] classFile) {
        return indexOf(classFile, MARKER) >= 0 && MarkerReader.isMarked(classFile);
    }

    static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    /** Reads a file relative to the directory, or null when it does not exist. */
    static byte[] readIfPresent(Path directory, String relativePath) throws IOException {
        Path file = directory.resolve(relativePath);
        return Files.isRegularFile(file) ? Files.readAllBytes(file) : null;
    }

    /**
     * Writes a file unless it already holds exactly these bytes.
     *
     * @return true when the file was written
     */
    static boolean writeIfChanged(Path directory, String relativePath, byte[] bytes) throws IOException {
        Path file = directory.resolve(relativePath);
        if (Files.isRegularFile(file) && Arrays.equals(Files.readAllBytes(file), bytes)) {
            return false;
        }
        Files.createDirectories(file.getParent());
        Files.write(file, bytes);
        return true;
    }
}
