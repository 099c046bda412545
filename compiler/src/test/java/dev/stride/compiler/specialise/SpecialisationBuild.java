package dev.stride.compiler.specialise;

import dev.stride.compiler.ClassLibrary;
import dev.stride.compiler.ClassRewrite;
import dev.stride.compiler.CompilerOptions;
import dev.stride.compiler.Diagnostic;
import dev.stride.compiler.StrideCompiler;
import dev.stride.compiler.processor.StrideProcessor;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * Builds a test source the way a user project is built, in a scratch directory: javac with Stride's annotation
 * processor (which generates the overloads class), then optionally Stride's class rewrite over the output, as the
 * Maven plugin does. Each result is loaded in its own {@link URLClassLoader}, so the class files are also readable as
 * resources, which is how the run-time path finds a kernel's bytecode.
 */
final class SpecialisationBuild {
    private SpecialisationBuild() {}

    /**
     * Compiles sources with the processor.
     *
     * @param root a scratch directory
     * @param sources binary name to source text
     * @return the class output directory
     */
    static Path javac(Path root, Map<String, String> sources) {
        try {
            Path sourceDir = Files.createDirectories(root.resolve("src"));
            Path classes = Files.createDirectories(root.resolve("classes"));
            Path generated = Files.createDirectories(root.resolve("generated"));
            List<Path> files = new ArrayList<>();
            for (Map.Entry<String, String> source : sources.entrySet()) {
                Path file = sourceDir.resolve(source.getKey().replace('.', '/') + ".java");
                Files.createDirectories(file.getParent());
                Files.writeString(file, source.getValue());
                files.add(file);
            }
            JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
            DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
            try (StandardJavaFileManager manager = javac.getStandardFileManager(null, Locale.ROOT, null)) {
                List<String> options = List.of(
                        "-g",
                        "-d",
                        classes.toString(),
                        "-s",
                        generated.toString(),
                        "-classpath",
                        System.getProperty("java.class.path"));
                JavaCompiler.CompilationTask task = javac.getTask(
                        null, manager, diagnostics, options, null, manager.getJavaFileObjectsFromPaths(files));
                task.setProcessors(List.of(new StrideProcessor()));
                if (!task.call()) {
                    StringBuilder message = new StringBuilder("javac failed:\n");
                    diagnostics.getDiagnostics().forEach(d -> message.append(d).append('\n'));
                    throw new AssertionError(message);
                }
            }
            return classes;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Rewrites every class of a directory with Stride, as the Maven plugin does, into a new directory.
     *
     * @param classes javac's output
     * @param target the directory to write to
     * @return the rewrites, by internal name
     */
    static Map<String, ClassRewrite> rewrite(Path classes, Path target) {
        Map<String, ClassRewrite> rewrites = new LinkedHashMap<>();
        StrideCompiler compiler = new StrideCompiler(CompilerOptions.defaults());
        ClassLibrary library = ClassLibrary.roots(List.of(classes));
        try (Stream<Path> files = Files.walk(classes)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".class")).toList()) {
                Path relative = classes.relativize(file);
                byte[] bytes = Files.readAllBytes(file);
                ClassRewrite rewrite = compiler.compile(bytes, library);
                for (Diagnostic diagnostic : rewrite.diagnostics()) {
                    if (diagnostic.severity() == Diagnostic.Severity.ERROR) {
                        throw new AssertionError(diagnostic.format());
                    }
                }
                rewrites.put(rewrite.internalName(), rewrite);
                write(target.resolve(relative), rewrite.changed() ? rewrite.rewrittenClass() : bytes);
                for (Map.Entry<String, byte[]> added : rewrite.addedClasses().entrySet()) {
                    write(target.resolve(added.getKey() + ".class"), added.getValue());
                }
                for (Map.Entry<String, byte[]> resource : rewrite.resources().entrySet()) {
                    write(target.resolve(resource.getKey()), resource.getValue());
                }
            }
            return rewrites;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A loader over a class directory whose parent is the test's loader.
     *
     * @param classes the directory
     * @return a new loader
     */
    static URLClassLoader loader(Path classes) {
        try {
            return new URLClassLoader(
                    "stride-specialise-test",
                    new URL[] {classes.toUri().toURL()},
                    SpecialisationBuild.class.getClassLoader());
        } catch (MalformedURLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void write(Path file, byte[] bytes) throws IOException {
        Files.createDirectories(file.getParent());
        Files.write(file, bytes);
    }
}
