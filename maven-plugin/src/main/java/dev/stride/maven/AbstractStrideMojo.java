package dev.stride.maven;

import dev.stride.compiler.ClassLibrary;
import dev.stride.compiler.CompilerOptions;
import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * The parameters and the run shared by the {@code compile}, {@code test-compile} and {@code inspect} goals. Each
 * goal says which directory it reads, what it calls its compilation, and whether it rewrites.
 */
public abstract class AbstractStrideMojo extends AbstractMojo {

    /** Skips the goal. */
    @Parameter(property = "stride.skip", defaultValue = "false")
    boolean skip;

    /**
     * Binary class-name patterns of the classes to compile ({@code com.example.**}, {@code *} stays within one
     * package segment, {@code **} crosses them). Empty: every class.
     */
    @Parameter(property = "stride.includes")
    List<String> includes = List.of();

    /** Binary class-name patterns of classes never to compile, same syntax as {@code includes}. */
    @Parameter(property = "stride.excludes")
    List<String> excludes = List.of();

    /** Permits floating-point reassociation in every kernel, as if each annotation said {@code fastmath = true}. */
    @Parameter(property = "stride.fastmath", defaultValue = "false")
    boolean fastmath;

    /**
     * Makes every loop that stays scalar a build error instead of a warning, and fails annotated classes that
     * have no line numbers.
     */
    @Parameter(property = "stride.strict", defaultValue = "false")
    boolean strict;

    /** SIMD width to compile for: {@code auto} (each annotation's choice), {@code 256} or {@code 512}. */
    @Parameter(property = "stride.simdWidth", defaultValue = "auto")
    String simdWidth;

    /** Report formats written per compiled class: {@code text}, {@code json}, or both. */
    @Parameter(property = "stride.reportFormats", defaultValue = "text")
    List<String> reportFormats;

    /** Where the per-class reports go, one file per class and format. */
    @Parameter(property = "stride.reportDirectory", defaultValue = "${project.build.directory}/stride-reports")
    File reportDirectory;

    /** The build directory; the plugin keeps its state in {@code stride/} below it. */
    @Parameter(defaultValue = "${project.build.directory}", readonly = true, required = true)
    File buildDirectory;

    /** The class directory this goal reads. */
    abstract File classesDirectory();

    /**
     * The class path (directories and jars) in which the compiler finds other classes: the functions a kernel
     * calls and the kernels a specialisation is made from. The class directory itself is searched first.
     */
    abstract List<String> libraryPath();

    /** The goal's name, for the log. */
    abstract String goal();

    /** How the report names this compilation: {@code build} or {@code inspect}. */
    abstract String compiledAt();

    /** Rewrite the directory or only report. */
    abstract ClassDirectoryCompiler.Mode mode();

    /** The state file's name in {@code target/stride}. */
    abstract String stateFileName();

    /** Whether a goal-specific switch (such as {@code maven.test.skip}) skips this goal. */
    boolean skippedByGoal() {
        return false;
    }

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        if (skip || skippedByGoal()) {
            getLog().info("Stride: skipped");
            return;
        }
        File classes = classesDirectory();
        if (!classes.isDirectory()) {
            getLog().info("Stride: no class directory " + classes + ", nothing to compile");
            return;
        }
        CompilerOptions options = new CompilerOptions(fastmath, strict, simdBits(), true, compiledAt());
        ClassDirectoryCompiler.Result result = run(classes, options);
        getLog().info("Stride " + goal() + ": " + result.statistics().summary());
        if (!result.errors().isEmpty()) {
            throw new MojoFailureException(
                    "Stride found " + result.errors().size() + " error(s):\n  " + String.join("\n  ", result.errors()));
        }
    }

    private ClassDirectoryCompiler.Result run(File classes, CompilerOptions options) throws MojoExecutionException {
        ReportWriter reports;
        try {
            reports = ReportWriter.of(reportDirectory.toPath(), reportFormats);
        } catch (IllegalArgumentException e) {
            throw new MojoExecutionException("Stride: " + e.getMessage(), e);
        }
        ClassDirectoryCompiler.Settings settings = new ClassDirectoryCompiler.Settings(
                classes.toPath(),
                buildDirectory.toPath().resolve("stride").resolve(stateFileName()),
                StrideVersion.fingerprint() + " " + options,
                strict,
                options.keepOriginals(),
                mode());
        ClassNameFilter filter = new ClassNameFilter(includes, excludes);
        try {
            return new ClassDirectoryCompiler(
                            settings, KernelCompiler.stride(options, library(classes)), filter, reports, getLog())
                    .run();
        } catch (IOException e) {
            throw new MojoExecutionException("Stride: cannot process " + classes + ": " + e, e);
        }
    }

    private ClassLibrary library(File classes) {
        List<Path> roots = new ArrayList<>();
        roots.add(classes.toPath());
        for (String element : libraryPath() == null ? List.<String>of() : libraryPath()) {
            Path path = Path.of(element);
            if (!roots.contains(path)) {
                roots.add(path);
            }
        }
        return ClassLibrary.roots(roots);
    }

    int simdBits() throws MojoExecutionException {
        return switch (simdWidth.trim()) {
            case "auto" -> 0;
            case "256" -> 256;
            case "512" -> 512;
            default ->
                throw new MojoExecutionException("Stride: simdWidth must be auto, 256 or 512, was '" + simdWidth + "'");
        };
    }
}
