package dev.stride.compiler;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.objectweb.asm.AnnotationVisitor;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.Opcodes;

/**
 * Where the compiler finds the class files of other classes while it compiles one: the functions a kernel calls
 * in another class (a {@code @Vectorize} function called from its generated array forms) and the kernels a
 * specialisation is made from.
 *
 * <p>Each lookup prefers the stored original of a class Stride already rewrote ({@code
 * META-INF/stride/original/<name>.class}), so the compiler always reads code as the user wrote it, never an
 * earlier rewrite of it. The original is used only when the class file found is such a rewrite (it carries the
 * {@code StrideCompiled} marker): after javac compiled the class again, the stored original is stale until Stride
 * processes that class, and the fresh class file is what the user wrote (an incremental build that compiles a
 * ufunc's companion before its owner must inline the owner's new code). Front ends supply the library that matches where they run: the Maven plugin its class
 * directory and class path, the agent the defining class loader, {@code --inspect} its inputs.
 */
@FunctionalInterface
public interface ClassLibrary {

    /** The resource prefix under which rewritten classes keep their originals. */
    String ORIGINALS = "META-INF/stride/original/";

    /**
     * The class file of a class as the user compiled it.
     *
     * @param internalName the JVM internal name, e.g. {@code com/acme/Kernels}
     * @return its bytes (the stored original when the class was rewritten), or empty when it is not found
     */
    Optional<byte[]> classFile(String internalName);

    /**
     * A library that finds nothing: cross-class work is skipped and reported as such.
     *
     * @return the empty library
     */
    static ClassLibrary none() {
        return name -> Optional.empty();
    }

    /**
     * A library over a class loader's resources.
     *
     * @param loader the loader to ask; {@code null} means the system class loader
     * @return a library reading {@code <name>.class} resources
     */
    static ClassLibrary of(ClassLoader loader) {
        ClassLoader effective = loader != null ? loader : ClassLoader.getSystemClassLoader();
        return name ->
                current(resource(effective, name + ".class"), () -> resource(effective, ORIGINALS + name + ".class"));
    }

    /**
     * A library over class directories and jar files, searched in order.
     *
     * @param roots directories and jars
     * @return a library reading from them
     */
    static ClassLibrary roots(List<Path> roots) {
        List<Path> copy = List.copyOf(roots);
        return name -> {
            for (Path root : copy) {
                Optional<byte[]> found =
                        current(read(root, name + ".class"), () -> read(root, ORIGINALS + name + ".class"));
                if (found.isPresent()) {
                    return found;
                }
            }
            return Optional.empty();
        };
    }

    /** The class file as the user wrote it: the stored original when the class file is a Stride rewrite. */
    private static Optional<byte[]> current(Optional<byte[]> classFile, Supplier<Optional<byte[]>> original) {
        if (classFile.isPresent() && !isRewrite(classFile.get())) {
            return classFile;
        }
        Optional<byte[]> stored = original.get();
        return stored.isPresent() ? stored : classFile;
    }

    /** Whether a class file carries the marker; unreadable bytes count as a rewrite (the original is preferred). */
    private static boolean isRewrite(byte[] classFile) {
        boolean[] marked = {false};
        ClassReader reader;
        try {
            reader = new ClassReader(classFile);
        } catch (IllegalArgumentException | ArrayIndexOutOfBoundsException e) {
            return true;
        }
        reader.accept(
                new ClassVisitor(Opcodes.ASM9) {
                    @Override
                    public AnnotationVisitor visitAnnotation(String descriptor, boolean visible) {
                        marked[0] |= descriptor.equals(StrideCompiler.COMPILED_MARKER);
                        return null;
                    }
                },
                ClassReader.SKIP_CODE | ClassReader.SKIP_DEBUG | ClassReader.SKIP_FRAMES);
        return marked[0];
    }

    private static Optional<byte[]> resource(ClassLoader loader, String path) {
        try (InputStream in = loader.getResourceAsStream(path)) {
            return in == null ? Optional.empty() : Optional.of(in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + path, e);
        }
    }

    private static Optional<byte[]> read(Path root, String entry) {
        try {
            if (Files.isDirectory(root)) {
                Path file = root.resolve(entry);
                return Files.isRegularFile(file) ? Optional.of(Files.readAllBytes(file)) : Optional.empty();
            }
            if (Files.isRegularFile(root)) {
                try (ZipFile zip = new ZipFile(root.toFile())) {
                    ZipEntry found = zip.getEntry(entry);
                    if (found == null) {
                        return Optional.empty();
                    }
                    try (InputStream in = zip.getInputStream(found)) {
                        return Optional.of(in.readAllBytes());
                    }
                }
            }
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + entry + " from " + root, e);
        }
    }
}
