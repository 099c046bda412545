package dev.stride.maven;

import java.io.File;
import java.util.List;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;

/**
 * Rewrites the Stride-annotated classes of {@code target/classes} in place, right after {@code javac}. Running it
 * twice changes nothing; unchanged classes are skipped.
 */
@Mojo(
        name = "compile",
        defaultPhase = LifecyclePhase.PROCESS_CLASSES,
        threadSafe = true,
        requiresDependencyResolution = ResolutionScope.COMPILE)
public final class CompileMojo extends AbstractStrideMojo {

    /** The class directory to rewrite. */
    @Parameter(defaultValue = "${project.build.outputDirectory}", required = true)
    File classesDirectory;

    /** The compile class path, where functions of other classes and modules are looked up. */
    @Parameter(defaultValue = "${project.compileClasspathElements}", readonly = true, required = true)
    List<String> classpathElements;

    @Override
    List<String> libraryPath() {
        return classpathElements;
    }

    @Override
    File classesDirectory() {
        return classesDirectory;
    }

    @Override
    String goal() {
        return "compile";
    }

    @Override
    String compiledAt() {
        return "build";
    }

    @Override
    ClassDirectoryCompiler.Mode mode() {
        return ClassDirectoryCompiler.Mode.REWRITE;
    }

    @Override
    String stateFileName() {
        return "compile-state.txt";
    }
}
