package dev.stride.maven;

import java.io.File;
import java.util.List;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;

/**
 * Writes the Stride report of every annotated class in {@code target/classes} without rewriting anything
 * ({@code mvn stride:inspect}). Classes already rewritten by the {@code compile} goal are inspected from their
 * stored originals.
 */
@Mojo(name = "inspect", threadSafe = true, requiresDependencyResolution = ResolutionScope.COMPILE)
public final class InspectMojo extends AbstractStrideMojo {

    /** The class directory to inspect. */
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
        return "inspect";
    }

    @Override
    String compiledAt() {
        return "inspect";
    }

    @Override
    ClassDirectoryCompiler.Mode mode() {
        return ClassDirectoryCompiler.Mode.INSPECT;
    }

    @Override
    String stateFileName() {
        return "compile-state.txt";
    }
}
