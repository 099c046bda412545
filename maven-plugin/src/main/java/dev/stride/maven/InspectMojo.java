package dev.stride.maven;

import java.io.File;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Writes the Stride report of every annotated class in {@code target/classes} without rewriting anything
 * ({@code mvn stride:inspect}). Classes already rewritten by the {@code compile} goal are inspected from their
 * stored originals.
 */
@Mojo(name = "inspect", threadSafe = true)
public final class InspectMojo extends AbstractStrideMojo {

    /** The class directory to inspect. */
    @Parameter(defaultValue = "${project.build.outputDirectory}", required = true)
    File classesDirectory;

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
