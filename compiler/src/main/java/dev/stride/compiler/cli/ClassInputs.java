package dev.stride.compiler.cli;

import dev.stride.compiler.ClassLibrary;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.objectweb.asm.ClassReader;

/**
 * Turns the targets of {@code --inspect} into class files. For a class that Stride rewrote, the original stored
 * beside it ({@code META-INF/stride/original/...}) is used, so the report describes the code as written.
 */
final class ClassInputs {
    private static final String ORIGINALS = "META-INF/stride/original/";

    private ClassInputs() {}

    static List<ClassInput> resolve(List<String> targets, String classpath) throws IOException {
        List<ClassInput> inputs = new ArrayList<>();
        for (String target : targets) {
            Path path = Path.of(target);
            if (Files.isDirectory(path)) {
                inputs.addAll(directory(path));
            } else if (Files.isRegularFile(path) && target.endsWith(".jar")) {
                inputs.addAll(jar(path));
            } else if (Files.isRegularFile(path)) {
                inputs.add(classFile(path));
            } else if (!target.contains(File.separator) && !target.endsWith(".class")) {
                inputs.add(byName(target, classpath));
            } else {
                throw new IllegalArgumentException("no such file or directory: " + target);
            }
        }
        return inputs;
    }

    /**
     * Where the compiler finds other classes while inspecting: the directory and jar targets, then the class path.
     */
    static ClassLibrary library(List<String> targets, String classpath) {
        List<Path> roots = new ArrayList<>();
        for (String target : targets) {
            Path path = Path.of(target);
            if (Files.isDirectory(path) || (Files.isRegularFile(path) && target.endsWith(".jar"))) {
                roots.add(path);
            } else if (Files.isRegularFile(path)) {
                classRoot(path).ifPresent(roots::add);
            }
        }
        for (String entry : classpath.split(File.pathSeparator)) {
            roots.add(Path.of(entry.isEmpty() ? "." : entry));
        }
        return ClassLibrary.roots(roots);
    }

    private static List<ClassInput> directory(Path root) throws IOException {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(root)) {
            files = walk.filter(p -> p.toString().endsWith(".class"))
                    .filter(p -> !root.relativize(p).toString().startsWith("META-INF"))
                    .sorted()
                    .toList();
        }
        List<ClassInput> inputs = new ArrayList<>();
        for (Path file : files) {
            Path original =
                    root.resolve(ORIGINALS).resolve(root.relativize(file).toString());
            boolean rewritten = Files.exists(original);
            inputs.add(new ClassInput(file.toString(), Files.readAllBytes(rewritten ? original : file), rewritten));
        }
        return inputs;
    }

    private static List<ClassInput> jar(Path path) throws IOException {
        List<ClassInput> inputs = new ArrayList<>();
        try (ZipFile zip = new ZipFile(path.toFile())) {
            for (ZipEntry entry : Collections.list(zip.entries())) {
                String name = entry.getName();
                if (!name.endsWith(".class") || name.startsWith("META-INF/")) {
                    continue;
                }
                ZipEntry original = zip.getEntry(ORIGINALS + name);
                try (InputStream in = zip.getInputStream(original != null ? original : entry)) {
                    inputs.add(new ClassInput(path + "!" + name, in.readAllBytes(), original != null));
                }
            }
        }
        return inputs;
    }

    /**
     * A single class file: when it lies in a class directory whose {@code META-INF/stride/original} holds its
     * original (the build rewrote it), the original is inspected.
     */
    private static ClassInput classFile(Path path) throws IOException {
        byte[] bytes = Files.readAllBytes(path);
        Optional<Path> root = classRoot(path);
        if (root.isEmpty()) {
            return new ClassInput(path.toString(), bytes);
        }
        Path original = root.get().resolve(ORIGINALS + new ClassReader(bytes).getClassName() + ".class");
        return Files.isRegularFile(original)
                ? new ClassInput(path.toString(), Files.readAllBytes(original), true)
                : new ClassInput(path.toString(), bytes);
    }

    /**
     * The class directory a single class file lies in ({@code target/classes} for {@code
     * target/classes/com/acme/K.class}), found from the class's own name, so the functions it calls in sibling
     * classes can be inlined as in the build; empty when the file is unreadable or not laid out by package.
     */
    private static Optional<Path> classRoot(Path file) {
        String internalName;
        try {
            internalName = new ClassReader(Files.readAllBytes(file)).getClassName();
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
        Path absolute = file.toAbsolutePath().normalize();
        int depth = internalName.split("/").length;
        if (absolute.getNameCount() <= depth
                || !absolute.toString().endsWith(internalName.replace('/', java.io.File.separatorChar) + ".class")) {
            return Optional.empty();
        }
        return Optional.of(absolute.getRoot().resolve(absolute.subpath(0, absolute.getNameCount() - depth)));
    }

    private static ClassInput byName(String className, String classpath) throws IOException {
        String resource = className.replace('.', '/') + ".class";
        for (String entry : classpath.split(File.pathSeparator)) {
            Path root = Path.of(entry.isEmpty() ? "." : entry);
            if (Files.isDirectory(root)) {
                Path original = root.resolve(ORIGINALS + resource);
                Path file = root.resolve(resource);
                if (Files.exists(original)) {
                    return new ClassInput(original.toString(), Files.readAllBytes(original), true);
                }
                if (Files.exists(file)) {
                    return new ClassInput(file.toString(), Files.readAllBytes(file));
                }
            } else if (Files.isRegularFile(root) && entry.endsWith(".jar")) {
                try (ZipFile zip = new ZipFile(root.toFile())) {
                    ZipEntry original = zip.getEntry(ORIGINALS + resource);
                    ZipEntry plain = zip.getEntry(resource);
                    ZipEntry chosen = original != null ? original : plain;
                    if (chosen != null) {
                        try (InputStream in = zip.getInputStream(chosen)) {
                            return new ClassInput(root + "!" + resource, in.readAllBytes(), original != null);
                        }
                    }
                }
            }
        }
        throw new IllegalArgumentException("class " + className + " not found on the classpath (use --classpath,"
                + " or give a .class file, jar or directory)");
    }
}
