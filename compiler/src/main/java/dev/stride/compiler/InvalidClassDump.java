package dev.stride.compiler;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Keeps the evidence when the verifier gate rejects a class Stride generated: the original, the rewrite and the
 * SIMD holder go to a fresh temporary directory whose path the internal-error diagnostic names, so a bug report can
 * carry them. The build itself never uses these files.
 */
final class InvalidClassDump {

    private InvalidClassDump() {}

    /**
     * Writes the files.
     *
     * @param className the internal name of the class
     * @param original the class as given to the compiler
     * @param rewritten the invalid rewrite
     * @param holder the SIMD holder class, or null
     * @return "in DIR" naming the directory, or a note that nothing could be written
     */
    static String write(String className, byte[] original, byte[] rewritten, byte[] holder) {
        String simpleName = className.substring(className.lastIndexOf('/') + 1);
        try {
            Path directory = Files.createTempDirectory("stride-invalid-" + simpleName + "-");
            Files.write(directory.resolve(simpleName + ".original.class"), original);
            Files.write(directory.resolve(simpleName + ".rewritten.class"), rewritten);
            if (holder != null) {
                Files.write(directory.resolve(simpleName + "$StrideSimd.class"), holder);
            }
            return "in " + directory;
        } catch (IOException | RuntimeException e) {
            return "(they could not be written to a temporary directory: " + e.getMessage() + ")";
        }
    }
}
