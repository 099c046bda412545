package dev.stride.maven;

import dev.stride.compiler.StrideCompiler;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.Properties;

/**
 * Identifies the Stride that rewrites a build: the plugin version plus a hash of the compiler jar, so that two
 * snapshots of the same version still count as different compilers and trigger a recompilation.
 */
final class StrideVersion {
    private StrideVersion() {}

    static String version() {
        Properties properties = new Properties();
        try (InputStream in = StrideVersion.class.getResourceAsStream("stride-plugin.properties")) {
            if (in != null) {
                properties.load(in);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties.getProperty("version", "unknown");
    }

    /** {@code 0.1.0-SNAPSHOT+3f2a...}: the version and the first 16 hex digits of the compiler jar's SHA-256. */
    static String fingerprint() {
        return version() + "+" + compilerHash();
    }

    private static String compilerHash() {
        CodeSource source = StrideCompiler.class.getProtectionDomain().getCodeSource();
        if (source == null) {
            return "unknown";
        }
        try {
            Path location = Path.of(source.getLocation().toURI());
            return Files.isRegularFile(location)
                    ? Hashes.sha256(Files.readAllBytes(location)).substring(0, 16)
                    : "classes";
        } catch (IOException | URISyntaxException | IllegalArgumentException e) {
            return "unknown";
        }
    }
}
